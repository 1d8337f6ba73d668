/* Runs and schedules: run a scheme now, set or clear its schedule, through the tiering API. */
(function () {
  'use strict';
  const { t, api, notify } = window.Strata;
  const notice = document.getElementById('runs-notice');
  document.querySelectorAll('.schedule-row').forEach((row) => {
    const base = '/api/v1/tiering/schemes/' + encodeURIComponent(row.dataset.scheme);
    row.querySelector('.run-now').addEventListener('click', async (e) => {
      e.target.disabled = true;
      notify(notice, t('runs.running', row.dataset.scheme), 'info');
      try {
        const run = await api(base + '/runs', { method: 'POST', body: {} });
        notify(notice, t('runs.finished', run.id, run.moved), 'success');
        setTimeout(() => window.location.reload(), 800);
      } catch (err) {
        notify(notice, t('common.error', err.message), 'error');
        e.target.disabled = false;
      }
    });
    row.querySelector('.schedule-form').addEventListener('submit', async (e) => {
      e.preventDefault();
      const f = e.target;
      try {
        if (!f.frequency.value) {
          await api(base + '/schedule', { method: 'DELETE' });
        } else {
          await api(base + '/schedule', { method: 'PUT', body: { frequency: f.frequency.value,
            day: f.day.value === '' ? null : Number(f.day.value), time: f.time.value, timeZone: f.timeZone.value } });
        }
        notify(notice, t('common.saved'), 'success');
      } catch (err) {
        notify(notice, t('common.error', err.message), 'error');
      }
    });
  });
})();
