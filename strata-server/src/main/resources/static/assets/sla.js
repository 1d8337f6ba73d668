/*
 * SLA policies: list, create, edit, switch on and off through the SLA API; "contact at least every N days" is
 * entered in days and stored in hours. The compliance report (by tier and owner) as a bar chart and a table, with
 * "download data" as CSV like the dashboard's charts.
 */
(function () {
  'use strict';
  const { t, api, fmt, name, el, notify, downloadCsv } = window.Strata;
  const data = JSON.parse(document.getElementById('sla-data').textContent);
  const notice = document.getElementById('sla-notice');
  const $ = (id) => document.getElementById(id);
  const form = $('sla-form');
  let policies = [];
  let editing = null;
  let csvRows = [];
  let chart = null;

  function scheme(key) {
    return data.schemes.find((s) => s.key === key);
  }

  function tierName(schemeKey, tierKey) {
    const found = scheme(schemeKey);
    const tier = found ? found.tiers.find((x) => x.key === tierKey) : null;
    return (found ? name(found) + ' › ' : schemeKey + ' › ') + (tier ? name(tier) : tierKey);
  }

  function policyName(p) {
    return window.Strata.english ? p.nameEn || p.policyEn : p.nameZh || p.policyZh;
  }

  /** first_contact: within N hours; contact_interval: every N days when whole days, else N hours. */
  function ruleText(p) {
    if (p.kind === 'first_contact') {
      return t('sla.rule.first_contact', fmt.number(p.hours));
    }
    return p.hours % 24 === 0 ? t('sla.rule.contact_interval_days', fmt.number(p.hours / 24))
      : t('sla.rule.contact_interval_hours', fmt.number(p.hours));
  }

  // ---- policies ------------------------------------------------------------------------------------------------

  function drawPolicies() {
    const body = $('sla-table').querySelector('tbody');
    $('sla-empty').hidden = policies.length > 0;
    $('sla-table').hidden = policies.length === 0;
    body.replaceChildren(...policies.map((p) => {
      const cells = [
        el('td', {}, policyName(p)),
        el('td', {}, tierName(p.scheme, p.tier)),
        el('td', {}, ruleText(p)),
        el('td', {}, p.contactTypes.join(', ')),
        el('td', {}, el('span', { class: 'badge ' + (p.enabled ? 'badge-on' : 'badge-off') },
          t(p.enabled ? 'sla.enabled' : 'sla.disabled')))
      ];
      if (data.canManage) {
        const edit = el('button', { type: 'button', class: 'small edit-policy' }, t('sla.edit'));
        edit.addEventListener('click', () => startEdit(p));
        const toggle = el('button', { type: 'button', class: 'small toggle-policy' },
          t(p.enabled ? 'sla.disable' : 'sla.enable'));
        toggle.addEventListener('click', async () => {
          try {
            await api(`/api/v1/sla/policies/${p.id}/${p.enabled ? 'disable' : 'enable'}`, { method: 'POST' });
            await loadAll();
          } catch (err) {
            notify(notice, t('common.error', err.message), 'error');
          }
        });
        cells.push(el('td', { class: 'row-actions' }, edit, ' ', toggle));
      }
      return el('tr', { class: 'policy-row', 'data-id': p.id }, ...cells);
    }));
  }

  // ---- the form ------------------------------------------------------------------------------------------------

  function fillTiers(selected) {
    const chosen = scheme($('sla-scheme').value);
    $('sla-tier').replaceChildren(...(chosen ? chosen.tiers : []).map((x) => new Option(name(x), x.key)));
    if (selected) {
      $('sla-tier').value = selected;
    }
  }

  function unitLabel() {
    const label = $('sla-amount-label');
    label.textContent = $('sla-kind').value === 'first_contact' ? label.dataset.hours : label.dataset.days;
  }

  function clearErrors() {
    form.querySelectorAll('.field-error').forEach((e) => e.remove());
    form.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
  }

  function showError(problem) {
    const field = problem.pointer ? form.querySelector(`[data-pointer="${problem.pointer}"]`) : null;
    if (!field) {
      notify(notice, t('common.error', problem.detail || problem.title), 'error');
      return;
    }
    const control = field.querySelector('input, select');
    const id = control.id + '-error';
    field.appendChild(el('p', { class: 'field-error', id, role: 'alert' }, t('sla.fieldError', (problem.detail || '').replace(problem.pointer + ': ', ''))));
    control.setAttribute('aria-invalid', 'true');
    control.setAttribute('aria-describedby', id);
    control.focus();
  }

  function startEdit(p) {
    editing = p;
    clearErrors();
    $('sla-form-title').textContent = t('sla.form.edit', policyName(p));
    $('sla-scheme').value = p.scheme;
    fillTiers(p.tier);
    $('sla-kind').value = p.kind;
    unitLabel();
    $('sla-amount').value = p.kind === 'first_contact' ? p.hours : p.hours / 24;
    $('sla-contacts').value = p.contactTypes.join(', ');
    // names Strata made from the kind and the deadline are left empty, so they follow an edited deadline
    const made = (text, kind) => text.startsWith(kind + ' ') && /^\d+ \S+$/.test(text.substring(kind.length + 1));
    const generated = made(p.nameZh, p.kindZh) && made(p.nameEn, p.kindEn);
    $('sla-name-zh').value = generated ? '' : p.nameZh;
    $('sla-name-en').value = generated ? '' : p.nameEn;
    $('sla-cancel-edit').hidden = false;
    $('sla-scheme').focus();
  }

  function resetForm() {
    editing = null;
    clearErrors();
    form.reset();
    $('sla-form-title').textContent = t('sla.form.new');
    fillTiers();
    unitLabel();
    $('sla-cancel-edit').hidden = true;
  }

  function request() {
    const amount = $('sla-amount').value === '' ? null : Number($('sla-amount').value);
    const days = $('sla-kind').value === 'contact_interval';
    return {
      scheme: $('sla-scheme').value || null,
      tier: $('sla-tier').value || null,
      kind: $('sla-kind').value,
      hours: amount === null ? null : (days ? Math.round(amount * 24) : amount),
      contactTypes: $('sla-contacts').value.split(',').map((s) => s.trim()).filter((s) => s),
      nameZh: $('sla-name-zh').value.trim() || null,
      nameEn: $('sla-name-en').value.trim() || null
    };
  }

  if (form) {
    $('sla-scheme').replaceChildren(...data.schemes.map((s) => new Option(name(s), s.key)));
    if (!data.schemes.length) {
      notify(notice, t('sla.noSchemes'), 'info');
    }
    fillTiers();
    $('sla-scheme').addEventListener('change', () => fillTiers());
    $('sla-kind').addEventListener('change', unitLabel);
    $('sla-cancel-edit').addEventListener('click', resetForm);
    form.addEventListener('input', (e) => e.target.removeAttribute('aria-invalid'));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      clearErrors();
      try {
        await api('/api/v1/sla/policies' + (editing ? '/' + editing.id : ''),
          { method: editing ? 'PUT' : 'POST', body: request() });
        notify(notice, t('sla.saved'), 'success');
        resetForm();
        await loadAll();
      } catch (err) {
        showError(err.problem || { detail: err.message });
      }
    });
  }

  // ---- compliance ----------------------------------------------------------------------------------------------

  /**
   * The report lists, per policy, its total (the first row of the policy, without an owner) and then one row per
   * owner (a row without an owner there counts the customers nobody owns).
   */
  function drawCompliance(rows) {
    const totals = new Set();
    const seen = new Set();
    rows.forEach((r, i) => {
      if (!seen.has(r.policyId)) {
        seen.add(r.policyId);
        totals.add(i);
      }
    });
    const ownerLabel = (r, i) => (totals.has(i) ? t('sla.total') : r.ownerName || t('sla.noOwner'));
    $('compliance-empty').hidden = rows.length > 0;
    $('compliance-table').hidden = rows.length === 0;
    $('chart-sla-compliance').hidden = rows.length === 0;
    $('compliance-table').querySelector('tbody').replaceChildren(...rows.map((r, i) => el('tr',
      { class: totals.has(i) ? 'total-row' : 'owner-row' },
      el('td', {}, policyName(r)), el('td', {}, tierName(r.scheme, r.tier)), el('td', {}, ownerLabel(r, i)),
      el('td', { class: 'num' }, fmt.number(r.customers)), el('td', { class: 'num' }, fmt.number(r.inBreach)),
      el('td', { class: 'num' }, fmt.percent(r.compliancePercent)))));
    csvRows = [[t('sla.col.name'), t('sla.col.tier'), t('sla.col.owner'), t('sla.col.customers'),
      t('sla.col.inBreach'), t('sla.col.compliance')]].concat(rows.map((r, i) => [policyName(r),
      tierName(r.scheme, r.tier), ownerLabel(r, i), r.customers, r.inBreach, r.compliancePercent]));
    if (!rows.length) {
      return;
    }
    // one bar group per owner (the totals first), one series per policy
    const owners = ['__total__'];
    rows.forEach((r, i) => {
      const key = totals.has(i) ? '__total__' : String(r.ownerId);
      if (!owners.includes(key)) {
        owners.push(key);
      }
    });
    const labels = owners.map((key) => {
      if (key === '__total__') {
        return t('sla.total');
      }
      const row = rows.find((r, i) => !totals.has(i) && String(r.ownerId) === key);
      return row.ownerName || t('sla.noOwner');
    });
    const series = [...seen].map((policyId) => {
      const first = rows.find((r) => r.policyId === policyId);
      const values = owners.map((key) => {
        const row = rows.find((r, i) => r.policyId === policyId
          && (key === '__total__' ? totals.has(i) : !totals.has(i) && String(r.ownerId) === key));
        return row ? row.compliancePercent : null;
      });
      return { type: 'bar', name: policyName(first) + ' · ' + tierName(first.scheme, first.tier), data: values };
    });
    chart = chart || echarts.init($('chart-sla-compliance'));
    chart.setOption({
      tooltip: { trigger: 'axis', valueFormatter: (v) => (v === null || v === undefined ? '—' : fmt.percent(v)) },
      legend: { type: 'scroll', bottom: 0 },
      grid: { left: 48, right: 16, top: 16, bottom: 64 },
      xAxis: { type: 'category', data: labels, axisLabel: { interval: 0, rotate: labels.length > 8 ? 30 : 0 } },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      series
    }, true);
  }

  async function loadAll() {
    try {
      const [list, report] = await Promise.all([api('/api/v1/sla/policies'), api('/api/v1/sla/compliance')]);
      policies = list;
      drawPolicies();
      drawCompliance(report);
      document.body.dataset.slaLoaded = 'true';
    } catch (err) {
      notify(notice, t('common.loadFailed', err.message), 'error');
    }
  }

  $('sla-download').addEventListener('click', () => downloadCsv('strata-sla-compliance.csv', csvRows));
  window.addEventListener('resize', () => chart && chart.resize());
  loadAll();
})();
