/* Import wizard: preview with the mapping the import would use, then run it through /api/v1/imports and follow it. */
(function () {
  'use strict';
  const { t, api, fmt, el, notify } = window.Strata;
  const form = document.getElementById('upload-form');
  const notice = document.getElementById('import-notice');
  let mapping = {}; // field -> header chosen by the person (overrides the guesses)
  let preview = null;

  function step(n) {
    document.querySelectorAll('.steps li').forEach((li) => {
      const s = Number(li.dataset.step);
      li.className = s === n ? 'current' : s < n ? 'done' : '';
      if (s === n) { li.setAttribute('aria-current', 'step'); } else { li.removeAttribute('aria-current'); }
    });
  }

  function mappingText() {
    return Object.entries(mapping).filter(([, h]) => h).map(([f, h]) => `${f}=${h}`).join(',');
  }

  function upload(extra) {
    const data = new FormData();
    data.append('file', form.file.files[0]);
    data.append('kind', form.kind.value);
    const encoding = document.getElementById('import-encoding').value;
    if (encoding) { data.append('encoding', encoding); }
    if (mappingText()) { data.append('mapping', mappingText()); }
    Object.entries(extra || {}).forEach(([k, v]) => (v ? data.append(k, v) : null));
    return data;
  }

  async function loadPreview() {
    notice.replaceChildren();
    try {
      preview = await api('/imports/preview', { method: 'POST', body: upload() });
    } catch (e) {
      notify(notice, t('imports.unreadable', e.message), 'error');
      return;
    }
    step(2);
    document.getElementById('mapping-step').hidden = false;
    renderMapping();
    renderPreview();
  }

  function renderMapping() {
    const rows = preview.fields.map((f) => {
      const select = el('select', { id: 'map-' + f.name, 'data-field': f.name },
        new Option(t('imports.notInFile'), ''), ...preview.headers.map((h) => new Option(h, h, false, h === f.header)));
      select.addEventListener('change', () => { mapping[f.name] = select.value; loadPreview(); });
      return el('tr', {}, el('th', { scope: 'row' }, el('label', { for: 'map-' + f.name }, f.name)),
        el('td', {}, f.required ? el('span', { class: 'badge' }, t('imports.required')) : ''), el('td', {}, select));
    });
    document.getElementById('mapping').replaceChildren(el('table', { class: 'data', id: 'mapping-table' },
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t('imports.field')), el('th', { scope: 'col' }, ''),
        el('th', { scope: 'col' }, t('imports.column')))), el('tbody', {}, ...rows)),
      preview.unmappedHeaders.length ? el('p', { class: 'muted' }, t('imports.unmapped', preview.unmappedHeaders.join('、'))) : '');
  }

  function renderPreview() {
    // Columns are the fields of the records as they will be stored (those any of the rows fills).
    const fields = [];
    preview.rows.filter((r) => r.record).forEach((r) => Object.entries(r.record).forEach(([k, v]) => {
      if (v !== null && v !== undefined && !(typeof v === 'object' && !Object.keys(v).length) && !fields.includes(k)) {
        fields.push(k);
      }
    }));
    const value = (record, f) => {
      const v = record[f];
      return v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
    };
    document.getElementById('preview').replaceChildren(el('table', { class: 'data', id: 'preview-table' },
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t('imports.line')), ...fields.map((f) => el('th', { scope: 'col' }, f)))),
      el('tbody', {}, ...preview.rows.map((r) => (r.record
        ? el('tr', {}, el('td', {}, String(r.line)), ...fields.map((f) => el('td', {}, value(r.record, f))))
        : el('tr', { class: 'diff-del' }, el('td', {}, String(r.line)), el('td', { colspan: Math.max(1, fields.length) },
          r.errors.map((e) => t('imports.rowError', e.column, e.field || '', e.value || '', e.reason)).join('; '))))))));
  }

  async function run() {
    step(3);
    document.getElementById('run-step').hidden = false;
    document.getElementById('run-import').disabled = true;
    let job;
    try {
      job = await api('/api/v1/imports', { method: 'POST', body: upload({ source: form.source.value.trim() }) });
    } catch (e) {
      notify(notice, t('imports.unreadable', e.message), 'error');
      document.getElementById('run-import').disabled = false;
      return;
    }
    const bar = document.querySelector('#import-progress > div');
    while (job.status === 'running') {
      const percent = Math.round((job.progress || 0) * 100);
      bar.style.width = percent + '%';
      document.getElementById('import-progress').setAttribute('aria-valuenow', percent);
      document.getElementById('progress-text').textContent = t('imports.progressText', percent, fmt.number(job.counts.read));
      await new Promise((resolve) => setTimeout(resolve, 400));
      job = await api('/api/v1/imports/' + job.id);
    }
    bar.style.width = '100%';
    document.getElementById('progress-text').textContent = t('imports.done');
    showResult(job);
  }

  /** Reads the error report CSV (RFC 4180) into rows. */
  function parseCsv(text) {
    const rows = [];
    let row = [];
    let field = '';
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (quoted) {
        if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') { quoted = false; } else { field += c; }
      } else if (c === '"') { quoted = true; } else if (c === ',') { row.push(field); field = ''; } else if (c === '\n') {
        row.push(field.replace(/\r$/, '')); rows.push(row); row = []; field = '';
      } else { field += c; }
    }
    if (field || row.length) { row.push(field); rows.push(row); }
    return rows;
  }

  async function showResult(job) {
    step(4);
    const c = job.counts;
    const ok = job.status === 'succeeded';
    const box = document.getElementById('result');
    const facts = [['imports.count.read', c.read], ['imports.count.accepted', c.accepted], ['imports.count.rejected', c.rejected],
      ['imports.count.inserted', c.inserted], ['imports.count.updated', c.updated], ['imports.count.unchanged', c.unchanged],
      ['imports.count.merges', c.merges]];
    box.replaceChildren(
      el('div', { class: 'notice ' + (ok ? 'notice-success' : job.status === 'failed' ? 'notice-error' : 'notice-info'), id: 'import-status' },
        t('imports.status.' + job.status), job.status === 'failed' && job.message ? ' — ' + job.message : ''),
      el('dl', { class: 'facts', id: 'import-counts' }, ...facts.flatMap(([k, v]) => [el('dt', {}, t(k)), el('dd', {}, fmt.number(v))])));
    document.getElementById('result-step').hidden = false;
    if (c.rejected > 0 || job.status !== 'succeeded') {
      const csv = await fetch(job.errorReport, { headers: { 'Accept-Language': document.documentElement.lang } })
        .then((r) => r.text());
      const rows = parseCsv(csv.replace(/^\uFEFF/, '')).filter((r) => r.length > 1);
      box.append(el('h3', { style: 'margin-top:16px' }, t('imports.errors')),
        el('p', {}, el('a', { class: 'button', href: job.errorReport, download: '', id: 'error-report' }, t('imports.downloadErrors'))),
        el('table', { class: 'data', id: 'error-table' },
          el('thead', {}, el('tr', {}, ...['imports.line', 'imports.col', 'imports.field', 'imports.value', 'imports.reason']
            .map((k) => el('th', { scope: 'col' }, t(k))))),
          el('tbody', {}, ...rows.slice(1, 101).map((r) => el('tr', {}, ...r.map((v) => el('td', {}, v)))))));
    }
    box.append(el('p', { style: 'margin-top:12px' }, el('a', { class: 'button', href: '/imports' }, t('imports.another')),
      ' ', el('a', { class: 'button', href: '/customers' }, t('imports.toCustomers'))));
  }

  form.addEventListener('submit', (e) => { e.preventDefault(); mapping = {}; loadPreview(); });
  document.getElementById('run-import').addEventListener('click', run);
})();
