/* Playbook list: switch a playbook on or off and delete it through the playbook API. */
(function () {
  'use strict';
  const { t, api, notify } = window.Strata;
  const notice = document.getElementById('playbooks-notice');
  if (new URLSearchParams(window.location.search).has('saved')) {
    notify(notice, t('playbook.saved'), 'success');
  }
  document.querySelectorAll('.playbook-row').forEach((row) => {
    const base = '/api/v1/playbooks/' + row.dataset.id;
    const toggle = row.querySelector('.toggle-enabled');
    if (toggle) {
      toggle.addEventListener('click', async () => {
        toggle.disabled = true;
        try {
          await api(base + (toggle.dataset.enable === 'true' ? '/enable' : '/disable'), { method: 'POST' });
          window.location.replace('/playbooks');
        } catch (err) {
          notify(notice, t('common.error', err.message), 'error');
          toggle.disabled = false;
        }
      });
    }
    const remove = row.querySelector('.delete-playbook');
    if (remove) {
      remove.addEventListener('click', async () => {
        if (!window.confirm(t('playbook.confirmDelete', row.dataset.name))) {
          return;
        }
        try {
          await api(base, { method: 'DELETE' });
          window.location.replace('/playbooks');
        } catch (err) {
          notify(notice, t('common.error', err.message), 'error');
        }
      });
    }
  });
})();
