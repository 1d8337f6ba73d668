/* Tasks: complete an open task with its outcome through the task API (a dialog that keeps the keyboard inside). */
(function () {
  'use strict';
  const { t, api, notify } = window.Strata;
  const dialog = document.getElementById('complete-dialog');
  if (!dialog) {
    return; // the caller may not work on tasks
  }
  const outcome = document.getElementById('outcome');
  const error = document.getElementById('complete-error');
  let taskId = null;
  let opener = null;

  document.querySelectorAll('.complete-task').forEach((button) => {
    button.addEventListener('click', () => {
      const row = button.closest('.task-row');
      taskId = row.dataset.id;
      opener = button;
      document.getElementById('complete-task-title').textContent = row.dataset.title;
      outcome.value = '';
      outcome.removeAttribute('aria-invalid');
      error.replaceChildren();
      dialog.showModal();
      outcome.focus();
    });
  });
  document.getElementById('complete-cancel').addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => { if (opener) { opener.focus(); } });

  document.getElementById('complete-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!outcome.value.trim()) {
      outcome.setAttribute('aria-invalid', 'true');
      notify(error, t('task.outcomeRequired'), 'error');
      outcome.focus();
      return;
    }
    const submit = document.getElementById('complete-submit');
    submit.disabled = true;
    try {
      await api('/api/v1/tasks/' + taskId + '/complete', { method: 'POST', body: { outcome: outcome.value.trim() } });
      opener = null;
      dialog.close();
      notify(document.getElementById('tasks-notice'), t('task.completed'), 'success');
      setTimeout(() => window.location.reload(), 600);
    } catch (err) {
      notify(error, t('common.error', err.message), 'error');
    } finally {
      submit.disabled = false;
    }
  });
})();
