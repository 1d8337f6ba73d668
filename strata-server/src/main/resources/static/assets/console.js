/*
 * Shared helpers of the console pages. Every visible string comes from the page's JSON block #strata-text (the js.*
 * keys of the message bundles, rendered by the server); this file holds no text of its own. A data block, not an
 * inline script: the Content-Security-Policy lets only Strata's own script files run.
 */
(function () {
  'use strict';

  const lang = document.documentElement.lang || 'zh-CN';
  const textBlock = document.getElementById('strata-text');
  const texts = textBlock ? JSON.parse(textBlock.textContent) : {};
  const english = lang.startsWith('en');

  /** The message `key` with {0}, {1} ... replaced by args. */
  function t(key, ...args) {
    const text = texts[key];
    if (text === undefined) {
      return key;
    }
    return text.replace(/\{(\d+)\}/g, (m, i) => (args[i] === undefined ? m : String(args[i])));
  }

  /** CSRF header of the page (present once sign-in is enabled), added to every request that changes something. */
  function csrfHeaders() {
    const token = document.querySelector('meta[name="_csrf"]');
    const header = document.querySelector('meta[name="_csrf_header"]');
    return token && header ? { [header.content]: token.content } : {};
  }

  class ApiError extends Error {
    constructor(status, problem) {
      super((problem && (problem.detail || problem.title)) || String(status));
      this.status = status;
      this.problem = problem || {};
    }
  }

  /** fetch() that sends and reads JSON, adds the CSRF header to writes, and throws ApiError with the problem detail. */
  async function api(url, options = {}) {
    const method = (options.method || 'GET').toUpperCase();
    // Error texts from the server come in the page's language, whatever language the browser itself prefers.
    const headers = Object.assign({ Accept: 'application/json', 'Accept-Language': lang }, options.headers || {});
    let body = options.body;
    if (method !== 'GET' && method !== 'HEAD') {
      Object.assign(headers, csrfHeaders());
    }
    if (body !== undefined && !(body instanceof FormData) && typeof body !== 'string') {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(body);
    }
    const response = await fetch(url, { method, headers, body, credentials: 'same-origin' });
    const type = response.headers.get('Content-Type') || '';
    const data = response.status === 204 ? null
      : type.includes('json') ? await response.json() : await response.text();
    if (!response.ok) {
      throw new ApiError(response.status, typeof data === 'object' ? data : { detail: data });
    }
    return data;
  }

  const numberFormat = new Intl.NumberFormat(lang);
  const moneyFormat = new Intl.NumberFormat(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const compactFormat = new Intl.NumberFormat(lang, { notation: 'compact', maximumFractionDigits: 1 });
  const dateFormat = new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'short', day: 'numeric' });
  const dateTimeFormat = new Intl.DateTimeFormat(lang, {
    year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit'
  });

  const fmt = {
    number: (n) => (n === null || n === undefined ? '' : numberFormat.format(n)),
    money: (n) => (n === null || n === undefined ? '' : '¥' + moneyFormat.format(n)),
    compactMoney: (n) => (n === null || n === undefined ? '' : '¥' + compactFormat.format(n)),
    percent: (n) => (n === null || n === undefined ? '' : numberFormat.format(n) + '%'),
    date: (s) => (s ? dateFormat.format(new Date(s.length === 10 ? s + 'T00:00:00' : s)) : ''),
    dateTime: (s) => (s ? dateTimeFormat.format(new Date(s)) : '')
  };

  /** The name of a tier, tag or scheme (objects with nameZh / nameEn) in the page's language. */
  function name(item) {
    if (!item) {
      return '';
    }
    return (english ? item.nameEn || item.nameZh : item.nameZh || item.nameEn) || item.key || '';
  }

  /** Quotes one CSV field (RFC 4180); a leading = + - @ is prefixed so Excel does not run it as a formula. */
  function csvField(value) {
    let text = value === null || value === undefined ? '' : String(value);
    if (/^[=+\-@]/.test(text) && !/^-?\d/.test(text)) {
      text = "'" + text;
    }
    return /[",\n\r]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  /** Downloads rows (first row the header) as a UTF-8 CSV with BOM, which Excel opens with Chinese intact. */
  function downloadCsv(fileName, rows) {
    const text = '\uFEFF' + rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
    const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  /** Creates an element: el('td', {class: 'num'}, 'text', childNode ...). Text is always set as text, never HTML. */
  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([k, v]) => {
      if (v === null || v === undefined || v === false) {
        return;
      }
      if (k.startsWith('on') && typeof v === 'function') {
        node.addEventListener(k.substring(2), v);
      } else {
        node.setAttribute(k, v === true ? '' : v);
      }
    });
    children.flat().forEach((child) => {
      if (child === null || child === undefined || child === false) {
        return;
      }
      node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
    });
    return node;
  }

  /** Shows a message in a live region so screen readers announce it. kind: info, error, success. */
  function notify(container, text, kind = 'info') {
    container.replaceChildren(el('div', { class: 'notice notice-' + kind, role: kind === 'error' ? 'alert' : 'status' },
      text));
  }

  function debounce(fn, ms) {
    let timer;
    return (...args) => {
      clearTimeout(timer);
      timer = setTimeout(() => fn(...args), ms);
    };
  }

  window.Strata = { t, api, ApiError, fmt, name, downloadCsv, el, notify, debounce, english, lang };
})();
