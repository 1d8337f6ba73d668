/*
 * Dead letters (the list and one delivery's page): replay one or the selected ones through the deliveries API,
 * after a confirmation in a modal dialog (Escape or Cancel keeps them parked). The API audits every replay.
 */
(function () {
  'use strict';
  const { t, api, notify } = window.Strata;
  const notice = document.getElementById('deadletter-notice');
  const dialog = document.getElementById('replay-dialog');
  const form = document.getElementById('deadletter-form');
  const selectAll = document.getElementById('select-all');
  const replaySelected = document.getElementById('replay-selected');
  const picks = () => Array.from(document.querySelectorAll('input.pick'));
  const chosen = () => picks().filter((box) => box.checked).map((box) => Number(box.value));

  /** Resolves true when the person confirms replaying {@code count} dead letters. */
  function confirmReplay(count) {
    document.getElementById('replay-dialog-text').textContent = t('deadletter.confirm.text', count);
    dialog.returnValue = '';
    dialog.showModal();
    document.getElementById('replay-confirm').focus();
    return new Promise((resolve) => {
      dialog.addEventListener('close', () => resolve(dialog.returnValue === 'replay'), { once: true });
    });
  }

  async function replay(ids, button) {
    if (!(await confirmReplay(ids.length))) {
      return;
    }
    if (button) {
      button.disabled = true;
    }
    try {
      const result = ids.length === 1
        ? await api('/api/v1/deliveries/' + ids[0] + '/replay', { method: 'POST' })
        : await api('/api/v1/deliveries/dead-letters/replay', { method: 'POST', body: { ids } });
      notify(notice, t('deadletter.replayed', result.replayed), 'success');
      document.body.dataset.replayed = String(result.replayed);
      setTimeout(() => window.location.reload(), 1200);
    } catch (err) {
      notify(notice, t('common.error', err.message), 'error');
      if (button) {
        button.disabled = false;
      }
    }
  }

  function updateSelection() {
    const count = chosen().length;
    replaySelected.disabled = count === 0;
    document.getElementById('selected-count').textContent = count ? t('deadletter.selected', count) : '';
    selectAll.checked = count > 0 && count === picks().length;
    selectAll.indeterminate = count > 0 && count < picks().length;
  }

  document.querySelectorAll('.replay-one').forEach((button) => {
    button.addEventListener('click', () => replay([Number(button.dataset.delivery)], button));
  });
  if (form) {
    picks().forEach((box) => box.addEventListener('change', updateSelection));
    selectAll.addEventListener('change', () => {
      picks().forEach((box) => { box.checked = selectAll.checked; });
      updateSelection();
    });
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      if (chosen().length) {
        replay(chosen(), replaySelected);
      }
    });
    updateSelection();
  }
})();
