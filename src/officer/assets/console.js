// The officer console (no framework). Data is written into the page only as text nodes.
'use strict';

const REASONS = {
  crisis: 'Crisis', attorney: 'Attorney', bankruptcy: 'Bankruptcy', deceased: 'Deceased', military: 'Active military',
  identity_theft: 'Identity theft', dispute: 'Dispute', original_creditor: 'Original creditor request', cease: 'Cease contact',
  abusive: 'Abusive language', hardship: 'Hardship', locked: 'Verification locked', proposal: 'Out-of-policy proposal',
  delinquent: 'Plan delinquent', asked: 'Debtor asked for a person',
};
const OUTCOMES = {
  paid: 'Paid', plan_agreed: 'Plan agreed', dispute_handled: 'Dispute handled', status_recorded: 'Status recorded',
  callback_arranged: 'Call-back arranged', no_action_needed: 'No action needed', debtor_left: 'Debtor left',
};

const state = { officer: null, csrf: null, streams: [], timers: [] };

// ---------------------------------------------------------------------------------------------
// Helpers

function h(tag, attrs, ...children) {
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

function priorityLabel(priority) {
  return priority <= 0 ? 'Crisis' : priority <= 10 ? 'Urgent' : priority <= 20 ? 'High' : priority <= 40 ? 'Normal' : 'Routine';
}

function money(minor, currency) {
  const format = new Intl.NumberFormat('en-US', { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits;
  return format.format(minor / 10 ** digits);
}

function when(iso) {
  return iso ? new Date(iso).toLocaleString() : '—';
}

function waited(iso) {
  const seconds = Math.max(0, Math.floor((Date.now() - new Date(iso).getTime()) / 1000));
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return hours < 48 ? `${hours} h ${minutes % 60} min` : `${Math.floor(hours / 24)} days`;
}

function flash(message, kind) {
  const box = document.getElementById('flash');
  box.replaceChildren(message ? h('p', { class: kind || 'info' }, message) : '');
}

class ApiError extends Error {
  constructor(status, body) {
    super((body && body.error) || `Request failed (${status})`);
    this.status = status;
    this.body = body || {};
  }
}

async function api(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && state.csrf) headers['X-CSRF-Token'] = state.csrf;
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
  const data = await res.json().catch(() => ({}));
  if (res.status === 401 && path !== '/officer/api/session') {
    showSignIn('Your session has ended. Sign in again.');
    throw new ApiError(401, data);
  }
  if (!res.ok) throw new ApiError(res.status, data);
  return data;
}

/** Runs an action from a button: disables it meanwhile, shows the error sentence if it fails. */
async function act(button, action) {
  if (button) button.disabled = true;
  try {
    await action();
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 401)) flash(error.message, 'error');
  } finally {
    if (button) button.disabled = false;
  }
}

function stopLive() {
  state.streams.forEach((s) => s.close());
  state.timers.forEach((t) => clearInterval(t));
  state.streams = [];
  state.timers = [];
}

function live(path, event, onData) {
  const source = new EventSource(path);
  source.addEventListener(event, (e) => onData(JSON.parse(e.data)));
  const badge = document.getElementById('live');
  source.onopen = () => badge && (badge.textContent = '● live');
  source.onerror = () => {
    if (badge) badge.textContent = '○ reconnecting…';
    // A stream also ends when the session does: find out, and show the sign-in form if so.
    api('GET', '/officer/api/session').catch(() => {});
  };
  state.streams.push(source);
  return source;
}

// ---------------------------------------------------------------------------------------------
// Sign in / out

function showSignIn(message) {
  stopLive();
  state.officer = null;
  state.csrf = null;
  document.getElementById('nav').hidden = true;
  document.getElementById('sign-out').hidden = true;
  document.getElementById('who').textContent = '';
  const error = h('p', { class: 'error', role: 'alert' }, message || '');
  const email = h('input', { type: 'email', name: 'email', id: 'email', autocomplete: 'username', required: true });
  const password = h('input', { type: 'password', name: 'password', id: 'password', autocomplete: 'current-password', required: true });
  const submit = h('button', { type: 'submit' }, 'Sign in');
  const form = h('form', { class: 'card narrow', id: 'sign-in' },
    h('h1', {}, 'Sign in'),
    h('label', { for: 'email' }, 'Email'), email,
    h('label', { for: 'password' }, 'Password'), password,
    submit, error);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    act(submit, async () => {
      try {
        const session = await api('POST', '/officer/api/session', { email: email.value, password: password.value });
        password.value = '';
        signedIn(session);
      } catch (err) {
        error.textContent = err.message;
      }
    });
  });
  document.getElementById('main').replaceChildren(form);
  email.focus();
}

function signedIn(session) {
  state.officer = session.officer;
  state.csrf = session.csrfToken;
  document.getElementById('nav').hidden = false;
  for (const link of document.querySelectorAll('[data-role="supervisor"]')) link.hidden = session.officer.role !== 'supervisor';
  document.getElementById('who').textContent = `${session.officer.name} (${session.officer.role})`;
  document.getElementById('sign-out').hidden = false;
  route();
}

// ---------------------------------------------------------------------------------------------
// Queue

function showQueue() {
  const body = h('tbody', { id: 'queue-rows' });
  const table = h('table', { class: 'queue' },
    h('thead', {}, h('tr', {}, ['Priority', 'Reason', 'Channel', 'Waiting', 'Debtor', 'Status', ''].map((t) => h('th', {}, t)))),
    body);
  const empty = h('p', { class: 'muted', id: 'queue-empty', hidden: true }, 'Nobody is waiting. New escalations appear here by themselves.');
  document.getElementById('main').replaceChildren(
    h('section', {}, h('h1', {}, 'Escalations ', h('small', { id: 'live', class: 'live' }, '○ connecting…')), table, empty));
  let items = [];
  const render = () => {
    empty.hidden = items.length > 0;
    body.replaceChildren(...items.map((item) => h('tr', { class: `p${Math.min(item.priority, 50)}`, 'data-handoff': item.handoffId },
      h('td', {}, h('span', { class: `badge p${Math.min(item.priority, 50)}`, title: `priority ${item.priority} (lower is more urgent)` }, priorityLabel(item.priority))),
      h('td', {}, item.reasons.map((r) => REASONS[r] || r).join(', ')),
      h('td', {}, item.channel === 'sms' ? 'SMS' : item.channel === 'web' ? 'Web chat' : item.channel || '—'),
      h('td', { class: 'waiting', 'data-since': item.createdAt }, waited(item.createdAt)),
      h('td', {}, item.debtor ? `${item.debtor} (${item.accountNumber})` : 'Not verified'),
      h('td', {}, item.status === 'queued' ? 'Waiting' : `With ${item.officer ? item.officer.name : 'an officer'}`),
      h('td', {}, h('a', { href: `#/handoff/${item.handoffId}`, class: 'button' }, 'Open')))));
  };
  live('/officer/api/queue/events', 'queue', (data) => {
    items = data;
    render();
  });
  state.timers.push(setInterval(() => {
    for (const cell of document.querySelectorAll('td.waiting')) cell.textContent = waited(cell.dataset.since);
  }, 1000));
}

// ---------------------------------------------------------------------------------------------
// One escalation

function showHandoff(id) {
  const main = document.getElementById('main');
  main.replaceChildren(h('p', {}, 'Loading…'));
  let view = null;
  let draft = '';
  let lastActions = '';
  let lastSide = '';
  const transcript = h('ol', { class: 'transcript', id: 'transcript' });
  const composer = renderComposer(id, () => draft, (text) => (draft = text));
  const side = h('aside', { class: 'side' });
  const deliveries = h('ul', { class: 'deliveries', id: 'deliveries', 'aria-label': 'Delivery of messages sent from the console' });
  const actions = h('div', { class: 'actions' });
  const heading = h('h1', {});
  main.replaceChildren(
    h('p', {}, h('a', { href: '#/queue' }, '← Queue'), ' ', h('small', { id: 'live', class: 'live' }, '○ connecting…')),
    heading,
    h('div', { class: 'handoff' }, h('section', { class: 'conversation' }, actions, transcript, composer.element, deliveries), side));

  const render = () => {
    const { handoff, conversation, account } = view;
    heading.textContent = `${handoff.reasons.map((r) => REASONS[r] || r).join(', ')} — ${account ? account.name : 'debtor not verified'}`;
    const mine = handoff.status === 'accepted' && handoff.officer && handoff.officer.id === state.officer.id;
    // Forms keep what the officer is typing: a part is drawn again only when its data changed.
    const actionsKey = JSON.stringify([handoff, conversation && conversation.holder]);
    if (actionsKey !== lastActions) actions.replaceChildren(...renderActions(id, handoff, conversation, mine));
    lastActions = actionsKey;
    composer.setEnabled(Boolean(mine && conversation));
    const atBottom = transcript.scrollTop + transcript.clientHeight >= transcript.scrollHeight - 20;
    transcript.replaceChildren(...(conversation ? conversation.messages : []).map((m) =>
      h('li', { class: `msg ${m.author}` }, h('span', { class: 'who' }, m.author === 'debtor' ? 'Debtor' : m.author === 'bot' ? 'Bot' : 'Officer'), h('p', {}, m.text), h('time', {}, when(m.at)))));
    if (!conversation) transcript.replaceChildren(h('li', { class: 'muted' }, 'No conversation: this escalation came from the payment system.'));
    if (atBottom) transcript.scrollTop = transcript.scrollHeight;
    deliveries.replaceChildren(...(conversation ? conversation.deliveries : []).slice(0, 5).map((d) =>
      h('li', { class: `delivery ${d.status}` }, h('span', {}, deliveryText(d)), ' ', h('q', {}, d.preview))));
    const sideKey = JSON.stringify([view.account, view.handoff, view.audit]);
    if (sideKey !== lastSide) side.replaceChildren(...renderSide(view));
    lastSide = sideKey;
  };
  live(`/officer/api/handoffs/${encodeURIComponent(id)}/events`, 'handoff', (data) => {
    view = data;
    render();
  });
}

function deliveryText(d) {
  if (d.status === 'sent') return 'Delivered:';
  if (d.status === 'cancelled') return 'Not sent (the debtor opted out or asked us to stop):';
  if (d.status === 'failed') return 'Could not be delivered:';
  if (d.status === 'held') return 'Held for a person to decide (no allowed hour in the debtor\'s time zones):';
  if (d.deliveryStatus === 'held:quiet_hours') return 'Waiting for the debtor\'s daytime (8:00-21:00):';
  if (d.deliveryStatus === 'held:weekly_cap') return 'Waiting: weekly message limit reached:';
  return 'Sending:';
}

function renderActions(id, handoff, conversation, mine) {
  const buttons = [];
  const where = conversation ? (conversation.channel === 'sms' ? 'SMS' : 'web chat') : 'no conversation';
  buttons.push(h('span', { class: 'status' }, handoff.status === 'resolved' ? `Resolved (${handoff.outcome})` : handoff.status === 'queued' ? `Waiting since ${when(handoff.createdAt)} · ${where}` : `With ${handoff.officer ? handoff.officer.name : 'an officer'} · ${where}`));
  if (handoff.status === 'queued') {
    const take = h('button', { type: 'button', id: 'take-over' }, 'Take over');
    take.addEventListener('click', () => act(take, async () => {
      await api('POST', `/officer/api/handoffs/${id}/accept`);
      flash('You have the conversation. The bot is silent until you hand it back.');
    }));
    buttons.push(take);
  }
  if (mine && conversation) {
    const back = h('button', { type: 'button', id: 'hand-back' }, 'Hand back to the bot');
    back.addEventListener('click', () => act(back, async () => {
      await api('POST', `/officer/api/handoffs/${id}/hand-back`);
      flash('Handed back to the bot.');
    }));
    buttons.push(back);
  }
  if (handoff.status !== 'resolved' && (mine || handoff.status === 'queued')) {
    const outcome = h('select', { id: 'outcome', 'aria-label': 'Outcome' }, Object.entries(OUTCOMES).map(([k, v]) => h('option', { value: k }, v)));
    const note = h('input', { type: 'text', id: 'outcome-note', placeholder: 'Note (optional)', maxlength: 500 });
    const resolve = h('button', { type: 'button', id: 'resolve' }, 'Resolve');
    resolve.addEventListener('click', () => act(resolve, async () => {
      await api('POST', `/officer/api/handoffs/${id}/resolve`, { outcome: outcome.value, ...(note.value.trim() ? { note: note.value.trim() } : {}) });
      flash('Resolved.');
    }));
    buttons.push(h('span', { class: 'resolve' }, outcome, note, resolve));
  }
  return buttons;
}

function renderComposer(id, getDraft, setDraft) {
  const text = h('textarea', { id: 'reply', rows: 3, maxlength: 1600, placeholder: 'Write to the debtor…', 'aria-label': 'Message to the debtor' });
  const send = h('button', { type: 'button', id: 'send' }, 'Check and send');
  const warnings = h('div', { class: 'warnings', id: 'warnings', role: 'alert' });
  let clientMessageId = null;
  const newId = () => (crypto.randomUUID ? crypto.randomUUID() : String(Math.random()).slice(2, 18));
  text.addEventListener('input', () => {
    setDraft(text.value);
    clientMessageId = null;
    warnings.replaceChildren();
  });
  const submit = (override) => act(send, async () => {
    clientMessageId = clientMessageId || newId();
    try {
      const result = await api('POST', `/officer/api/handoffs/${id}/messages`, { text: text.value, override, clientMessageId });
      text.value = '';
      setDraft('');
      clientMessageId = null;
      warnings.replaceChildren();
      flash(result.botInitiated ? 'Sent. The debtor has not written for a while: SMS quiet hours apply.' : 'Sent.');
    } catch (error) {
      if (!(error instanceof ApiError) || !error.body.warnings) throw error;
      const list = h('ul', {}, error.body.warnings.map((w) => h('li', { class: w.blocking ? 'blocking' : '' }, w.message, w.excerpt ? h('q', {}, w.excerpt) : '')));
      const edit = h('button', { type: 'button', onclick: () => text.focus() }, 'Edit');
      const anyway = error.body.blocked ? '' : h('button', { type: 'button', id: 'send-anyway', class: 'danger', onclick: (e) => submit(true, e) }, 'Send anyway');
      warnings.replaceChildren(h('p', {}, error.message), list, edit, anyway);
    }
  });
  send.addEventListener('click', () => submit(false));
  const element = h('div', { class: 'composer' }, text, h('div', {}, send), warnings);
  return {
    element,
    setEnabled(enabled) {
      text.disabled = !enabled;
      send.disabled = !enabled;
      if (text.value !== getDraft()) text.value = getDraft();
      text.placeholder = enabled ? 'Write to the debtor…' : 'Take the conversation over to write to the debtor.';
    },
  };
}

function renderSide(view) {
  const { account, handoff } = view;
  const parts = [];
  if (handoff.proposal && handoff.status !== 'resolved') parts.push(renderProposal(handoff));
  if (!account) {
    parts.push(h('section', { class: 'card' }, h('h2', {}, 'Account'), h('p', { class: 'muted' }, 'The debtor has not been verified: no account is linked.')));
  } else {
    const c = account.currency;
    const i = account.itemization;
    const flags = Object.entries(account.flags).filter(([, on]) => on).map(([k]) => k);
    parts.push(h('section', { class: 'card', id: 'account' },
      h('h2', {}, `Account ${account.accountNumber}`),
      h('p', {}, account.name, h('br'), account.address, h('br'), `Creditor: ${account.creditor} (originally ${account.originalCreditor})`),
      h('table', { class: 'figures' }, [
        [`Owed on ${i.itemizationDate}`, money(i.itemizationAmount, c)], ['Interest since', money(i.interest, c)], ['Fees since', money(i.fees, c)],
        ['Payments since', money(i.payments, c)], ['Credits since', money(i.credits, c)], ['Balance now', money(i.current, c)],
      ].map(([k, v]) => h('tr', {}, h('th', {}, k), h('td', {}, v)))),
      h('p', {}, 'Validation period: ', account.validationPeriodEndsAt ? `${account.validationPeriodOpen ? 'open until' : 'ended'} ${when(account.validationPeriodEndsAt)}` : 'notice not delivered yet'),
      h('p', {}, 'Flags: ', flags.length ? flags.map((f) => h('span', { class: 'flag' }, f)) : 'none'),
      account.pauseReason ? h('p', { class: 'warn' }, `Collection is paused (${account.pauseReason}).`) : '',
      account.attorney ? h('p', {}, `Attorney: ${account.attorney.name}, ${account.attorney.contact}`) : ''));
    parts.push(renderDisputes(account));
    parts.push(renderStatusForm(account));
    parts.push(h('section', { class: 'card' }, h('h2', {}, 'Plans'), account.plans.length === 0 ? h('p', { class: 'muted' }, 'None.') :
      h('ul', {}, account.plans.map((p) => h('li', {}, `${p.kind} · ${p.status} · ${money(p.total, p.currency)}`, p.authorizedAt ? ` · authorized ${when(p.authorizedAt)} (${p.authorizedChannel})` : '',
        h('ul', {}, p.installments.map((x) => h('li', {}, `${x.dueDate}: ${money(x.amount, p.currency)} (${x.status})`))))))));
    parts.push(h('section', { class: 'card' }, h('h2', {}, 'Payments'), account.payments.length === 0 ? h('p', { class: 'muted' }, 'None.') :
      h('ul', {}, account.payments.map((p) => h('li', {}, `${when(p.at)}: ${money(p.amount, p.currency)} (${p.status}, ${p.provider})`)))));
    parts.push(h('section', { class: 'card' }, h('h2', {}, 'Consents and notices'),
      h('ul', {}, [...account.consents.map((x) => h('li', {}, `${x.kind} consent on ${x.channel}, ${when(x.givenAt)}${x.withdrawnAt ? `, withdrawn ${when(x.withdrawnAt)}` : ''}`)),
        ...account.notices.map((n) => h('li', {}, `${n.kind} notice by ${n.channel}, ${when(n.deliveredAt)}${n.firstViewedAt ? `, opened ${when(n.firstViewedAt)}` : ', not opened yet'}`))]),
      account.consents.length + account.notices.length === 0 ? h('p', { class: 'muted' }, 'None.') : ''));
  }
  parts.push(h('section', { class: 'card' }, h('h2', {}, 'Audit trail'),
    h('ol', { class: 'audit' }, view.audit.map((e) => h('li', {}, h('time', {}, when(e.at)), ` ${e.type} — ${e.actor}`)))));
  return parts;
}

function renderDisputes(account) {
  const items = account.disputes.map((d) => {
    const row = h('li', {}, `${d.kind === 'dispute' ? 'Dispute' : 'Original creditor request'} (${d.status}), ${when(d.createdAt)}: `, h('q', {}, d.words));
    if (d.status === 'open') {
      const decide = (status, label) => {
        const b = h('button', { type: 'button', class: 'small', 'data-dispute': d.id, 'data-decision': status }, label);
        b.addEventListener('click', () => act(b, async () => {
          const result = await api('POST', `/officer/api/disputes/${d.id}/decision`, { status });
          flash(result.collectionMayResume ? 'Recorded. No dispute is open: collection may resume.' : 'Recorded. Collection stays paused.');
        }));
        return b;
      };
      row.append(' ', decide('verified', 'Mark verified'), ' ', decide('closed', 'Close (not verified)'));
    }
    return row;
  });
  return h('section', { class: 'card' }, h('h2', {}, 'Disputes'), items.length ? h('ul', {}, items) : h('p', { class: 'muted' }, 'None.'));
}

function renderStatusForm(account) {
  const status = h('select', { id: 'status-kind', 'aria-label': 'Status' },
    h('option', { value: 'attorney' }, 'Represented by an attorney'), h('option', { value: 'bankruptcy' }, 'Bankruptcy'),
    h('option', { value: 'deceased' }, 'Deceased'), h('option', { value: 'military' }, 'Active military'));
  const name = h('input', { type: 'text', id: 'attorney-name', placeholder: "Attorney's name" });
  const contact = h('input', { type: 'text', id: 'attorney-contact', placeholder: 'Phone or email' });
  const save = h('button', { type: 'button', id: 'record-status' }, 'Record');
  status.addEventListener('change', () => { name.hidden = contact.hidden = status.value !== 'attorney'; });
  save.addEventListener('click', () => act(save, async () => {
    const body = status.value === 'attorney' ? { status: 'attorney', attorneyName: name.value, attorneyContact: contact.value } : { status: status.value };
    await api('POST', `/officer/api/accounts/${account.id}/status`, body);
    flash('Recorded: collection stops on this account.');
  }));
  return h('section', { class: 'card' }, h('h2', {}, 'Record a status'), status, name, contact, save);
}

function renderProposal(handoff) {
  const p = handoff.proposal;
  const terms = p.terms;
  const c = p.currency;
  const describe = (t) => t ? `${t.kind}: ${money(t.total, t.currency)}${t.installmentCount ? ` in ${t.installmentCount} ${t.frequency} payments` : ''}${t.downPayment ? ` after ${money(t.downPayment, t.currency)} down` : ''}, first ${t.firstDate}` : 'not buildable';
  const counterKind = h('select', { id: 'counter-kind' }, ['installments', 'settlement', 'full'].map((k) => h('option', { value: k }, k)));
  const counterTotal = h('input', { type: 'number', id: 'counter-total', min: '0.01', step: '0.01', placeholder: 'Total (settlement)' });
  const counterCount = h('input', { type: 'number', id: 'counter-count', min: '1', step: '1', placeholder: 'Installments' });
  const counterFrequency = h('select', { id: 'counter-frequency' }, ['monthly', 'biweekly', 'weekly'].map((k) => h('option', { value: k }, k)));
  const counterDown = h('input', { type: 'number', id: 'counter-down', min: '0', step: '0.01', placeholder: 'Down payment' });
  const counterFirst = h('input', { type: 'date', id: 'counter-first' });
  const decide = (label, id, body) => {
    const b = h('button', { type: 'button', id }, label);
    b.addEventListener('click', () => act(b, async () => {
      const result = await api('POST', `/officer/api/handoffs/${handoff.id}/proposal`, body());
      const violations = result.violations && result.violations.length ? ` Outside policy: ${result.violations.map((v) => v.limit || v.code || JSON.stringify(v)).join(', ')}.` : '';
      flash(`Decision sent to the debtor.${violations}`);
    }));
    return b;
  };
  const minor = (input) => Math.round(Number(input.value) * 100);
  return h('section', { class: 'card proposal' }, h('h2', {}, 'Plan proposal'),
    h('p', {}, `Balance ${money(p.balance, c)}. Debtor proposed: ${describe(terms)}.`),
    h('p', {}, `Closest within policy: ${describe(p.closestAllowed)}.`),
    p.violations && p.violations.length ? h('p', { class: 'warn' }, `Outside policy: ${p.violations.map((v) => v.limit).join(', ')}`) : '',
    terms ? decide('Approve as proposed', 'approve', () => ({ kind: 'approve' })) : '',
    decide('Reject', 'reject', () => ({ kind: 'reject' })),
    h('details', {}, h('summary', {}, 'Counter-offer'),
      counterKind, counterTotal, counterCount, counterFrequency, counterDown, counterFirst,
      decide('Send counter-offer', 'counter', () => ({
        kind: 'counter',
        terms: {
          kind: counterKind.value,
          ...(counterTotal.value ? { total: minor(counterTotal) } : {}),
          ...(counterKind.value === 'installments' ? { count: Number(counterCount.value), frequency: counterFrequency.value, downPayment: counterDown.value ? minor(counterDown) : 0 } : {}),
          firstDate: counterFirst.value,
        },
      }))));
}

// ---------------------------------------------------------------------------------------------
// Reports (supervisors)

function showReports() {
  const today = new Date().toISOString().slice(0, 10);
  const monthAgo = new Date(Date.now() - 30 * 86400000).toISOString().slice(0, 10);
  const from = h('input', { type: 'date', id: 'report-from', value: monthAgo });
  const to = h('input', { type: 'date', id: 'report-to', value: today });
  const go = h('button', { type: 'button', id: 'report-go' }, 'Show');
  const csv = h('a', { class: 'button', id: 'report-csv' }, 'Download CSV');
  const out = h('div', { id: 'report' });
  document.getElementById('main').replaceChildren(h('section', {}, h('h1', {}, 'Portfolio report'),
    h('p', { class: 'controls' }, 'From ', from, ' to ', to, ' ', go, ' ', csv), out));
  const load = () => act(go, async () => {
    const query = `from=${from.value}&to=${to.value}`;
    csv.href = `/officer/api/reports.csv?${query}`;
    const report = await api('GET', `/officer/api/reports?${query}`);
    out.replaceChildren(...renderReport(report, query));
  });
  go.addEventListener('click', load);
  load();
}

function renderReport(report, query) {
  const definitions = report.definitions || {};
  const card = (key, label, value) => h('div', { class: 'figure', title: definitions[key] || '' }, h('span', {}, label), h('strong', {}, value));
  const pct = (rate) => (rate === null || rate === undefined ? '—' : `${Math.round(rate * 1000) / 10}%`);
  const sums = (list) => (list && list.length ? list.map((x) => money(x.amount, x.currency)).join(' + ') : money(0, 'USD'));
  const r = report;
  const seconds = (s) => (s === null || s === undefined ? '—' : s < 120 ? `${Math.round(s)} s` : `${Math.round(s / 60)} min`);
  const escalations = (r.escalations?.byReason || []).map((e) => `${REASONS[e.reason] || e.reason}: ${e.count}`).join(', ');
  return [
    h('div', { class: 'figures-grid' },
      card('conversations', 'Conversations', `${r.conversations.total} (web ${r.conversations.byChannel.web}, SMS ${r.conversations.byChannel.sms})`),
      card('verification', 'Verification rate', `${pct(r.verification.rate)} (${r.verification.verified} of ${r.conversations.total})`),
      card('withoutPerson', 'Resolved without a person', pct(r.withoutPerson.rate)),
      card('plans', 'Plans created', `${r.plans.count} (${sums(r.plans.byCurrency.map((p) => ({ amount: p.total, currency: p.currency })))})`),
      card('collected', 'Collected', sums(r.collected.byCurrency)),
      card('promiseKept', 'Promise-kept rate', `${pct(r.promiseKept.rate)} (${r.promiseKept.kept} kept, ${r.promiseKept.notKept} not)`),
      card('escalations', 'Escalations', `${r.escalations.total}${escalations ? ` — ${escalations}` : ''}`),
      card('firstResponse', 'First officer response (median / p90)', `${seconds(r.firstResponse.medianSeconds)} / ${seconds(r.firstResponse.p90Seconds)} · ${r.firstResponse.waiting} waiting`)),
    h('div', { class: 'charts' }, ['escalations', 'aging', 'collected'].map((name) =>
      h('img', { src: `/officer/api/reports/charts/${name}.svg?${query}`, alt: `${name} chart`, width: 640 }))),
  ];
}

// ---------------------------------------------------------------------------------------------
// Placement upload (supervisors)

function showPlacements() {
  const file = h('input', { type: 'file', id: 'placement-file', accept: '.csv,text/csv' });
  const upload = h('button', { type: 'button', id: 'upload' }, 'Upload');
  const progress = h('progress', { id: 'upload-progress', max: 1, value: 0, hidden: true });
  const out = h('div', { id: 'upload-result' });
  document.getElementById('main').replaceChildren(h('section', {}, h('h1', {}, 'Upload placements'),
    h('p', {}, 'A CSV file in the placement format (see the README). Good rows are imported even when others are rejected; re-uploading a file changes nothing.'),
    file, upload, progress, out));
  upload.addEventListener('click', () => act(upload, async () => {
    const chosen = file.files && file.files[0];
    if (!chosen) throw new Error('Choose a CSV file first.');
    out.replaceChildren();
    progress.hidden = false;
    progress.value = 0;
    const res = await fetch('/officer/api/placements', { method: 'POST', headers: { 'Content-Type': 'text/csv', 'X-CSRF-Token': state.csrf }, body: chosen });
    if (!res.ok) throw new ApiError(res.status, await res.json().catch(() => ({})));
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let newline;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const event = JSON.parse(buffer.slice(0, newline));
        buffer = buffer.slice(newline + 1);
        if (event.type === 'progress') {
          progress.max = event.total;
          progress.value = event.done;
        } else if (event.type === 'refused') {
          out.replaceChildren(h('p', { class: 'error' }, `The file was refused${event.line ? ` (line ${event.line})` : ''}: ${event.error}. Nothing was imported.`));
        } else if (event.type === 'report') {
          out.replaceChildren(
            h('p', { id: 'upload-summary' }, `Imported ${event.imported}, updated ${event.updated}, unchanged ${event.unchanged}, rejected ${event.rejected.length}.`),
            event.rejected.length ? h('table', {}, h('thead', {}, h('tr', {}, h('th', {}, 'Line'), h('th', {}, 'Account'), h('th', {}, 'Reason'))),
              h('tbody', {}, event.rejected.map((r) => h('tr', {}, h('td', {}, String(r.line)), h('td', {}, r.accountNumber || '—'), h('td', {}, r.reason))))) : '');
        }
      }
    }
    progress.hidden = true;
  }));
}

// ---------------------------------------------------------------------------------------------
// Routing

function route() {
  stopLive();
  flash('');
  if (!state.officer) return;
  const [, page, id] = (location.hash || '#/queue').split('/');
  const supervisor = state.officer.role === 'supervisor';
  if (page === 'handoff' && id) showHandoff(decodeURIComponent(id));
  else if (page === 'reports' && supervisor) showReports();
  else if (page === 'placements' && supervisor) showPlacements();
  else showQueue();
}

window.addEventListener('hashchange', route);
document.getElementById('sign-out').addEventListener('click', (e) => act(e.target, async () => {
  await api('DELETE', '/officer/api/session');
  showSignIn('You have signed out.');
}));

api('GET', '/officer/api/session').then(signedIn, () => showSignIn());
