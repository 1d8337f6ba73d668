/* Scheme list: the schemes with their published version, a preset to start from, and YAML import. */
(function () {
  'use strict';
  const { t, api, fmt, name, el, notify } = window.Strata;
  const notice = document.getElementById('schemes-notice');
  const presetSelect = document.getElementById('preset');
  let presets = [];

  async function loadSchemes() {
    const schemes = await api('/api/v1/tiering/schemes');
    const list = document.getElementById('schemes-list');
    if (!schemes.length) {
      list.replaceChildren(el('div', { class: 'empty', id: 'schemes-empty' },
        el('h2', {}, t('schemes.empty.title')), el('p', {}, t('schemes.empty.text'))));
      return;
    }
    list.replaceChildren(el('table', { class: 'data', id: 'schemes-table' },
      el('thead', {}, el('tr', {}, ...['schemes.col.name', 'schemes.col.key', 'schemes.col.tiers', 'schemes.col.published',
        'schemes.col.draft'].map((k) => el('th', { scope: 'col' }, t(k))))),
      el('tbody', {}, ...schemes.map((s) => el('tr', {},
        el('td', {}, el('a', { href: '/schemes/' + encodeURIComponent(s.key) }, name(s))),
        el('td', {}, el('code', {}, s.key)),
        el('td', {}, s.draft.tiers.map(name).concat([name(s.draft.defaultTier)]).join(' · ')),
        el('td', {}, s.publishedVersion ? t('schemes.version', s.publishedVersion) : t('schemes.unpublished')),
        el('td', {}, t('schemes.draftBy', s.draftUpdatedBy, fmt.dateTime(s.draftUpdatedAt))))))));
  }

  async function loadPresets() {
    presets = await api('/api/v1/tiering/presets');
    presetSelect.replaceChildren(...presets.map((p) => new Option(name(p), p.key)));
    describe();
  }

  function describe() {
    const preset = presets.find((p) => p.key === presetSelect.value);
    document.getElementById('preset-description').textContent = preset
      ? preset.definition.tiers.map(name).concat([name(preset.definition.defaultTier)]).join(' → ') : '';
  }

  presetSelect.addEventListener('change', describe);
  document.getElementById('preset-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const key = e.target.key.value.trim();
    try {
      const created = await api(`/api/v1/tiering/presets/${encodeURIComponent(presetSelect.value)}/instantiate`,
        { method: 'POST', body: key ? { key } : {} });
      window.location.href = '/schemes/' + encodeURIComponent(created.key);
    } catch (err) {
      notify(notice, t('common.error', err.message), 'error');
    }
  });
  document.getElementById('yaml-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const file = document.getElementById('yaml-file').files[0];
    try {
      const created = await api('/api/v1/tiering/schemes/import', { method: 'POST', body: await file.text(),
        headers: { 'Content-Type': 'application/yaml' } });
      window.location.href = '/schemes/' + encodeURIComponent(created.key);
    } catch (err) {
      notify(notice, t('common.error', err.message), 'error');
    }
  });
  Promise.all([loadSchemes(), loadPresets()]).catch((err) => notify(notice, t('common.loadFailed', err.message), 'error'));
})();
