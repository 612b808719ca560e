/* Rules page: the rule set in service and the last reload, refreshed every few seconds. */
'use strict';

(() => {
  const { api, el, banner, problemText, formatInstant } = Advisor;
  let shownVersion = null;

  async function loadStatus() {
    let answer;
    try {
      answer = await api('/api/v1/rules/status');
    } catch (e) {
      banner(e.message);
      return;
    }
    if (!answer.ok) { banner(problemText(answer)); return; }
    banner(null);
    const { version, lastReload } = answer.body;
    const errors = (lastReload && lastReload.errors) || [];
    const node = document.getElementById('status');
    node.replaceChildren(...[
      lastReload && lastReload.ok
        ? el('p', { class: 'banner ok', id: 'reload-outcome', text: 'The last reload succeeded: every rule file compiled.' })
        : el('p', { class: 'banner error', id: 'reload-outcome',
            text: 'The last reload was rejected: version ' + version + ' keeps answering until the errors below are fixed.' }),
      el('dl', { class: 'status' },
        el('dt', { text: 'Version in service' }), el('dd', {}, el('code', { id: 'status-version', text: version })),
        el('dt', { text: 'Last reload' }), el('dd', { text: lastReload ? formatInstant(lastReload.at) + ' (' + lastReload.tookMillis + ' ms)' : '—' })),
      errors.length ? el('div', {}, el('h3', { text: 'Errors (file:line: message)' }),
        el('ul', { class: 'errors', id: 'reload-errors' }, errors.map(error =>
          el('li', { text: error.file + ':' + error.line + ': ' + error.message })))) : null].filter(Boolean));
    if (version !== shownVersion) loadRules();
  }

  async function loadRules() {
    let answer;
    try {
      answer = await api('/api/v1/rules');
    } catch (e) {
      banner(e.message);
      return;
    }
    if (!answer.ok) { banner(problemText(answer)); return; }
    const { version, rules } = answer.body;
    shownVersion = version;
    document.getElementById('rules-version').replaceChildren('Version ', el('code', { id: 'rules-version-code', text: version }),
      ' · ' + rules.length + ' rules, in file order');
    const node = document.getElementById('rules');
    if (!rules.length) { node.replaceChildren(el('p', { class: 'empty card', text: 'The rule set has no rules.' })); return; }
    node.replaceChildren(el('div', { class: 'table-wrap' }, el('table', { id: 'rules-table', class: 'stack' },
      el('caption', { class: 'sr-only', text: 'Every rule of the rule set in service' }),
      el('thead', {}, el('tr', {}, ['Where', 'Rule', 'Kind', 'Statements', 'Explanation']
        .map(title => el('th', { scope: 'col', text: title })))),
      el('tbody', {}, rules.map(rule => el('tr', {},
        el('td', { class: 'nowrap', 'data-label': 'Where' }, el('code', { text: rule.file + ':' + rule.line })),
        el('td', { 'data-label': 'Rule', text: rule.name }),
        el('td', { 'data-label': 'Kind' }, el('span', { class: 'tag kind-' + rule.kind, text: rule.kind })),
        el('td', { 'data-label': 'Statements' }, rule.statements.map(key => el('span', { class: 'tag', text: key }))),
        el('td', { 'data-label': 'Explanation', text: rule.explanation })))))));
  }

  document.getElementById('refresh').addEventListener('click', () => { shownVersion = null; loadStatus(); });
  loadStatus();
  setInterval(loadStatus, 3000);
})();
