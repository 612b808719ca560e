/* Audit page: the list of evaluations (filters, paging) and one evaluation in detail (#<id>). */
'use strict';

(() => {
  const { api, el, banner, problemText, showFieldErrors, clearFieldErrors, formatInstant, choiceName } = Advisor;
  const PAGE_SIZE = 20;
  const filters = document.getElementById('filters');
  let page = 0;
  let catalog = null;

  function query() {
    const parameters = new URLSearchParams();
    for (const name of ['choice', 'statement', 'label']) {
      const value = filters.elements[name].value.trim();
      if (value) parameters.set(name, value);
    }
    const from = filters.elements['from'].value;
    const to = filters.elements['to'].value;
    if (from) parameters.set('from', new Date(from + 'T00:00:00').toISOString());
    if (to) {
      const end = new Date(to + 'T00:00:00');
      end.setDate(end.getDate() + 1);
      parameters.set('to', end.toISOString());
    }
    parameters.set('page', page);
    parameters.set('size', PAGE_SIZE);
    return parameters;
  }

  async function loadList() {
    banner(null);
    clearFieldErrors(filters);
    const list = document.getElementById('list');
    let answer;
    try {
      answer = await api('/api/v1/evaluations?' + query());
    } catch (e) {
      banner(e.message);
      return;
    }
    if (!answer.ok) {
      const unplaced = showFieldErrors(filters, (answer.body && answer.body.errors) || []);
      if (answer.status !== 400 || unplaced.length || !(answer.body && answer.body.errors)) banner(problemText(answer));
      return;
    }
    const { items, total } = answer.body;
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    document.getElementById('count').textContent = total === 1 ? '1 evaluation' : total + ' evaluations';
    document.getElementById('page-info').textContent = 'Page ' + (page + 1) + ' of ' + pages;
    document.getElementById('verify').addEventListener('click', verify);
  document.getElementById('previous').disabled = page === 0;
    document.getElementById('next').disabled = page + 1 >= pages;
    if (items.length === 0) {
      list.replaceChildren(el('p', { class: 'empty card', id: 'no-evaluations',
        text: total === 0 && !filtered() ? 'No evaluations yet. Ask for a verdict on the Ask page and it appears here.'
          : 'No evaluation matches these filters.' }));
      return;
    }
    list.replaceChildren(el('div', { class: 'table-wrap' }, el('table', { id: 'evaluations', class: 'stack' },
      el('caption', { class: 'sr-only', text: 'Evaluations, newest first' }),
      el('thead', {}, el('tr', {}, ['When', 'Label', 'Verdict', 'Confidence', 'Rules version', 'Log', 'Index',
        'Leaf', '']
        .map(title => el('th', { scope: 'col', text: title })))),
      el('tbody', {}, items.map(item => el('tr', { 'data-id': item.id },
        el('td', { class: 'nowrap', 'data-label': 'When', text: formatInstant(item.evaluatedAt) }),
        el('td', { 'data-label': 'Label', text: item.label || '—' }),
        el('td', { class: 'nowrap', 'data-label': 'Verdict' }, el('strong', { text: choiceName(item.choice) })),
        el('td', { 'data-label': 'Confidence', text: item.confidence }),
        el('td', { 'data-label': 'Rules version' }, el('code', { text: item.rulesVersion })),
        el('td', { class: 'log nowrap', 'data-label': 'Log' }, item.log ? el('code', { text: item.log }) : '—'),
        el('td', { class: 'index', 'data-label': 'Index' }, item.index === null || item.index === undefined ? '—' : String(item.index)),
        el('td', { class: 'leaf nowrap', 'data-label': 'Leaf' }, leafMark(item)),
        el('td', { 'data-label': '' }, el('a', { href: '#' + item.id, class: 'open', 'aria-label': 'Open evaluation ' + (item.label || item.id) }, 'Open'))))))));
  }

  /** ✓ or ✗ with words, not colour alone. */
  function mark(good, text) {
    return el('span', { class: 'mark ' + (good ? 'good' : 'bad'), 'data-ok': String(good) },
      el('span', { 'aria-hidden': 'true', text: good ? '✓ ' : '✗ ' }), text);
  }

  function leafMark(item) {
    if (item.index === null || item.index === undefined) return mark(false, 'not in a log');
    return item.leafMatches ? mark(true, 'matches') : mark(false, 'does not match');
  }

  function mismatchText(mismatch) {
    if (!mismatch) return '—';
    const where = [];
    if (mismatch.index !== null && mismatch.index !== undefined) where.push('index ' + mismatch.index);
    if (mismatch.id) where.push('evaluation ' + mismatch.id);
    return (where.length ? where.join(', ') + ': ' : '') + mismatch.reason;
  }

  async function verify() {
    const button = document.getElementById('verify');
    const container = document.getElementById('verify-result');
    button.disabled = true;
    container.replaceChildren(el('p', { class: 'meta', text: 'Verifying…' }));
    let answer;
    try {
      answer = await api('/api/v1/audit/verify');
    } catch (e) {
      container.replaceChildren();
      banner(e.message);
      return;
    } finally {
      button.disabled = false;
    }
    if (!answer.ok) {
      container.replaceChildren();
      banner(problemText(answer));
      return;
    }
    const result = answer.body;
    const logs = result.logs || [];
    const checked = result.checked === 1 ? '1 record' : result.checked + ' records';
    const inLogs = logs.length === 1 ? '1 log' : logs.length + ' logs';
    const first = result.firstMismatch;
    const summary = el('p', { id: 'verify-summary', class: 'banner ' + (result.ok ? 'ok' : 'error'),
      'data-ok': String(result.ok) },
      mark(result.ok, result.ok
        ? 'Verified: ' + checked + ' in ' + inLogs + ' match their signed checkpoints.'
        : 'Mismatch' + (first && first.log ? ' in log ' + first.log : '') + ' — ' + mismatchText(first)
          + ' (' + checked + ' found intact).'));
    const table = logs.length === 0 ? el('p', { class: 'empty', text: 'There are no audit logs yet.' })
      : el('div', { class: 'table-wrap' }, el('table', { id: 'verify-logs', class: 'stack' },
        el('caption', { class: 'sr-only', text: 'Verification of each log' }),
        el('thead', {}, el('tr', {}, ['Log', 'Size', 'Checked', 'Result', 'First mismatch']
          .map(title => el('th', { scope: 'col', text: title })))),
        el('tbody', {}, logs.map(log => el('tr', { 'data-log': log.log },
          el('td', { class: 'log nowrap', 'data-label': 'Log' }, el('code', { text: log.log })),
          el('td', { class: 'size', 'data-label': 'Size', text: String(log.size) }),
          el('td', { class: 'checked', 'data-label': 'Checked', text: String(log.checked) }),
          el('td', { class: 'result nowrap', 'data-label': 'Result' }, mark(log.ok, log.ok ? 'ok' : 'mismatch')),
          el('td', { class: 'mismatch', 'data-label': 'First mismatch', text: mismatchText(log.firstMismatch) }))))));
    container.replaceChildren(summary, table);
  }

  function filtered() {
    return ['choice', 'statement', 'label', 'from', 'to'].some(name => filters.elements[name].value.trim());
  }

  async function showDetail(id) {
    banner(null);
    document.getElementById('list-view').hidden = true;
    document.getElementById('verify-view').hidden = true;
    const view = document.getElementById('detail-view');
    view.hidden = false;
    const meta = document.getElementById('detail-meta');
    const factsNode = document.getElementById('detail-facts');
    const answerNode = document.getElementById('detail-answer');
    meta.replaceChildren();
    factsNode.textContent = 'Loading…';
    answerNode.replaceChildren();
    let answer;
    try {
      answer = await api('/api/v1/evaluations/' + encodeURIComponent(id));
    } catch (e) {
      banner(e.message);
      return;
    }
    if (!answer.ok) {
      factsNode.textContent = '';
      banner(problemText(answer));
      return;
    }
    const evaluation = answer.body;
    const heading = document.getElementById('detail-heading');
    heading.textContent = 'Evaluation: ' + (evaluation.label || evaluation.id);
    const pairs = [
      ['Id', el('code', { text: evaluation.id })],
      ['Evaluated at', formatInstant(evaluation.evaluatedAt) + ' (' + evaluation.evaluatedAt + ')'],
      ['Label', evaluation.label || '—'],
      ['Rule set', el('span', {}, el('code', { text: evaluation.rulesVersion }), ' · ',
        el('a', { id: 'ruleset-link', href: '/api/v1/rulesets/' + encodeURIComponent(evaluation.rulesVersion) },
          'the rule files of this version (JSON)'), ' · ',
        el('a', { id: 'changes-link', href: '/changes?from=' + encodeURIComponent(evaluation.rulesVersion) + '&to=current' },
          'what changed since this decision'))],
      ['Audit log', evaluation.log ? el('span', { id: 'detail-log' }, el('code', { text: evaluation.log }), ', index ',
        String(evaluation.index), ' · ',
        el('a', { id: 'receipt-link', href: '/api/v1/evaluations/' + encodeURIComponent(evaluation.id) + '/receipt' },
          'its receipt against the latest checkpoint (JSON)'), ' · ',
        el('a', { href: '/api/v1/evaluations/' + encodeURIComponent(evaluation.id) + '/leaf' }, 'its leaf bytes'))
        : '—'],
      ['Scenario', el('a', { id: 'save-as-scenario', class: 'button', href: '/workbench#scenario-from=' + encodeURIComponent(evaluation.id) },
        'Save as scenario')]
    ];
    meta.replaceChildren(...pairs.flatMap(([term, value]) => [el('dt', { text: term }), el('dd', {}, value)]));
    factsNode.textContent = JSON.stringify(evaluation.facts, null, 2);
    if (catalog === null) catalog = await Advisor.statementCatalog();
    Advisor.renderAnswer(answerNode, evaluation, catalog);
    heading.focus();
  }

  function showList() {
    document.getElementById('detail-view').hidden = true;
    document.getElementById('list-view').hidden = false;
    document.getElementById('verify-view').hidden = false;
    loadList();
  }

  function route() {
    const id = decodeURIComponent(location.hash.slice(1));
    if (id) showDetail(id); else showList();
  }

  filters.addEventListener('submit', event => { event.preventDefault(); page = 0; loadList(); });
  filters.addEventListener('reset', () => { page = 0; setTimeout(loadList); });
  document.getElementById('previous').addEventListener('click', () => { page = Math.max(0, page - 1); loadList(); });
  document.getElementById('next').addEventListener('click', () => { page += 1; loadList(); });
  document.getElementById('back').addEventListener('click', event => {
    event.preventDefault();
    history.pushState(null, '', location.pathname + location.search);
    showList();
  });
  window.addEventListener('hashchange', route);
  route();
})();
