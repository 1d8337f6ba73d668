/*
 * Scheme editor: tiers in order with names and colours; each rule is checked as it is typed (problems underlined at
 * their position, live count and sample), and can be edited as text or with the visual builder (the server turns
 * text into the builder's tree and back). Dry run, publish, version history with diff.
 */
(function () {
  'use strict';
  const { t, api, fmt, name, el, notify, debounce } = window.Strata;
  const key = document.getElementById('main').dataset.scheme;
  const base = '/api/v1/tiering/schemes/' + encodeURIComponent(key);
  const notice = document.getElementById('editor-notice');
  const OPERATORS = ['>=', '>', '<=', '<', '=', '!='];
  let scheme = null;
  let stored = null;
  let features = [];

  // ---- rule editor ---------------------------------------------------------------------------------------------

  /** Text with the diagnostics' spans wrapped in <mark>, for the mirror under the textarea. */
  function underline(mirror, text, diagnostics) {
    const spans = diagnostics.map((d) => [d.offset, Math.max(1, d.length)]).sort((a, b) => a[0] - b[0]);
    const parts = [];
    let at = 0;
    spans.forEach(([start, length]) => {
      if (start < at) {
        return;
      }
      parts.push(text.substring(at, start));
      // a problem at the very end (a missing operand) gets a visible mark on a space
      parts.push(el('mark', {}, text.substring(start, start + length) || ' '));
      at = start + length;
    });
    parts.push(text.substring(at) + '\n');
    mirror.replaceChildren(...parts);
  }

  function ruleEditor(tier, index) {
    const id = 'rule-' + index;
    const wrap = el('div', { class: 'rule-editor' });
    const mirror = el('div', { class: 'mirror', 'aria-hidden': 'true' });
    const area = el('textarea', { id, rows: 2, spellcheck: 'false', 'aria-describedby': id + '-status' });
    area.value = tier.rule || '';
    wrap.append(mirror, area);
    const status = el('div', { class: 'rule-status', id: id + '-status', 'aria-live': 'polite' });
    const problems = el('ul', { class: 'diagnostics', id: id + '-problems' });
    const builder = el('div', { class: 'builder', hidden: true });
    const toggle = el('button', { type: 'button', class: 'small builder-toggle', 'aria-expanded': 'false' },
      t('editor.builder.open'));

    const check = debounce(async () => {
      const text = area.value;
      try {
        const preview = await api('/api/v1/tiering/preview/rule', { method: 'POST', body: { rule: text, sampleSize: 5 } });
        if (area.value !== text) {
          return; // typed on meanwhile; the next check answers
        }
        underline(mirror, text, preview.diagnostics);
        wrap.classList.toggle('invalid', !preview.valid);
        problems.replaceChildren(...preview.diagnostics.map((d) => el('li', { class: 'diagnostic' },
          t('editor.rule.problem', d.line, d.column, d.message) + (d.suggestion ? ' ' + t('editor.rule.suggestion', d.suggestion) : ''))));
        if (preview.valid) {
          status.className = 'rule-status ok';
          status.replaceChildren(el('span', { class: 'match-count' },
            t('editor.rule.matches', fmt.number(preview.matching), fmt.number(preview.total))),
            preview.sample.length ? ' ' + t('editor.rule.sample') + ' ' : '',
            ...preview.sample.flatMap((s, i) => [i ? ', ' : '', el('a', { href: '/customers/' + s.customerId, target: '_blank' }, '#' + s.customerId)]));
        } else {
          status.className = 'rule-status';
          status.textContent = t('editor.rule.invalid');
        }
      } catch (e) {
        status.textContent = t('common.error', e.message);
      }
    }, 250);

    area.addEventListener('input', () => {
      tier.rule = area.value;
      underline(mirror, area.value, []);
      check();
      if (!builder.hidden) {
        loadBuilder();
      }
    });
    area.addEventListener('scroll', () => { mirror.scrollTop = area.scrollTop; });

    async function loadBuilder() {
      const answer = await api('/api/v1/dashboard/rules/tree', { method: 'POST', body: { rule: area.value } });
      if (!answer.tree) {
        builder.replaceChildren(el('p', { class: 'muted' }, t('editor.builder.fixFirst')));
        return;
      }
      const root = answer.tree.type === 'group' ? answer.tree : { type: 'group', op: 'and', items: [answer.tree] };
      builder.replaceChildren(group(root, null, builderChanged(root)));
    }

    function builderChanged(root) {
      return async () => {
        try {
          const answer = await api('/api/v1/dashboard/rules/text', { method: 'POST', body: root });
          area.value = answer.rule;
          tier.rule = answer.rule;
          underline(mirror, area.value, []);
          check();
        } catch (e) {
          status.textContent = t('common.error', e.message);
        }
      };
    }

    toggle.addEventListener('click', () => {
      builder.hidden = !builder.hidden;
      toggle.setAttribute('aria-expanded', String(!builder.hidden));
      toggle.textContent = t(builder.hidden ? 'editor.builder.open' : 'editor.builder.close');
      if (!builder.hidden) {
        loadBuilder();
      }
    });
    check();
    return el('div', {}, el('label', { for: id, class: 'label' }, t('editor.rule')), wrap, status, problems, toggle, builder);
  }

  /** One AND/OR group of the visual builder; changed() re-prints the whole tree as text. */
  function group(node, parent, changed) {
    const box = el('div', { class: 'builder-group' });
    const op = el('select', { 'aria-label': t('editor.builder.op') },
      new Option(t('editor.builder.and'), 'and', false, node.op === 'and'),
      new Option(t('editor.builder.or'), 'or', false, node.op === 'or'));
    op.addEventListener('change', () => { node.op = op.value; changed(); });
    const rows = node.items.map((item, i) => {
      const remove = el('button', { type: 'button', class: 'small', 'aria-label': t('editor.builder.remove') }, '×');
      remove.addEventListener('click', () => {
        node.items.splice(i, 1);
        if (!node.items.length && parent) {
          parent.items.splice(parent.items.indexOf(node), 1);
        }
        box.replaceWith(group(node, parent, changed));
        changed();
      });
      if (item.type === 'group') {
        return el('div', {}, group(item, node, changed), remove);
      }
      if (item.type === 'raw') {
        const input = el('input', { type: 'text', size: 40, 'aria-label': t('editor.builder.raw') });
        input.value = item.text;
        input.addEventListener('change', () => { item.text = input.value; changed(); });
        return el('div', { class: 'builder-row' }, input, remove);
      }
      const feature = el('select', { 'aria-label': t('editor.builder.feature') },
        ...features.map((f) => new Option((window.Strata.english ? f.labelEn : f.labelZh) + ' (' + f.name + ')', f.name,
          false, f.name === item.feature)));
      const operator = el('select', { 'aria-label': t('editor.builder.operator') },
        ...OPERATORS.map((o) => new Option(o, o, false, o === item.operator)));
      const value = el('input', { type: 'text', size: 12, 'aria-label': t('editor.builder.value') });
      value.value = item.value;
      feature.addEventListener('change', () => { item.feature = feature.value; changed(); });
      operator.addEventListener('change', () => { item.operator = operator.value; changed(); });
      value.addEventListener('change', () => { item.value = value.value; changed(); });
      return el('div', { class: 'builder-row' }, feature, operator, value, remove);
    });
    const addCondition = el('button', { type: 'button', class: 'small' }, t('editor.builder.addCondition'));
    addCondition.addEventListener('click', () => {
      node.items.push({ type: 'condition', feature: features[0].name, operator: '>=', value: '0' });
      box.replaceWith(group(node, parent, changed));
      changed();
    });
    const addGroup = el('button', { type: 'button', class: 'small' }, t('editor.builder.addGroup'));
    addGroup.addEventListener('click', () => {
      node.items.push({ type: 'group', op: node.op === 'and' ? 'or' : 'and',
        items: [{ type: 'condition', feature: features[0].name, operator: '>=', value: '0' }] });
      box.replaceWith(group(node, parent, changed));
      changed();
    });
    box.append(el('div', { class: 'builder-row' }, el('span', { class: 'label' }, t('editor.builder.match')), op), ...rows,
      el('div', { class: 'builder-row' }, addCondition, addGroup));
    return box;
  }

  // ---- tiers ---------------------------------------------------------------------------------------------------

  function tierFields(tier, index, withRule) {
    const prefix = withRule ? 'tier-' + index : 'default';
    const input = (field, label, attrs) => {
      const node = el('input', Object.assign({ id: `${prefix}-${field}`, type: 'text' }, attrs || {}));
      node.value = tier[field] || (field === 'color' ? '#7f8c8d' : '');
      node.addEventListener('input', () => { tier[field] = node.value; if (field === 'color') { card.style.setProperty('--tier-color', node.value); } });
      return el('div', { class: 'field' }, el('label', { for: node.id }, t(label)), node);
    };
    const card = el('div', { class: 'tier-card' });
    card.style.setProperty('--tier-color', tier.color || '#7f8c8d');
    const head = el('div', { class: 'tier-card-head' },
      el('strong', {}, withRule ? String(index + 1) : '—'),
      input('nameZh', 'editor.tier.nameZh'), input('nameEn', 'editor.tier.nameEn'),
      input('key', 'editor.tier.key', { pattern: '[a-z][a-z0-9_]*', size: 10 }),
      input('color', 'editor.tier.color', { type: 'color' }));
    if (withRule) {
      const up = el('button', { type: 'button', class: 'small', 'aria-label': t('editor.tier.up') }, '↑');
      const down = el('button', { type: 'button', class: 'small', 'aria-label': t('editor.tier.down') }, '↓');
      const remove = el('button', { type: 'button', class: 'small danger' }, t('editor.tier.remove'));
      up.disabled = index === 0;
      down.disabled = index === scheme.tiers.length - 1;
      up.addEventListener('click', () => move(index, -1));
      down.addEventListener('click', () => move(index, 1));
      remove.addEventListener('click', () => { scheme.tiers.splice(index, 1); renderTiers(); });
      head.append(el('div', { class: 'toolbar' }, up, down, remove));
    } else {
      head.append(el('span'));
    }
    card.append(head);
    if (withRule) {
      card.append(ruleEditor(tier, index));
    }
    return card;
  }

  function move(index, delta) {
    const [tier] = scheme.tiers.splice(index, 1);
    scheme.tiers.splice(index + delta, 0, tier);
    renderTiers();
  }

  function renderTiers() {
    document.getElementById('tiers').replaceChildren(...scheme.tiers.map((tier, i) => tierFields(tier, i, true)));
    document.getElementById('default-tier').replaceChildren(tierFields(scheme.defaultTier, 0, false));
  }

  // ---- actions -------------------------------------------------------------------------------------------------

  function problemsList(problems) {
    return el('ul', { class: 'diagnostics' }, ...(problems || []).map((p) => el('li', {},
      t('editor.problem', p.where || p.part || '', p.line, p.column, p.message) + (p.suggestion ? ' ' + t('editor.rule.suggestion', p.suggestion) : ''))));
  }

  function problemOf(e) {
    const problems = e.problem && (e.problem.problems || e.problem.errors);
    return problems && problems.length ? [el('div', { class: 'notice notice-error', role: 'alert' },
      t('common.error', e.message)), problemsList(problems)] : [el('div', { class: 'notice notice-error', role: 'alert' }, t('common.error', e.message))];
  }

  function collect() {
    scheme.nameZh = document.getElementById('scheme-name-zh').value;
    scheme.nameEn = document.getElementById('scheme-name-en').value;
    return scheme;
  }

  async function save() {
    stored = await api(base, { method: 'PUT', body: collect() });
    status();
  }

  function status() {
    document.getElementById('scheme-status').textContent = (stored.publishedVersion
      ? t('editor.status.published', stored.publishedVersion) : t('editor.status.unpublished')) + ' · '
      + t('schemes.draftBy', stored.draftUpdatedBy, fmt.dateTime(stored.draftUpdatedAt));
  }

  document.getElementById('save-draft').addEventListener('click', async () => {
    try {
      await save();
      notify(notice, t('common.saved'), 'success');
    } catch (e) {
      notice.replaceChildren(...problemOf(e));
    }
  });

  document.getElementById('dry-run').addEventListener('click', async () => {
    const panel = document.getElementById('dry-run-panel');
    const result = document.getElementById('dry-run-result');
    panel.hidden = false;
    result.replaceChildren(el('p', { class: 'muted' }, t('editor.dryRun.running')));
    try {
      const preview = await api(base + '/dry-run', { method: 'POST', body: { scheme: collect() } });
      if (!preview.valid) {
        result.replaceChildren(el('div', { class: 'notice notice-error', role: 'alert' }, t('editor.dryRun.invalid')), problemsList(preview.problems));
        return;
      }
      const tiers = scheme.tiers.concat([scheme.defaultTier]);
      const froms = [null].concat(tiers.map((x) => x.key));
      const cell = (from, to) => (preview.matrix.find((c) => c.from === from && c.to === to) || { customers: 0 }).customers;
      const label = (k) => (k === null ? t('editor.dryRun.unplaced') : name(tiers.find((x) => x.key === k) || { key: k }));
      result.replaceChildren(
        el('p', { id: 'dry-run-summary' }, t('editor.dryRun.summary', fmt.number(preview.total), fmt.number(preview.moving))),
        el('div', { class: 'table-wrap' }, el('table', { class: 'data', id: 'dry-run-matrix' },
          el('caption', { class: 'sr-only' }, t('editor.dryRun.caption')),
          el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t('editor.dryRun.fromTo')),
            ...tiers.map((x) => el('th', { scope: 'col', class: 'num' }, name(x))),
            el('th', { scope: 'col', class: 'num' }, t('editor.dryRun.total')))),
          el('tbody', {}, ...froms.map((from) => el('tr', {}, el('th', { scope: 'row' }, label(from)),
            ...tiers.map((to) => el('td', { class: 'num' + (from === to.key ? ' diag' : '') }, fmt.number(cell(from, to.key)))),
            el('td', { class: 'num' }, fmt.number(tiers.reduce((sum, to) => sum + cell(from, to.key), 0)))))),
          el('tfoot', {}, el('tr', {}, el('th', { scope: 'row' }, t('editor.dryRun.after')),
            ...tiers.map((x) => el('td', { class: 'num' }, fmt.number(preview.counts[x.key] || 0))), el('td'))))));
    } catch (e) {
      result.replaceChildren(...problemOf(e));
    }
  });

  document.getElementById('publish').addEventListener('click', async () => {
    try {
      await save();
      const version = await api(base + '/publish', { method: 'POST', body: { note: document.getElementById('publish-note').value || null } });
      stored.publishedVersion = version.version;
      status();
      notify(notice, t('editor.published', version.version), 'success');
      loadVersions();
    } catch (e) {
      notice.replaceChildren(...problemOf(e));
    }
  });

  // ---- versions and diff ---------------------------------------------------------------------------------------

  /** Line diff (longest common subsequence); YAML of schemes is a few hundred lines at most. */
  function diffLines(a, b) {
    const n = a.length;
    const m = b.length;
    const lcs = Array.from({ length: n + 1 }, () => new Array(m + 1).fill(0));
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    const out = [];
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[i] === b[j]) { out.push([' ', a[i]]); i++; j++; }
      else if (j < m && (i === n || lcs[i][j + 1] >= lcs[i + 1][j])) { out.push(['+', b[j]]); j++; }
      else { out.push(['-', a[i]]); i++; }
    }
    return out;
  }

  async function showDiff(from, to) {
    const yaml = (v) => fetch(base + '/yaml' + (v === 'draft' ? '' : '?version=' + v)).then((r) => r.text());
    const [a, b] = await Promise.all([yaml(from), yaml(to)]);
    const lines = diffLines(a.split('\n'), b.split('\n'));
    if (lines.every((l) => l[0] === ' ')) {
      document.getElementById('diff').replaceChildren(el('p', { class: 'muted', id: 'version-diff' }, t('editor.diff.same')));
      return;
    }
    document.getElementById('diff').replaceChildren(
      el('h3', {}, t('editor.diff.title', from === 'draft' ? t('editor.diff.draft') : 'v' + from, to === 'draft' ? t('editor.diff.draft') : 'v' + to)),
      el('pre', { class: 'diff', id: 'version-diff' }, ...lines.filter((l, k) => l[0] !== ' ' || lines.slice(Math.max(0, k - 2), k + 3).some((x) => x[0] !== ' '))
        .map(([mark, text]) => el('div', { class: mark === '+' ? 'diff-add' : mark === '-' ? 'diff-del' : '' }, mark + ' ' + text))));
  }

  async function loadVersions() {
    const versions = await api(base + '/versions');
    const box = document.getElementById('versions');
    if (!versions.length) {
      box.replaceChildren(el('p', { class: 'muted' }, t('editor.versions.none')));
      return;
    }
    box.replaceChildren(el('table', { class: 'data', id: 'versions-table' },
      el('thead', {}, el('tr', {}, ...['editor.versions.version', 'editor.versions.by', 'editor.versions.at', 'editor.versions.note', '']
        .map((k) => el('th', { scope: 'col' }, k ? t(k) : '')))),
      el('tbody', {}, ...versions.map((v, i) => {
        const compare = el('button', { type: 'button', class: 'small' },
          i + 1 < versions.length ? t('editor.versions.comparePrevious') : t('editor.versions.compareDraft'));
        compare.addEventListener('click', () => (i + 1 < versions.length ? showDiff(versions[i + 1].version, v.version) : showDiff(v.version, 'draft')));
        const toDraft = el('button', { type: 'button', class: 'small' }, t('editor.versions.compareDraft'));
        toDraft.addEventListener('click', () => showDiff(v.version, 'draft'));
        return el('tr', {}, el('td', {}, 'v' + v.version), el('td', {}, v.publishedBy), el('td', {}, fmt.dateTime(v.publishedAt)),
          el('td', {}, v.note || ''), el('td', {}, compare, ' ', i + 1 < versions.length ? toDraft : ''));
      }))));
  }

  document.getElementById('add-tier').addEventListener('click', () => {
    const n = scheme.tiers.length + 1;
    scheme.tiers.push({ key: 'tier_' + n, nameZh: '', nameEn: '', color: '#2980b9', rule: '' });
    renderTiers();
  });

  async function load() {
    try {
      [stored, features] = await Promise.all([api(base), api('/api/v1/features')]);
      scheme = stored.draft;
      document.getElementById('scheme-name-zh').value = scheme.nameZh;
      document.getElementById('scheme-name-en').value = scheme.nameEn;
      status();
      renderTiers();
      loadVersions();
    } catch (e) {
      notify(notice, t('common.loadFailed', e.message), 'error');
    }
  }
  load();
})();
