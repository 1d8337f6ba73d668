/*
 * Playbook editor: trigger fields follow the trigger kind, scheme pickers offer the published schemes' tiers and
 * tags, the filter is checked while typing (problems underlined at their line:column, with the number of matching
 * customers), actions are cards cloned from the page's <template>s. Saving sends the playbook to the playbook API;
 * a mistake it reports (a JSON pointer such as /actions/1/settings/url) is shown next to its field.
 */
(function () {
  'use strict';
  const { t, api, fmt, name, el, notify, debounce } = window.Strata;
  const data = JSON.parse(document.getElementById('playbook-data').textContent);
  const form = document.getElementById('playbook-form');
  const notice = document.getElementById('editor-notice');
  const actions = document.getElementById('actions');
  const $ = (id) => document.getElementById(id);
  const SCHEME_FIELDS = { entered_tier: ['scheme', 'tier'], left_tier: ['scheme', 'tier'],
    stayed_in_tier: ['scheme', 'tier', 'days'], stage_changed: ['scheme', 'tier'], warning_raised: ['signal'],
    sla_breached: ['policy'], tag_added: ['scheme', 'tag'], tag_removed: ['scheme', 'tag'] };
  let cardCount = 0;

  function scheme(key) {
    return data.schemes.find((s) => s.key === key);
  }

  /** Fills a select with options {key, nameZh, nameEn}; `first` is an optional leading [value, text]. */
  function fill(select, items, first, selected) {
    const options = items.map((item) => new Option(name(item) + ' (' + item.key + ')', item.key));
    if (first) {
      options.unshift(new Option(first[1], first[0]));
    }
    select.replaceChildren(...options);
    if (selected !== undefined && selected !== null) {
      select.value = selected;
    }
  }

  // ---- trigger -------------------------------------------------------------------------------------------------

  function triggerKind() {
    return $('trigger-kind').value;
  }

  function showTriggerFields() {
    const shown = SCHEME_FIELDS[triggerKind()];
    document.querySelectorAll('[data-when]').forEach((field) => {
      field.hidden = !shown.includes(field.dataset.when);
    });
    $('trigger-hint').textContent = $('hint-' + triggerKind()).textContent;
  }

  function fillTriggerTargets(tier, tag) {
    const chosen = scheme($('trigger-scheme').value);
    const tiers = chosen ? chosen.tiers : [];
    // a stage change may name the stage entered, or fire on any
    fill($('trigger-tier'), tiers, triggerKind() === 'stage_changed' ? ['', t('playbook.anyStage')] : null, tier);
    fill($('trigger-tag'), chosen ? chosen.tags : [], null, tag);
    actions.querySelectorAll('.action-card').forEach(fillCardOptions);
  }

  // ---- filter --------------------------------------------------------------------------------------------------

  const filter = $('filter');
  const mirror = document.querySelector('#filter-editor .mirror');

  /** The filter text with the problem spans wrapped in <mark> (drawn as a wavy underline under the textarea). */
  function underline(text, diagnostics) {
    const parts = [];
    let at = 0;
    diagnostics.map((d) => [d.offset, Math.max(1, d.length)]).sort((a, b) => a[0] - b[0]).forEach(([start, length]) => {
      if (start < at) {
        return;
      }
      parts.push(text.substring(at, start), el('mark', {}, text.substring(start, start + length) || ' '));
      at = start + length;
    });
    parts.push(text.substring(at) + '\n');
    mirror.replaceChildren(...parts);
  }

  const checkFilter = debounce(async () => {
    const text = filter.value;
    const status = $('filter-status');
    const problems = $('filter-problems');
    if (!text.trim()) {
      underline('', []);
      problems.replaceChildren();
      status.className = 'rule-status';
      status.textContent = t('playbook.filter.none');
      $('filter-editor').classList.remove('invalid');
      return;
    }
    try {
      const preview = await api('/api/v1/tiering/preview/rule', { method: 'POST', body: { rule: text, sampleSize: 0 } });
      if (filter.value !== text) {
        return; // typed on meanwhile; the next check answers
      }
      underline(text, preview.diagnostics);
      $('filter-editor').classList.toggle('invalid', !preview.valid);
      problems.replaceChildren(...preview.diagnostics.map((d) => el('li', { class: 'diagnostic' },
        t('playbook.filter.problem', d.line, d.column, d.message)
          + (d.suggestion && !d.message.includes(d.suggestion) ? ' ' + t('playbook.filter.suggestion', d.suggestion)
            : ''))));
      status.className = preview.valid ? 'rule-status ok' : 'rule-status';
      status.textContent = preview.valid
        ? t('playbook.filter.matches', fmt.number(preview.matching), fmt.number(preview.total))
        : t('playbook.filter.invalid');
    } catch (e) {
      status.textContent = t('common.error', e.message);
    }
  }, 250);

  filter.addEventListener('input', () => {
    underline(filter.value, []);
    clearError(filter);
    checkFilter();
  });
  filter.addEventListener('scroll', () => { mirror.scrollTop = filter.scrollTop; });

  // ---- actions -------------------------------------------------------------------------------------------------

  /** Fills the card's scheme-dependent pickers: tag actions from their scheme, capacity tiers from the trigger's. */
  function fillCardOptions(card) {
    const triggerScheme = $('trigger-scheme').value;
    card.querySelectorAll('select[data-options]').forEach((select) => {
      const current = select.value || select.dataset.value || '';
      if (select.dataset.options === 'schemes') {
        fill(select, data.schemes, ['', t('playbook.sameScheme')], current);
      } else if (select.dataset.options === 'tags') {
        const own = card.querySelector('select[data-options=schemes]');
        const chosen = scheme((own && own.value) || triggerScheme);
        fill(select, chosen ? chosen.tags : [], ['', t('playbook.chooseTag')], current);
      } else if (select.dataset.options === 'tiers') {
        const chosen = scheme(triggerScheme);
        fill(select, chosen ? chosen.tiers : [], ['', t('playbook.triggerTier')], current);
      }
    });
  }

  function showCapacity(card) {
    const strategy = card.querySelector('[data-setting=strategy]');
    if (strategy) {
      card.querySelectorAll('[data-capacity]').forEach((f) => { f.hidden = strategy.value !== 'capacity'; });
    }
  }

  function renumber() {
    const cards = [...actions.querySelectorAll('.action-card')];
    cards.forEach((card, i) => {
      card.querySelector('.move-up').disabled = i === 0;
      card.querySelector('.move-down').disabled = i === cards.length - 1;
    });
    $('no-actions').hidden = cards.length > 0;
  }

  function addAction(kind, settings) {
    const card = $('action-' + kind).content.firstElementChild.cloneNode(true);
    const prefix = 'action-' + (++cardCount);
    // the card is a group named by its kind, so a screen reader says which action a field belongs to
    card.querySelector('.action-title').id = prefix + '-kind';
    card.setAttribute('role', 'group');
    card.setAttribute('aria-labelledby', prefix + '-kind');
    card.querySelectorAll('[data-setting]').forEach((control) => {
      control.id = prefix + '-' + control.dataset.setting;
      const label = card.querySelector(`label[data-for="${control.dataset.setting}"]`);
      if (label) {
        label.htmlFor = control.id;
      }
      const value = settings ? settings[control.dataset.setting] : undefined;
      if (value !== undefined && value !== null) {
        control.value = Array.isArray(value) ? value.join(', ') : String(value);
        control.dataset.value = control.value; // selects filled later pick it up
      }
    });
    card.querySelector('.remove-action').addEventListener('click', () => {
      const next = card.nextElementSibling || card.previousElementSibling;
      card.remove();
      renumber();
      (next ? next.querySelector('button') : $('new-action-kind')).focus();
    });
    card.querySelector('.move-up').addEventListener('click', (e) => {
      if (card.previousElementSibling) {
        actions.insertBefore(card, card.previousElementSibling);
        renumber();
        e.target.focus();
      }
    });
    card.querySelector('.move-down').addEventListener('click', (e) => {
      if (card.nextElementSibling) {
        actions.insertBefore(card.nextElementSibling, card);
        renumber();
        e.target.focus();
      }
    });
    card.addEventListener('change', (e) => {
      clearError(e.target);
      if (e.target.dataset.setting === 'strategy') {
        showCapacity(card);
      }
      if (e.target.dataset.options === 'schemes') {
        fillCardOptions(card);
      }
    });
    card.addEventListener('input', (e) => clearError(e.target));
    actions.appendChild(card);
    fillCardOptions(card);
    showCapacity(card);
    renumber();
    return card;
  }

  function settingsOf(card) {
    const settings = {};
    card.querySelectorAll('[data-setting]').forEach((control) => {
      if (control.closest('[hidden]')) {
        return;
      }
      const value = control.value.trim();
      if (value !== '') {
        settings[control.dataset.setting] = control.type === 'number' ? Number(value) : value;
      }
    });
    return settings;
  }

  // ---- errors next to their field ------------------------------------------------------------------------------

  function clearError(control) {
    const field = control.closest('.field, [data-pointer]');
    if (field) {
      field.querySelectorAll(':scope > .field-error').forEach((e) => e.remove());
    }
    control.removeAttribute('aria-invalid');
  }

  function clearErrors() {
    form.querySelectorAll('.field-error').forEach((e) => e.remove());
    form.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
  }

  /** The control a JSON pointer of the playbook API names, and the element to show the message in. */
  function target(pointer) {
    const action = /^\/actions\/(\d+)(?:\/settings\/([^/]+)|\/kind)?/.exec(pointer);
    if (action) {
      const card = actions.querySelectorAll('.action-card')[Number(action[1])];
      if (card) {
        const control = action[2] ? card.querySelector(`[data-setting="${action[2]}"]`) : null;
        return { field: control ? control.closest('.field') : card, control: control || card.querySelector('button') };
      }
    }
    for (let p = pointer; p; p = p.substring(0, p.lastIndexOf('/'))) {
      const field = form.querySelector(`[data-pointer="${p}"]`);
      if (field) {
        return { field, control: field.querySelector('input, select, textarea, button') };
      }
    }
    return null;
  }

  function showError(problem) {
    const found = problem.pointer ? target(problem.pointer) : null;
    // the API's detail starts with the pointer ("/filter: 1:1: ..."); next to the field the position is enough
    const detail = (problem.detail || problem.title || '').replace(problem.pointer + ': ', '');
    const message = t('playbook.fieldError', detail);
    if (!found) {
      notify(notice, t('common.error', problem.detail || problem.title), 'error');
      return;
    }
    const id = (found.control && found.control.id ? found.control.id : 'field') + '-error';
    found.field.querySelectorAll(':scope > .field-error').forEach((e) => e.remove());
    found.field.appendChild(el('p', { class: 'field-error', id, role: 'alert' }, message));
    if (found.control) {
      found.control.setAttribute('aria-invalid', 'true');
      found.control.setAttribute('aria-describedby', id);
      found.control.focus();
    }
    notify(notice, t('playbook.saveFailed'), 'error');
  }

  // ---- load and save -------------------------------------------------------------------------------------------

  function request() {
    const kind = triggerKind();
    const shown = SCHEME_FIELDS[kind];
    const trigger = { kind };
    if (shown.includes('scheme')) {
      trigger.scheme = $('trigger-scheme').value || null;
    }
    if (shown.includes('tier')) {
      trigger.tier = $('trigger-tier').value || null;
    }
    if (shown.includes('tag')) {
      trigger.tag = $('trigger-tag').value || null;
    }
    if (shown.includes('days')) {
      trigger.days = $('trigger-days').value === '' ? null : Number($('trigger-days').value);
    }
    if (shown.includes('signal')) {
      trigger.signal = $('trigger-signal').value || null;
    }
    if (shown.includes('policy')) {
      trigger.policy = $('trigger-policy').value === '' ? null : Number($('trigger-policy').value);
    }
    return {
      nameZh: $('name-zh').value.trim(),
      nameEn: $('name-en').value.trim() || null,
      description: $('description').value.trim() || null,
      enabled: $('enabled').checked,
      holdoutPercent: $('holdout').value === '' ? 0 : Number($('holdout').value),
      trigger,
      filter: filter.value.trim() || null,
      actions: [...actions.querySelectorAll('.action-card')].map((card) => ({ kind: card.dataset.kind,
        settings: settingsOf(card) }))
    };
  }

  function load(playbook) {
    fill($('trigger-scheme'), data.schemes, null, null);
    if (!playbook) {
      if (!data.schemes.length) {
        notify(notice, t('playbook.noSchemes'), 'info');
      }
      showTriggerFields();
      fillTriggerTargets();
      addAction('task', { dueInHours: 48, priority: 'normal' });
      checkFilter();
      return;
    }
    $('name-zh').value = playbook.nameZh;
    $('name-en').value = playbook.nameEn;
    $('description').value = playbook.description || '';
    $('enabled').checked = playbook.enabled;
    $('holdout').value = playbook.holdoutPercent;
    const trigger = playbook.trigger;
    $('trigger-kind').value = trigger.kind;
    if (trigger.scheme) {
      $('trigger-scheme').value = trigger.scheme;
    }
    $('trigger-days').value = trigger.days || '';
    $('trigger-signal').value = trigger.signal || '';
    $('trigger-policy').value = trigger.policy === null || trigger.policy === undefined ? '' : String(trigger.policy);
    showTriggerFields();
    fillTriggerTargets(trigger.tier || '', trigger.tag);
    filter.value = playbook.filter || '';
    playbook.actions.forEach((a) => addAction(a.kind, a.settings));
    checkFilter();
  }

  $('trigger-kind').addEventListener('change', () => {
    showTriggerFields();
    fillTriggerTargets($('trigger-tier').value, $('trigger-tag').value);
  });
  $('trigger-scheme').addEventListener('change', () => fillTriggerTargets());
  form.addEventListener('input', (e) => {
    if (!e.target.closest('.action-card')) {
      clearError(e.target);
    }
  });
  $('add-action').addEventListener('click', () => {
    const card = addAction($('new-action-kind').value);
    card.querySelector('input, select, textarea').focus();
  });

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!data.canManage) {
      return;
    }
    clearErrors();
    const id = document.getElementById('main').dataset.playbook;
    const save = $('save-playbook');
    save.disabled = true;
    try {
      const saved = await api('/api/v1/playbooks' + (id ? '/' + id : ''), { method: id ? 'PUT' : 'POST',
        body: request() });
      window.location.href = '/playbooks?saved=' + saved.id;
    } catch (err) {
      showError(err.problem || { detail: err.message });
      save.disabled = false;
    }
  });

  load(data.playbook);
})();
