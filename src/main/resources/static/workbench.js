/*
 * Workbench page: the files of the rule set in service in Ace (DRL highlighting), changed as one draft, checked,
 * replayed against past evaluations and published through the admin-only /api/v1/drafts endpoints.
 */
'use strict';

(() => {
  const { api, el, banner, problemText, choiceName } = Advisor;
  const TOKEN_KEY = 'orm-advisor.admin-token';
  const ACE_BASE = '/webjars/ace-builds/src-min-noconflict';
  const WORKBOOK = '.drl.xlsx';

  let editor = null;
  let base = null;
  /** path -> { session, original (null when new), deleted } */
  let files = new Map();
  let current = null;

  function token() { return sessionStorage.getItem(TOKEN_KEY); }

  /** An admin call; a refused token is forgotten and asked for again. */
  async function admin(path, body) {
    const options = { headers: { Accept: 'application/json, application/problem+json', Authorization: 'Bearer ' + token() } };
    if (body !== undefined) {
      options.method = 'POST';
      options.headers['Content-Type'] = 'application/json';
      options.body = JSON.stringify(body);
    }
    const answer = await api(path, options);
    if (answer.status === 401 || answer.status === 403) {
      sessionStorage.removeItem(TOKEN_KEY);
      askForToken();
    }
    return answer;
  }

  function askForToken() {
    document.getElementById('workbench').hidden = true;
    document.getElementById('token-form').hidden = false;
    document.getElementById('token').focus();
  }

  function modeOf(path) {
    if (path.endsWith('.drl')) return 'ace/mode/drools';
    if (path.endsWith('.yaml') || path.endsWith('.yml')) return 'ace/mode/yaml';
    return 'ace/mode/text';
  }

  function addFile(path, text, original) {
    const workbook = path.endsWith(WORKBOOK);
    const session = ace.createEditSession(workbook
      ? '(a decision table workbook: edit it in a spreadsheet and save it into the rules folder)' : text, modeOf(path));
    session.setUseWrapMode(false);
    session.on('change', () => renderFiles());
    files.set(path, { session, original, deleted: false, workbook, bytes: workbook ? text : null });
  }

  async function loadBase(keepResults) {
    let answer;
    try {
      answer = await admin('/api/v1/drafts/base');
    } catch (e) { banner(e.message); return false; }
    if (!answer.ok) { if (answer.status !== 401 && answer.status !== 403) banner(problemText(answer)); return false; }
    document.getElementById('token-form').hidden = true;
    document.getElementById('workbench').hidden = false;
    base = answer.body;
    files = new Map();
    for (const file of base.files) addFile(file.path, file.text, file.text);
    document.getElementById('base-line').replaceChildren('Draft based on version ', el('code', { id: 'base-version', text: base.version }),
      ' (the version in service) · ' + base.files.length + ' files');
    if (!keepResults) document.getElementById('results').replaceChildren();
    const first = base.files.find(file => file.path.endsWith('.drl')) || base.files[0];
    open(first ? first.path : null);
    return true;
  }

  function stateOf(path) {
    const file = files.get(path);
    if (file.deleted) return 'deleted';
    if (file.original === null) return 'added';
    if (!file.workbook && file.session.getValue() !== file.original) return 'changed';
    return '';
  }

  function renderFiles() {
    const list = document.getElementById('files');
    const paths = [...files.keys()].sort();
    list.replaceChildren(...paths.map(path => {
      const state = stateOf(path);
      const errors = files.get(path).session.getAnnotations().some(a => a.type === 'error');
      return el('li', {}, el('button', { type: 'button', class: 'file ' + state + (errors ? ' has-errors' : ''),
        'data-path': path, 'aria-current': path === current ? 'true' : 'false', onclick: () => open(path) },
        path + (state ? ' (' + state + ')' : '')));
    }));
    const draft = draftBody();
    document.getElementById('draft-summary').textContent = draft.files.length + draft.deleted.length === 0
      ? 'No changes yet.' : draft.files.length + ' changed or new, ' + draft.deleted.length + ' deleted';
    if (current) document.getElementById('current-state').textContent = stateOf(current) || 'unchanged';
  }

  function open(path, line) {
    current = path;
    if (path) {
      const file = files.get(path);
      editor.setSession(file.session);
      editor.setReadOnly(file.workbook || file.deleted);
      document.getElementById('current-path').textContent = path;
      if (line) { editor.scrollToLine(line - 1, true, false); editor.gotoLine(line, 0, false); }
    }
    renderFiles();
  }

  function draftBody() {
    const body = { baseVersion: base.version, baseFolder: base.folder, files: [], deleted: [] };
    for (const [path, file] of files) {
      if (file.deleted) { if (file.original !== null) body.deleted.push(path); continue; }
      if (file.workbook) continue;
      const text = file.session.getValue();
      if (file.original === null || text !== file.original) body.files.push({ path, text });
    }
    return body;
  }

  /** Errors go into the gutter of their file's editor, at their line. */
  function annotate(errors) {
    for (const file of files.values()) file.session.clearAnnotations();
    const byFile = new Map();
    for (const error of errors) {
      if (!files.has(error.file)) continue;
      if (!byFile.has(error.file)) byFile.set(error.file, []);
      byFile.get(error.file).push({ row: Math.max(0, (error.line || 1) - 1), column: 0, text: error.message, type: 'error' });
    }
    for (const [path, annotations] of byFile) files.get(path).session.setAnnotations(annotations);
    renderFiles();
  }

  function errorList(errors) {
    return el('ul', { class: 'errors', id: 'check-errors' }, errors.map(error => el('li', {},
      files.has(error.file)
        ? el('a', { href: '#', onclick: event => { event.preventDefault(); open(error.file, error.line); } },
          error.file + ':' + error.line)
        : error.file + ':' + error.line,
      ': ' + error.message)));
  }

  function scenarioTable(scenarios) {
    if (!scenarios.length) return el('p', { class: 'empty', text: 'No scenario ran: the draft must compile first.' });
    return el('div', { class: 'table-wrap' }, el('table', { class: 'stack result-table', id: 'scenario-results' },
      el('thead', {}, el('tr', {}, ['Result', 'Scenario', 'Expected', 'Got', 'What was missed'].map(t => el('th', { scope: 'col', text: t })))),
      el('tbody', {}, scenarios.map(s => el('tr', { class: s.passed ? 'passed' : 'failed' },
        el('td', { class: s.passed ? 'pass' : 'fail', 'data-label': 'Result', text: s.passed ? 'PASS' : 'FAIL' }),
        el('td', { 'data-label': 'Scenario' }, s.name, el('br'), el('span', { class: 'meta', text: 'scenarios/' + s.file })),
        el('td', { 'data-label': 'Expected', text: s.expected }),
        el('td', { 'data-label': 'Got', text: s.got || '—' }),
        el('td', { 'data-label': 'What was missed' }, s.failures.length ? el('ul', {}, s.failures.map(f => el('li', { text: f }))) : '—'))))));
  }

  function coverageView(coverage) {
    if (!coverage) return null;
    return el('div', { id: 'coverage' },
      el('p', {}, el('strong', { text: coverage.covered + ' of ' + coverage.total }), ' rules are fired by at least one scenario (' + coverage.percentage + '%).'),
      coverage.uncovered.length ? el('details', {}, el('summary', { text: 'Rules no scenario fires (' + coverage.uncovered.length + ')' }),
        el('ul', {}, coverage.uncovered.map(rule => el('li', {}, el('code', { text: rule.file + ':' + rule.line }), ' ' + rule.name)))) : null);
  }

  function diffView(diff) {
    if (!diff) return el('p', { class: 'empty', text: 'No rule-set diff available.' });
    const rules = diff.rules || {};
    const names = (list, kind) => (list || []).map(rule => el('li', { class: 'diff-' + kind },
      el('strong', { text: kind + ': ' }), typeof rule === 'string' ? rule
        : rule.name + ' (' + rule.changes.map(change => change.aspect.toLowerCase()).join(', ') + ')'));
    const items = [...names(rules.added, 'added'), ...names(rules.removed, 'removed'), ...names(rules.changed, 'changed')];
    return el('div', { id: 'rule-diff' },
      items.length ? el('ul', { id: 'diff-rules' }, items) : el('p', { class: 'empty', text: 'No rule added, removed or changed.' }),
      (diff.files || []).map(file => el('details', { open: diff.files.length <= 2 }, el('summary', {}, el('code', { text: file.path })),
        el('pre', { class: 'diff', text: file.unifiedDiff }))));
  }

  function showCheck(check, heading) {
    annotate(check.errors || []);
    const results = document.getElementById('results');
    const failed = (check.scenarios || []).filter(s => !s.passed).length;
    results.replaceChildren(el('section', { class: 'card', id: 'check-result' },
      el('h2', { text: heading }),
      el('p', { id: 'check-outcome', class: 'banner ' + (check.ok ? 'ok' : 'error'), text: check.ok
        ? 'The draft compiles, passes every check and every scenario: it would be version ' + check.version + '.'
        : (check.errors && check.errors.length ? check.errors.length + ' error(s): the draft cannot serve.'
          : failed + ' scenario(s) fail: fix the rules or the scenarios\' expectations.') }),
      check.errors && check.errors.length ? el('div', {}, el('h3', { text: 'Errors (file:line: message)' }), errorList(check.errors)) : null,
      el('h3', { text: 'Scenarios' }), scenarioTable(check.scenarios || []),
      check.coverage ? el('h3', { text: 'Coverage' }) : null, coverageView(check.coverage),
      'diff' in check ? el('h3', { text: 'Changes against ' + check.baseVersion }) : null,
      'diff' in check ? diffView(check.diff) : null));
  }

  async function run(button, action) {
    button.disabled = true;
    banner(null);
    try { await action(); } catch (e) { banner(e.message); } finally { button.disabled = false; }
  }

  async function check() {
    const answer = await admin('/api/v1/drafts/check', draftBody());
    if (!answer.ok) { banner(problemText(answer)); return; }
    showCheck(answer.body, 'Check');
  }

  async function impact() {
    const answer = await admin('/api/v1/drafts/impact', { ...draftBody(), limit: 1000 });
    if (answer.status === 422) { showCheck({ ...answer.body, ok: false }, 'Impact: the draft does not compile'); return; }
    if (!answer.ok) { banner(problemText(answer)); return; }
    const report = answer.body;
    const results = document.getElementById('results');
    results.replaceChildren(el('section', { class: 'card', id: 'impact-result' },
      el('h2', { text: 'Impact' }),
      el('p', { id: 'impact-summary', text: 'Of the ' + report.replayed + ' newest evaluations, the draft changes the verdict of '
        + report.verdictsChanged + ' and the warnings of ' + report.warningsChanged + '.' }),
      report.changes.length ? el('div', { class: 'table-wrap' }, el('table', { class: 'stack', id: 'impact-changes' },
        el('thead', {}, el('tr', {}, ['Evaluation', 'Verdict now', 'With the draft', 'Warnings now', 'With the draft', 'Rules']
          .map(t => el('th', { scope: 'col', text: t })))),
        el('tbody', {}, report.changes.map(change => el('tr', {},
          el('td', { 'data-label': 'Evaluation' }, el('a', { class: 'evaluation-link', href: '/audit#' + encodeURIComponent(change.id) }, change.id)),
          el('td', { 'data-label': 'Verdict now', text: choiceName(change.old.choice) }),
          el('td', { 'data-label': 'With the draft', text: choiceName(change.new.choice) }),
          el('td', { 'data-label': 'Warnings now', text: change.old.warnings.join(', ') || '—' }),
          el('td', { 'data-label': 'With the draft', text: change.new.warnings.join(', ') || '—' }),
          el('td', { 'data-label': 'Rules' },
            change.rulesNewlyFired.length ? el('div', { text: '+ ' + change.rulesNewlyFired.join(', ') }) : null,
            change.rulesNoLongerFired.length ? el('div', { text: '− ' + change.rulesNoLongerFired.join(', ') }) : null))))))
        : el('p', { class: 'empty', text: 'No past evaluation would change.' })));
  }

  async function publish() {
    const answer = await admin('/api/v1/drafts/publish', draftBody());
    if (answer.status === 422) { showCheck({ ...answer.body, ok: false }, 'Publish refused: the draft fails its check'); return; }
    if (!answer.ok) { banner(problemText(answer)); return; }
    await loadBase(true);
    document.getElementById('results').replaceChildren(el('section', { class: 'card', id: 'publish-result' },
      el('h2', { text: 'Published' }),
      el('p', { class: 'banner ok', id: 'publish-outcome' }, 'Version ', el('code', { id: 'published-version', text: answer.body.version }),
        ' is in service (it replaced ' + answer.body.previousVersion + '). ', el('a', { href: '/rules', text: 'See it on the Rules page' }), '.')));
  }

  function addScenario(name, text) {
    const path = 'scenarios/' + name + '.yaml';
    if (files.has(path) && !files.get(path).deleted) { banner('There is already a file ' + path + '.'); return; }
    addFile(path, text, null);
    open(path);
  }

  const TEMPLATE = `name: "Describe the team and project"
facts:
  project: { framework: UNDECIDED, type: SAAS, mostlyCrud: true }
  team: { size: 4 }
expect:
  verdict: DJANGO_ORM
  statements: []
  warnings: []
`;

  /** /workbench#scenario-from=<evaluation id>: the Audit page's "Save as scenario". */
  async function scenarioFromHash() {
    const match = /^#scenario-from=(.+)$/.exec(location.hash);
    if (!match) return;
    const answer = await admin('/api/v1/drafts/scenario?evaluation=' + match[1]);
    if (!answer.ok) { banner(problemText(answer)); return; }
    const path = answer.body.path;
    if (!files.has(path)) addFile(path, answer.body.text, null);
    open(path);
    banner('A new scenario from evaluation ' + decodeURIComponent(match[1]) + ' is in the draft: check it, then publish.', 'ok');
  }

  function start() {
    ace.config.set('basePath', ACE_BASE);
    editor = ace.edit('editor', { theme: 'ace/theme/chrome', showPrintMargin: false, tabSize: 4, useSoftTabs: true });
    document.getElementById('token-form').addEventListener('submit', async event => {
      event.preventDefault();
      sessionStorage.setItem(TOKEN_KEY, document.getElementById('token').value.trim());
      if (await loadBase()) await scenarioFromHash();
    });
    document.getElementById('new-scenario').addEventListener('submit', event => {
      event.preventDefault();
      const input = document.getElementById('new-scenario-name');
      const name = input.value.trim();
      if (!/^[A-Za-z0-9_-]+$/.test(name)) { banner('A scenario name is letters, digits, - and _.'); return; }
      input.value = '';
      addScenario(name, TEMPLATE);
    });
    document.getElementById('delete-file').addEventListener('click', () => {
      if (!current) return;
      const file = files.get(current);
      if (file.original === null) { files.delete(current); open([...files.keys()][0]); return; }
      file.deleted = !file.deleted;
      open(current);
    });
    document.getElementById('revert-file').addEventListener('click', () => {
      const file = current && files.get(current);
      if (!file || file.original === null || file.workbook) return;
      file.session.setValue(file.original);
      file.deleted = false;
      open(current);
    });
    for (const [id, action] of [['check', check], ['impact', impact], ['publish', publish]]) {
      const button = document.getElementById(id);
      button.addEventListener('click', () => run(button, action));
    }
    if (token()) loadBase().then(loaded => loaded && scenarioFromHash()); else askForToken();
  }

  start();
})();
