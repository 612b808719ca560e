/* Renders a rule set diff (GET /api/v1/rulesets/{from}/diff/{to}): the rule-level summary, then the unified diffs. */
'use strict';

const RuleSetDiffView = (() => {
  const { el } = Advisor;
  const ASPECTS = {
    CONDITIONS: 'Conditions', CONSEQUENCE: 'Consequence (where the weight is)', METADATA: 'Metadata',
    SALIENCE: 'Salience', ATTRIBUTES: 'Attributes', FILE: 'File'
  };
  const FILE_CHANGES = { ADDED: 'added', REMOVED: 'removed', CHANGED: 'changed' };

  function count(n, one, many) { return n + ' ' + (n === 1 ? one : many); }

  function ruleList(id, title, names, sign) {
    if (!names.length) return null;
    return el('section', { class: 'card', id },
      el('h3', { text: title + ' (' + names.length + ')' }),
      el('ul', { class: 'rule-names' }, names.map(name => el('li', {},
        el('span', { class: 'sign', 'aria-hidden': 'true', text: sign + ' ' }), name))));
  }

  function changedRules(changed) {
    if (!changed.length) return null;
    return el('section', { class: 'card', id: 'changed-rules' },
      el('h3', { text: 'Changed rules (' + changed.length + ')' }),
      changed.map(rule => el('article', { class: 'rule-change', 'data-rule': rule.name },
        el('h4', {}, rule.name, ' ', el('code', { class: 'meta', text: rule.file + ':' + rule.line })),
        rule.changes.map(change => el('div', { class: 'aspect', 'data-aspect': change.aspect },
          el('p', { class: 'aspect-name', text: ASPECTS[change.aspect] || change.aspect }),
          el('div', { class: 'before-after' },
            el('div', {}, el('p', { class: 'meta', text: 'Before' }),
              el('pre', { class: 'before', text: change.before === null ? '(none)' : change.before })),
            el('div', {}, el('p', { class: 'meta', text: 'After' }),
              el('pre', { class: 'after', text: change.after === null ? '(none)' : change.after }))))))));
  }

  function statements(id, title, rulesByKey) {
    const keys = Object.keys(rulesByKey || {});
    if (!keys.length) return null;
    return el('section', { class: 'card', id },
      el('h3', { text: title }),
      el('ul', {}, keys.map(key => el('li', {}, el('span', { class: 'tag', text: key }), rulesByKey[key].join('; ')))));
  }

  /** One line per span; the +/- of each line stays in the text, so colour is never the only sign. */
  function unifiedDiff(text) {
    return el('pre', { class: 'diff' }, text.replace(/\n$/, '').split('\n').map(line => el('span', {
      class: line.startsWith('+++') || line.startsWith('---') ? 'file-line'
        : line.startsWith('@@') ? 'hunk' : line.startsWith('+') ? 'add' : line.startsWith('-') ? 'del' : 'same',
      text: line + '\n'
    })));
  }

  function render(container, diff) {
    const rules = diff.rules;
    const parts = [];
    if (!diff.files.length) {
      parts.push(el('p', { class: 'banner ok', id: 'diff-summary',
        text: 'No changes: both versions hold the same rule files.' }));
    } else {
      parts.push(el('p', { class: 'lead', id: 'diff-summary', text: count(rules.added.length, 'rule added', 'rules added')
        + ', ' + count(rules.removed.length, 'removed', 'removed') + ', ' + count(rules.changed.length, 'changed', 'changed')
        + ' · ' + count(diff.files.length, 'file differs', 'files differ') + '.' }));
    }
    parts.push(changedRules(rules.changed));
    parts.push(ruleList('added-rules', 'Added rules', rules.added, '+'));
    parts.push(ruleList('removed-rules', 'Removed rules', rules.removed, '−'));
    parts.push(statements('statements-gained', 'Statements that gained rules', diff.statements.gained));
    parts.push(statements('statements-lost', 'Statements that lost rules', diff.statements.lost));
    if (diff.unreadable.length) {
      parts.push(el('section', { class: 'card', id: 'unreadable' },
        el('h3', { text: 'Files whose rules could not be read (left out above)' }),
        el('ul', { class: 'errors' }, diff.unreadable.map(problem =>
          el('li', { text: problem.file + ':' + problem.line + ': ' + problem.message })))));
    }
    if (diff.files.length) {
      parts.push(el('section', { id: 'file-diffs' }, el('h3', { text: 'The files, line by line' }),
        diff.files.map(file => el('details', { class: 'file-diff', open: true, 'data-path': file.path },
          el('summary', {}, el('code', { text: file.path }), ' ', FILE_CHANGES[file.change] || file.change),
          unifiedDiff(file.unifiedDiff)))));
    }
    container.replaceChildren(...parts.filter(Boolean));
  }

  return { render };
})();
