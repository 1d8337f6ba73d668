/* Churn warnings: "scan now" runs every signal through the warnings API and shows what it raised and resolved. */
(function () {
  'use strict';
  const { t, api, notify } = window.Strata;
  const button = document.getElementById('scan-now');
  const notice = document.getElementById('warning-notice');
  if (!button) {
    return; // only people who may run jobs see the button
  }
  const total = (counts) => Object.values(counts || {}).reduce((a, b) => a + b, 0);
  button.addEventListener('click', async () => {
    button.disabled = true;
    notify(notice, t('warning.scanning'), 'info');
    try {
      const result = await api('/api/v1/warnings/scan', { method: 'POST' });
      notify(notice, t('warning.scanned', total(result.raised), total(result.resolved)), 'success');
      setTimeout(() => window.location.reload(), 1200);
    } catch (err) {
      notify(notice, t('common.error', err.message), 'error');
      button.disabled = false;
    }
  });
})();
