/* Customer 360°: give and take manual tags, pin and unpin, through the tiering API; the page reloads to show it. */
(function () {
  'use strict';
  const { t, api, notify } = window.Strata;
  const main = document.getElementById('main');
  const customerId = main.dataset.customerId;
  const notice = document.getElementById('customer-notice');

  async function act(request) {
    try {
      await request();
      window.location.reload();
    } catch (e) {
      notify(notice, t('common.error', e.message), 'error');
    }
  }

  document.querySelectorAll('.tier-standing').forEach((standing) => {
    const scheme = encodeURIComponent(standing.dataset.scheme);
    const base = `/api/v1/tiering/schemes/${scheme}`;
    standing.querySelectorAll('.remove-tag').forEach((button) => button.addEventListener('click', () =>
      act(() => api(`${base}/customers/${customerId}/tags/${encodeURIComponent(button.dataset.tag)}`, { method: 'DELETE' }))));
    const addTag = standing.querySelector('.add-tag');
    if (addTag) {
      addTag.addEventListener('submit', (e) => {
        e.preventDefault();
        act(() => api(`${base}/customers/${customerId}/tags/${encodeURIComponent(addTag.tag.value)}`, { method: 'PUT' }));
      });
    }
    standing.querySelectorAll('.unpin').forEach((button) => button.addEventListener('click', () =>
      act(() => api(`${base}/pins/${button.dataset.pin}`, { method: 'DELETE' }))));
    const pin = standing.querySelector('.pin-form');
    pin.addEventListener('submit', (e) => {
      e.preventDefault();
      const expires = pin.expiresAt.value ? new Date(pin.expiresAt.value + 'T23:59:59+08:00').toISOString() : null;
      act(() => api(`${base}/pins`, { method: 'POST',
        body: { customerId: Number(customerId), tier: pin.tier.value, reason: pin.reason.value, expiresAt: expires } }));
    });
  });
})();
