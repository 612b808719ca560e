/* orm-advisor pages: shared helpers (API calls, error display, the verdict view). Plain browser JavaScript. */
'use strict';

const Advisor = (() => {
  const CHOICE_NAMES = { DJANGO_ORM: 'Django ORM', SQLALCHEMY: 'SQLAlchemy', NO_CLEAR_WINNER: 'No clear winner' };
  const KIND_TITLES = {
    CHOOSE: 'Evidence (CHOOSE rules)', MISTAKE: 'Mistakes (MISTAKE rules)',
    CAUTION: 'Cautions (CAUTION rules)', VERDICT: 'How the evidence was weighed (VERDICT rules)'
  };
  const ACRONYMS = { crud: 'CRUD', sql: 'SQL', orm: 'ORM', api: 'API', saas: 'SaaS', cli: 'CLI', django: 'Django', sqlalchemy: 'SQLAlchemy', fastapi: 'FastAPI' };

  /** Thrown when the service cannot be reached at all. */
  class ServiceUnreachable extends Error {}

  /** fetch() that answers {ok, status, body} and throws ServiceUnreachable when there is no answer. */
  async function api(path, options = {}) {
    let response;
    try {
      response = await fetch(path, { headers: { Accept: 'application/json, application/problem+json' }, ...options });
    } catch (e) {
      throw new ServiceUnreachable('The orm-advisor service cannot be reached (' + e.message + '). Is it running?');
    }
    let body = null;
    const text = await response.text();
    if (text) {
      try { body = JSON.parse(text); } catch (e) { body = { detail: text }; }
    }
    return { ok: response.ok, status: response.status, body };
  }

  function el(tag, attributes = {}, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
      if (value === null || value === undefined || value === false) continue;
      if (name === 'class') node.className = value;
      else if (name === 'text') node.textContent = value;
      else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value === true ? '' : value);
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  /** "mostlyCrud" -> "Mostly CRUD" */
  function fieldLabel(name) {
    const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().split(' ')
      .map(word => ACRONYMS[word] || word);
    const first = words[0];
    words[0] = first === first.toUpperCase() ? first : first.charAt(0).toUpperCase() + first.slice(1);
    return words.join(' ');
  }

  /** "BACKEND_PLATFORM" -> "Backend platform"; choices get their product names. */
  function valueLabel(value) {
    if (CHOICE_NAMES[value]) return CHOICE_NAMES[value];
    return fieldLabel(value.toLowerCase().replace(/_([a-z])/g, (m, c) => c.toUpperCase()));
  }

  function choiceName(choice) { return CHOICE_NAMES[choice] || choice; }

  /** A banner at the top of the page (kind: error or ok); text null hides it. */
  function banner(text, kind = 'error') {
    const node = document.getElementById('banner');
    if (!node) return;
    node.hidden = !text;
    node.className = 'banner ' + kind;
    node.textContent = text || '';
    if (text) node.focus();
  }

  /** A problem+json body (or anything else) as one readable sentence. */
  function problemText(result) {
    const body = result.body || {};
    return (body.title ? body.title + ': ' : '') + (body.detail || ('the service answered ' + result.status));
  }

  /** Shows each errors[].field next to the control with data-field = that path; returns the ones without one. */
  function showFieldErrors(container, errors) {
    clearFieldErrors(container);
    const unplaced = [];
    let first = null;
    for (const error of errors || []) {
      const field = error.field && container.querySelector('[data-field="' + CSS.escape(error.field) + '"]');
      if (!field) { unplaced.push(error); continue; }
      const message = fieldErrorMessage(error);
      field.classList.add('invalid');
      const slot = field.querySelector('.field-error');
      slot.textContent = message;
      slot.hidden = false;
      for (const control of field.querySelectorAll('input, select')) control.setAttribute('aria-invalid', 'true');
      if (!first) first = field.querySelector('input, select');
    }
    if (first) first.focus();
    return unplaced;
  }

  function fieldErrorMessage(error) {
    let message = (error.field ? error.field + ' ' : '') + (error.message || 'is not valid');
    if (error.allowedValues && error.allowedValues.length && !/must be one of/.test(message)) {
      message += ' (allowed: ' + error.allowedValues.join(', ') + ')';
    }
    return message;
  }

  function clearFieldErrors(container) {
    for (const field of container.querySelectorAll('[data-field].invalid')) field.classList.remove('invalid');
    for (const slot of container.querySelectorAll('.field-error')) { slot.textContent = ''; slot.hidden = true; }
    for (const control of container.querySelectorAll('[aria-invalid]')) control.removeAttribute('aria-invalid');
  }

  function formatInstant(text) {
    if (!text) return '';
    const date = new Date(text);
    return isNaN(date) ? text : date.toLocaleString();
  }

  /** The statement catalog of the rule set in service: key -> {section, text}. Empty when it cannot be read. */
  async function statementCatalog() {
    try {
      const result = await api('/api/v1/rules');
      const catalog = {};
      if (result.ok) for (const statement of result.body.statements || []) catalog[statement.key] = statement;
      return catalog;
    } catch (e) {
      return {};
    }
  }

  /** The verdict view shared by Ask and Audit: verdict, scores as bars, warnings, fired rules by kind. */
  function renderAnswer(container, answer, catalog = {}) {
    container.replaceChildren();
    const verdict = answer.verdict || {};
    const scores = verdict.scores || {};
    const highest = Math.max(1, ...Object.values(scores));
    const bars = el('div', { class: 'bars', 'aria-label': 'Scores' },
      Object.entries(scores).map(([option, points]) => el('div', { class: 'bar-row score', 'data-option': option },
        el('span', { text: choiceName(option) }),
        el('div', { class: 'bar ' + option, role: 'img', 'aria-label': choiceName(option) + ': ' + points + ' points' },
          el('span', { style: 'width:' + Math.round(100 * points / highest) + '%' })),
        el('span', { class: 'points', text: points }))));

    container.append(el('section', { class: 'card', 'aria-labelledby': 'verdict-heading' },
      el('h2', { id: 'verdict-heading', tabindex: '-1', text: 'Verdict' }),
      el('div', { class: 'verdict' },
        el('div', {},
          el('p', { class: 'choice ' + verdict.choice, id: 'verdict-choice', 'data-choice': verdict.choice },
            choiceName(verdict.choice)),
          el('p', { class: 'confidence' }, 'Confidence: ', el('strong', { id: 'verdict-confidence', text: verdict.confidence })),
          el('p', { class: 'meta' }, el('span', { class: 'code', text: verdict.choice }),
            ' · rules version ', el('code', { text: answer.rulesVersion }),
            answer.evaluatedAt ? ' · ' + formatInstant(answer.evaluatedAt) : '',
            answer.id ? el('span', {}, ' · id ', el('code', { id: 'answer-id', text: answer.id })) : '')),
        bars)));

    const warnings = answer.warnings || [];
    container.append(el('section', { class: 'card', id: 'warnings', 'aria-labelledby': 'warnings-heading' },
      el('h2', { id: 'warnings-heading', text: 'Warnings (' + warnings.length + ')' }),
      warnings.length === 0 ? el('p', { class: 'empty', text: 'No warnings: none of the article\'s common mistakes or cautions apply.' }) : null,
      warnings.map(warning => {
        const kind = (warning.statement || '').split('-')[0];
        return el('div', { class: 'callout warning ' + kind, role: 'note' },
          el('p', {}, el('strong', { text: warning.rule || warning.statement }), ' ', el('span', { class: 'tag', text: warning.statement })),
          el('p', { class: 'message', text: warning.message }),
          statementLine(catalog[warning.statement]));
      })));

    const fired = (answer.firedRules || []).map((rule, index) => ({ ...rule, order: index + 1 }));
    const kinds = [...new Set(fired.map(rule => rule.kind))];
    container.append(el('section', { class: 'card', id: 'fired-rules', 'aria-labelledby': 'fired-heading' },
      el('h2', { id: 'fired-heading', text: 'Rules that fired (' + fired.length + ', in firing order)' }),
      fired.length === 0 ? el('p', { class: 'empty', text: 'No rule fired.' }) : null,
      kinds.map(kind => el('div', { class: 'kind-group', 'data-kind': kind },
        el('h3', { text: KIND_TITLES[kind] || kind }),
        el('ol', { class: 'fired' }, fired.filter(rule => rule.kind === kind).map(rule => el('li', { class: 'fired-rule' },
          el('div', {}, el('span', { class: 'order', text: '#' + rule.order }), el('span', { class: 'rule-name', text: rule.name })),
          el('div', {}, el('span', { class: 'tag kind-' + rule.kind, text: rule.kind }),
            (rule.statements || []).map(key => el('span', { class: 'tag statement-key', text: key })),
            el('span', { class: 'meta' }, ' ', rule.file),
            (rule.evidence || []).map(e => el('span', { class: 'meta' }, ' · +' + e.weight + ' ' + choiceName(e.option)))),
          el('p', { class: 'explanation', text: rule.explanation }),
          (rule.statements || []).map(key => statementLine(catalog[key])))))))));
  }

  function statementLine(statement) {
    if (!statement) return null;
    return el('p', { class: 'statement' }, statement.key + ' · ' + statement.section + ': ', el('q', { text: statement.text }));
  }

  return { api, el, banner, problemText, showFieldErrors, clearFieldErrors, fieldLabel, valueLabel, choiceName,
           formatInstant, statementCatalog, renderAnswer, ServiceUnreachable };
})();
