// Shared helpers of the officer console (no framework). Data is written into the page only as text nodes.

export const state = { officer: null, csrf: null, labels: null, streams: [], timers: [], cleanups: [] };

export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else if (key === 'class') el.className = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** The words for a code (labels come from the server: GET /officer/api/labels). Never a raw identifier. */
export function label(table, code) {
  if (code === null || code === undefined || code === '') return '';
  const words = state.labels && state.labels[table] && state.labels[table][code];
  return words || String(code).replace(/[_.]+/g, ' ');
}

export function priorityLabel(priority) {
  return priority <= 0 ? 'Crisis' : priority <= 10 ? 'Urgent' : priority <= 20 ? 'High' : priority <= 40 ? 'Normal' : 'Routine';
}

function minorDigits(currency) {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits;
}

export function money(minor, currency) {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(minor / 10 ** minorDigits(currency));
}

/** "20", "20.5", "1,085.00" -> minor units of `currency`, or NaN. Exact: no floating-point sums. */
export function toMinor(text, currency) {
  const digits = minorDigits(currency);
  const clean = String(text).trim().replace(/^\$/, '').replace(/,/g, '');
  const match = /^(\d+)(?:\.(\d*))?$/.exec(clean);
  if (!match || (match[2] || '').length > digits) return NaN;
  return Number(match[1]) * 10 ** digits + Number((match[2] || '').padEnd(digits, '0') || 0);
}

const officerFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });

/** A moment in the officer's own zone, with the debtor's local time beside it when the debtor is elsewhere. */
export function when(iso, debtorZone) {
  if (!iso) return '—';
  const date = new Date(iso);
  const mine = officerFormat.format(date);
  const theirs = debtorTime(date, debtorZone);
  return theirs ? `${mine} · debtor ${theirs}` : mine;
}

/**
 * The same, shorter, for lists (transcript, timeline): "2:30 AM" today, "Dec 6, 2:30 AM" before,
 * with "· debtor 9:30 PM EST" beside it when the debtor's clock differs.
 */
export function whenCompact(iso, debtorZone) {
  if (!iso) return '—';
  const date = new Date(iso);
  const today = new Date().toDateString() === date.toDateString();
  const sameYear = new Date().getFullYear() === date.getFullYear();
  const mine = new Intl.DateTimeFormat('en-US', today ? { hour: 'numeric', minute: '2-digit' } : { month: 'short', day: 'numeric', ...(sameYear ? {} : { year: 'numeric' }), hour: 'numeric', minute: '2-digit' }).format(date);
  const theirs = debtorTime(date, debtorZone);
  return theirs ? `${mine} · debtor ${theirs}` : mine;
}

/** The debtor's local time of `date` ("10:51 PM PST"), or '' when unknown or the same as the officer's. */
export function debtorTime(date, debtorZone) {
  if (!debtorZone) return '';
  const officerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const clock = (zone) => new Intl.DateTimeFormat('en-US', { timeZone: zone, hour: 'numeric', minute: '2-digit', timeZoneName: 'short', day: 'numeric' }).format(date);
  if (clock(officerZone) === clock(debtorZone)) return '';
  const sameDay = new Intl.DateTimeFormat('en-US', { timeZone: debtorZone, day: 'numeric' }).format(date) === new Intl.DateTimeFormat('en-US', { day: 'numeric' }).format(date);
  const format = sameDay
    ? { timeZone: debtorZone, hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }
    : { timeZone: debtorZone, month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' };
  return new Intl.DateTimeFormat('en-US', format).format(date);
}

/** A calendar date ("2027-01-07") in words, without any time-zone shift: "Jan 7, 2027". */
export function day(isoDate) {
  if (!isoDate) return '—';
  return new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));
}

export function minutesText(minutes) {
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  return `${Math.floor(hours / 24)} days`;
}

export function waited(iso) {
  const seconds = Math.max(0, Math.floor((Date.now() - new Date(iso).getTime()) / 1000));
  return seconds < 60 ? `${seconds}s` : minutesText(Math.floor(seconds / 60));
}

let flashTimer = null;

/** A message in the status area (a fixed toast: it never moves the page). Errors stay until the next action. */
export function flash(message, kind) {
  const box = document.getElementById('flash');
  clearTimeout(flashTimer);
  box.replaceChildren(message ? h('p', { class: kind || 'info' }, message) : '');
  if (message && kind !== 'error') flashTimer = setTimeout(() => box.replaceChildren(), 8000);
}

export class ApiError extends Error {
  constructor(status, body) {
    super((body && body.error) || `Request failed (${status})`);
    this.status = status;
    this.body = body || {};
  }
}

export async function api(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && state.csrf) headers['X-CSRF-Token'] = state.csrf;
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
  const data = await res.json().catch(() => ({}));
  if (res.status === 401 && path !== '/officer/api/session') {
    window.dispatchEvent(new CustomEvent('console:signed-out', { detail: 'Your session has ended. Sign in again.' }));
    throw new ApiError(401, data);
  }
  if (res.status === 403 && data.mustChangePassword) {
    window.dispatchEvent(new CustomEvent('console:password-change'));
    throw new ApiError(403, data);
  }
  if (!res.ok) throw new ApiError(res.status, data);
  return data;
}

/** Runs an action from a button: disables it meanwhile, shows the error sentence if it fails. */
export async function act(button, action) {
  if (button) button.disabled = true;
  try {
    await action();
  } catch (error) {
    if (!(error instanceof ApiError && (error.status === 401 || error.body.mustChangePassword))) flash(error.message, 'error');
  } finally {
    if (button && button.isConnected) button.disabled = false;
  }
}

export function stopLive() {
  state.streams.forEach((s) => s.close());
  state.timers.forEach((t) => clearInterval(t));
  state.cleanups.forEach((undo) => undo());
  state.streams = [];
  state.timers = [];
  state.cleanups = [];
}

/** Tells the page that something it shows has changed (pages without a live feed reload their data). */
export function changed() {
  window.dispatchEvent(new CustomEvent('console:changed'));
}

/** Runs `listener` on every change until the page is left. */
export function onChanged(listener) {
  window.addEventListener('console:changed', listener);
  state.cleanups.push(() => window.removeEventListener('console:changed', listener));
}

export function live(path, event, onData) {
  const source = new EventSource(path);
  source.addEventListener(event, (e) => onData(JSON.parse(e.data)));
  const badge = () => document.getElementById('live');
  source.onopen = () => badge() && (badge().textContent = '● live');
  source.onerror = () => {
    if (badge()) badge().textContent = '○ reconnecting…';
    // A stream also ends when the session does: find out, and show the sign-in form if so.
    api('GET', '/officer/api/session').catch(() => {});
  };
  state.streams.push(source);
  return source;
}

let fieldCount = 0;

/** A labelled form field: the label is visible and tied to the control (for screen readers and clicks). */
export function field(text, control, hint) {
  if (!control.id) control.id = `field-${++fieldCount}`;
  const parts = [h('label', { for: control.id }, text), control];
  if (hint) {
    const hintId = `${control.id}-hint`;
    control.setAttribute('aria-describedby', hintId);
    parts.push(h('small', { id: hintId, class: 'hint' }, hint));
  }
  return h('div', { class: 'field' }, parts);
}

/** A <select> that starts on "Choose…" (no default), with the given [value, words] options. */
export function picker(id, prompt, options) {
  return h('select', { id, required: true }, h('option', { value: '', selected: true }, prompt), options.map(([value, words]) => h('option', { value }, words)));
}

/** Moves focus to the page's main heading (after a page change), so keyboard and screen-reader users start there. */
export function focusHeading() {
  const heading = document.querySelector('main h1');
  if (heading) {
    heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: false });
  }
}

/**
 * Redraws `container` with `build()` while keeping what the officer is typing: the values of its
 * fields (by id), which one has focus, and the cursor in it.
 */
export function redraw(container, build) {
  const saved = new Map();
  for (const el of container.querySelectorAll('input[id], textarea[id], select[id]')) {
    if (el.type === 'file') continue;
    saved.set(el.id, el.type === 'checkbox' || el.type === 'radio' ? el.checked : el.value);
  }
  const active = document.activeElement && container.contains(document.activeElement) ? document.activeElement : null;
  const focusId = active && active.id;
  const selection = active && 'selectionStart' in active ? [active.selectionStart, active.selectionEnd] : null;
  container.replaceChildren(...build());
  for (const [id, value] of saved) {
    const el = container.querySelector(`#${CSS.escape(id)}`);
    if (!el) continue;
    if (el.type === 'checkbox' || el.type === 'radio') el.checked = value;
    else if (value !== '' || el.tagName !== 'SELECT') el.value = value;
    el.dispatchEvent(new Event('restore'));
  }
  if (focusId) {
    const el = container.querySelector(`#${CSS.escape(focusId)}`);
    if (el) {
      el.focus({ preventScroll: true });
      if (selection && 'setSelectionRange' in el) {
        try {
          el.setSelectionRange(selection[0], selection[1]);
        } catch {
          // not a text field
        }
      }
    }
  }
}

export const newId = () => (crypto.randomUUID ? crypto.randomUUID() : String(Math.random()).slice(2, 18));

/** A card: a section with a heading (h2) tied to it. */
export function card(id, title, ...content) {
  const headingId = `${id}-heading`;
  return h('section', { class: 'card', id, 'aria-labelledby': headingId }, h('h2', { id: headingId }, title), ...content);
}

/**
 * Asks before an action that cannot be undone (a modal <dialog>: focus stays inside it, Escape
 * cancels). Resolves true when the officer confirms.
 */
export function confirmDialog({ title, body, confirmText, danger }) {
  return new Promise((resolve) => {
    const ok = h('button', { type: 'button', id: 'confirm-ok', class: danger ? 'danger' : '' }, confirmText);
    const cancel = h('button', { type: 'button', id: 'confirm-cancel', class: 'secondary' }, 'Cancel');
    const dialog = h('dialog', { id: 'confirm-dialog', 'aria-labelledby': 'confirm-title', 'aria-describedby': 'confirm-body' },
      h('h2', { id: 'confirm-title' }, title),
      h('div', { id: 'confirm-body' }, [body].flat().map((p) => (p instanceof Node ? p : h('p', {}, p)))),
      h('div', { class: 'row' }, ok, cancel));
    const opener = document.activeElement;
    const finish = (answer) => {
      dialog.close();
      dialog.remove();
      if (opener && opener.isConnected) opener.focus();
      resolve(answer);
    };
    ok.addEventListener('click', () => finish(true));
    cancel.addEventListener('click', () => finish(false));
    dialog.addEventListener('cancel', (e) => {
      e.preventDefault();
      finish(false);
    });
    document.body.append(dialog);
    dialog.showModal();
    cancel.focus();
  });
}
