/* Ask page: the questionnaire is built from the API's own documentation (/v3/api-docs), so it cannot drift. */
'use strict';

(() => {
  const { api, el, banner, problemText, showFieldErrors, clearFieldErrors, fieldLabel, valueLabel } = Advisor;
  const SECTIONS = ['project', 'team', 'leaning'];
  const form = document.getElementById('ask');
  const result = document.getElementById('result');
  const summary = document.getElementById('error-summary');
  let schemas = null;
  let catalog = {};
  let verifierKey = null;

  function resolve(schema) {
    if (schema && schema.$ref) return schemas[schema.$ref.split('/').pop()];
    return schema;
  }

  function controlFor(section, name, schema) {
    const path = section + '.' + name;
    const id = 'f-' + section + '-' + name;
    const helpId = 'h-' + section + '-' + name;
    const errorId = 'e-' + section + '-' + name;
    const describedBy = helpId + ' ' + errorId;
    const help = el('p', { class: 'help', id: helpId, text: schema.description || '' });
    const error = el('p', { class: 'field-error', id: errorId, hidden: true });
    const field = el('div', { class: 'field', 'data-field': path });

    if (schema.type === 'array') {
      const values = (schema.items && schema.items.enum) || [];
      field.classList.add('wide');
      field.append(el('fieldset', { class: 'plain', role: 'group', 'aria-describedby': describedBy, id },
        el('legend', { class: 'label', text: fieldLabel(name) }),
        el('div', { class: 'checks' }, values.map(value => el('label', {},
          el('input', { type: 'checkbox', name: path, value, 'data-kind': 'array' }), valueLabel(value) + ' (' + value + ')')))));
      field.querySelector('fieldset').style.cssText = 'border:0;padding:0;margin:0;background:none';
      field.append(help, error);
      return field;
    }
    field.append(el('label', { for: id, text: fieldLabel(name) }));
    if (schema.type === 'boolean') {
      field.append(el('select', { id, name: path, 'data-kind': 'boolean', 'aria-describedby': describedBy },
        el('option', { value: '', text: 'unknown' }), el('option', { value: 'true', text: 'yes' }),
        el('option', { value: 'false', text: 'no' })));
    } else if (schema.enum) {
      field.append(el('select', { id, name: path, 'data-kind': 'enum', 'aria-describedby': describedBy },
        el('option', { value: '', text: 'unknown' }),
        schema.enum.map(value => el('option', { value, text: valueLabel(value) + ' (' + value + ')' }))));
    } else if (schema.type === 'integer' || schema.type === 'number') {
      field.append(el('input', { type: 'number', id, name: path, step: '1', inputmode: 'numeric', 'data-kind': 'number',
        placeholder: 'unknown', 'aria-describedby': describedBy }));
    } else {
      field.append(el('input', { type: 'text', id, name: path, 'data-kind': 'text', placeholder: 'unknown',
        'aria-describedby': describedBy }));
    }
    field.append(help, error);
    return field;
  }

  function buildForm() {
    const request = schemas.EvaluationRequest;
    const container = document.getElementById('sections');
    container.replaceChildren(...SECTIONS.map(section => {
      const property = request.properties[section];
      const schema = resolve(property);
      return el('fieldset', { id: 'section-' + section, 'data-field': section },
        el('legend', { text: fieldLabel(section) }),
        el('p', { class: 'section-help', text: property.description || schema.description || '' }),
        el('p', { class: 'field-error', hidden: true }),
        el('div', { class: 'fields' }, Object.entries(schema.properties)
          .map(([name, fieldSchema]) => controlFor(section, name, resolve(fieldSchema)))));
    }));
  }

  /** The request body: only what is known; an empty section is left out. */
  function collect() {
    const body = {};
    const label = form.elements['label'].value.trim();
    if (label) body.label = label;
    const localErrors = [];
    for (const section of SECTIONS) {
      const values = {};
      for (const control of form.querySelectorAll('[name^="' + section + '."]')) {
        const name = control.name.slice(section.length + 1);
        const kind = control.dataset.kind;
        if (kind === 'array') {
          if (control.checked) (values[name] = values[name] || []).push(control.value);
        } else if (kind === 'number') {
          if (control.validity.badInput) {
            localErrors.push({ field: control.name, message: 'is not a number' });
          } else if (control.value !== '') {
            values[name] = Number(control.value);
          }
        } else if (control.value !== '') {
          values[name] = kind === 'boolean' ? control.value === 'true' : control.value;
        }
      }
      if (Object.keys(values).length) body[section] = values;
    }
    return { body, localErrors };
  }

  function fill(facts) {
    form.reset();
    form.elements['label'].value = facts.label || '';
    for (const section of SECTIONS) {
      for (const [name, value] of Object.entries(facts[section] || {})) {
        const path = section + '.' + name;
        const controls = form.querySelectorAll('[name="' + CSS.escape(path) + '"]');
        for (const control of controls) {
          if (control.dataset.kind === 'array') control.checked = (value || []).includes(control.value);
          else control.value = value === null ? '' : String(value);
        }
      }
    }
  }

  function showErrors(errors, heading) {
    const unplaced = showFieldErrors(form, errors);
    summary.replaceChildren(el('strong', { text: heading }),
      el('ul', {}, errors.map(error => el('li', {},
        unplaced.includes(error) ? (error.field ? error.field + ' ' : '') + error.message
          : el('a', { href: '#' + (form.querySelector('[data-field="' + CSS.escape(error.field) + '"] input, [data-field="' + CSS.escape(error.field) + '"] select') || {}).id },
            error.field + ' ' + error.message)))));
    summary.hidden = false;
    if (unplaced.length === errors.length) summary.focus();
  }

  function clearErrors() {
    clearFieldErrors(form);
    summary.hidden = true;
    summary.replaceChildren();
    banner(null);
  }

  async function submit(event) {
    event.preventDefault();
    clearErrors();
    const { body, localErrors } = collect();
    if (localErrors.length) {
      showErrors(localErrors, 'Please correct these answers:');
      return;
    }
    const button = document.getElementById('submit');
    button.disabled = true;
    try {
      const answer = await api('/api/v1/evaluations', {
        method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json, application/problem+json' },
        body: JSON.stringify(body)
      });
      if (answer.ok) {
        if (answer.body.receipt && verifierKey === null) await loadVerifierKey();
        Advisor.renderAnswer(result, answer.body, catalog);
        if (answer.body.receipt) result.append(receiptCard(answer.body.id, answer.body.receipt));
        document.getElementById('verdict-heading').focus();
      } else if (answer.status === 400 && answer.body && answer.body.errors) {
        result.replaceChildren();
        showErrors(answer.body.errors, 'The service did not accept these answers:');
      } else {
        result.replaceChildren();
        banner(problemText(answer));
      }
    } catch (e) {
      banner(e.message);
    } finally {
      button.disabled = false;
    }
  }

  /** The receipt under the answer: where the record sits in which log, and the signed checkpoint that proves it. */
  function receiptCard(id, receipt) {
    const fileName = 'receipt-' + id + '.json';
    const proof = receipt.inclusionProof || [];
    const pairs = [
      ['Log', el('code', { id: 'receipt-log', text: receipt.log })],
      ['Index (0-based)', el('span', { id: 'receipt-index', text: String(receipt.index) })],
      ['Leaf hash', el('code', { id: 'receipt-leaf-hash', text: receipt.leafHash })],
      ['Inclusion proof', el('span', { id: 'receipt-proof',
        text: proof.length === 1 ? '1 hash' : proof.length + ' hashes' })]
    ];
    const key = verifierKey || '<verifier key from GET /api/v1/audit/keys>';
    return el('section', { class: 'card', id: 'receipt', 'aria-labelledby': 'receipt-heading' },
      el('h2', { id: 'receipt-heading', text: 'Receipt' }),
      el('p', { class: 'meta', text: 'This answer is recorded in the audit log. The receipt proves it: the record\'s'
        + ' leaf hash, its place in the log, and a checkpoint of the log signed by the service.' }),
      el('dl', { class: 'status' }, pairs.flatMap(([term, value]) => [el('dt', { text: term }), el('dd', {}, value)])),
      el('h3', { text: 'Signed checkpoint' }),
      el('pre', { class: 'facts checkpoint', id: 'receipt-checkpoint', text: receipt.checkpoint }),
      el('div', { class: 'actions' },
        el('button', { type: 'button', id: 'download-receipt', 'data-file-name': fileName,
          onclick: () => download(fileName, receipt) }, 'Download receipt')),
      el('p', { id: 'receipt-howto' }, 'To check it offline, without trusting this page: ',
        el('code', { class: 'command', id: 'receipt-command',
          text: 'java -jar orm-advisor.jar audit verify-receipt ' + fileName + ' --key ' + key })),
      el('p', { class: 'meta', text: verifierKey
        ? 'The key is the one this service publishes now (GET /api/v1/audit/keys); for an independent check use'
          + ' the key you noted down earlier.'
        : 'The service\'s verifier key could not be read; GET /api/v1/audit/keys lists it.' }));
  }

  /** Saves the receipt as a pretty-printed JSON file, made in the page (nothing is fetched again). */
  function download(fileName, receipt) {
    const blob = new Blob([JSON.stringify(receipt, null, 2) + '\n'], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const link = el('a', { href: url, download: fileName, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  async function loadVerifierKey() {
    try {
      const keys = await api('/api/v1/audit/keys');
      if (keys.ok && keys.body && keys.body.keys && keys.body.keys.length) verifierKey = keys.body.keys[0];
    } catch (e) {
      // the receipt then names where to find the key
    }
  }

  async function loadExample(event) {
    clearErrors();
    try {
      const example = await api(event.currentTarget.dataset.example);
      if (!example.ok) { banner('The example could not be loaded: ' + problemText(example)); return; }
      fill(example.body);
      result.replaceChildren();
      form.elements['label'].focus();
    } catch (e) {
      banner(e.message);
    }
  }

  async function start() {
    form.addEventListener('submit', submit);
    form.addEventListener('reset', () => { clearErrors(); result.replaceChildren(); });
    for (const button of form.querySelectorAll('[data-example]')) button.addEventListener('click', loadExample);
    try {
      const docs = await api('/v3/api-docs');
      if (!docs.ok) throw new Advisor.ServiceUnreachable('The questionnaire could not be loaded: ' + problemText(docs));
      schemas = docs.body.components.schemas;
      buildForm();
      form.dataset.ready = 'true';
      [catalog] = await Promise.all([Advisor.statementCatalog(), loadVerifierKey()]);
    } catch (e) {
      document.getElementById('sections').replaceChildren(el('p', { class: 'empty', text: 'The questionnaire is not available.' }));
      banner(e.message);
    }
  }

  start();
})();
