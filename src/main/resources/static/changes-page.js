/* What changed page: /changes?from=VERSION&to=VERSION (either may be "current"), linked from an audited decision. */
'use strict';

(() => {
  const { api, el, banner, problemText } = Advisor;
  const parameters = new URLSearchParams(location.search);
  const from = parameters.get('from') || 'current';
  const to = parameters.get('to') || 'current';

  async function load() {
    const versions = document.getElementById('versions');
    let answer;
    try {
      answer = await api('/api/v1/rulesets/' + encodeURIComponent(from) + '/diff/' + encodeURIComponent(to));
    } catch (e) {
      versions.textContent = '';
      banner(e.message);
      return;
    }
    if (!answer.ok) {
      versions.textContent = '';
      banner(problemText(answer));
      return;
    }
    const diff = answer.body;
    versions.replaceChildren('From rule set ', el('code', { id: 'from-version', text: diff.from }),
      from === 'current' ? ' (in service)' : '', ' to ', el('code', { id: 'to-version', text: diff.to }),
      to === 'current' ? ' (in service)' : '', '.');
    RuleSetDiffView.render(document.getElementById('diff'), diff);
  }

  load();
})();
