// One escalation: the safety rail (what may be sent to this debtor, and why not), take over /
// assign / hand back, the live transcript and the reply box, what the officer agreed (hardship, a
// plan offer, a promise or call-back) as data, the account beside it with its whole history, and —
// apart from the rest, with a confirmation — resolving the escalation.
import { act, api, card, changed, confirmDialog, day, field, flash, h, label, live, money, onChanged, picker, redraw, state, toMinor, when, whenCompact } from './lib.js';
import { renderComposer } from './composer.js';
import { consentsCard, disputesCard, followUpsCard, hardshipControl, notesCard, paymentsCard, plansCard, statusCard, summaryCard, timelineCard, zoneOf } from './account.js';

export function showHandoff(id) {
  const main = document.getElementById('main');
  let view = null;
  let draft = '';
  let lastActions = '';
  let lastSide = '';
  let timeline = null;
  let firstRender = true;
  /** Set when the officer takes over: the reply box gets focus once the page shows it enabled. */
  let focusReply = false;
  const heading = h('h1', { id: 'handoff-heading' }, 'Escalation');
  const rail = h('div', { id: 'rail' });
  const actions = h('div', { class: 'actions', id: 'actions' });
  // A log region (new messages are announced politely) around the list of messages.
  const transcript = h('ol', { class: 'messages' });
  const transcriptBox = h('div', { class: 'transcript', id: 'transcript', role: 'log', 'aria-label': 'Conversation with the debtor', tabindex: '0' }, transcript);
  const composer = renderComposer(id, { get: () => draft, set: (text) => (draft = text) }, () => ({ debtorFirstName: view && view.account ? view.account.firstName : '', language: view && view.conversation ? view.conversation.language : 'en' }));
  const deliveries = h('ul', { class: 'deliveries', id: 'deliveries', 'aria-label': 'Delivery of messages sent from the console' });
  const agree = h('div', { id: 'agree' });
  const close = h('div', { id: 'close' });
  const sideTop = h('div', { id: 'side-top' });
  const timelineSlot = h('div', { id: 'timeline-slot' });
  const sideBottom = h('div', { id: 'side-bottom' });
  main.replaceChildren(
    h('p', {}, h('a', { href: '#/queue' }, '← Queue'), ' ', h('small', { id: 'live', class: 'live' }, '○ connecting…')),
    heading,
    h('div', { class: 'handoff' },
      h('section', { class: 'conversation', 'aria-label': 'Conversation' }, rail, actions, transcriptBox, composer.element, deliveries, agree, close),
      h('aside', { class: 'side', 'aria-label': 'Account' }, sideTop, timelineSlot, sideBottom)));

  const render = () => {
    const { handoff, conversation, account } = view;
    const zone = zoneOf(account) || (conversation && conversation.phoneTimeZone);
    heading.textContent = `${handoff.reasons.map((r) => label('reasons', r)).join(', ')} — ${account ? account.name : 'debtor not verified'}`;
    const mine = handoff.status === 'accepted' && handoff.officer && handoff.officer.id === state.officer.id;
    const contact = conversation ? conversation.contact : null;
    rail.replaceChildren(contact ? renderRail(contact, zone) : '');

    // Forms keep what the officer is typing: a part is drawn again only when its data changed, and then keeps its fields.
    const actionsKey = JSON.stringify([handoff.status, handoff.officer, handoff.assignee, handoff.outcome, !!conversation, contact && contact.allowed]);
    if (actionsKey !== lastActions) {
      redraw(actions, () => renderActions(id, handoff, conversation, mine, () => (focusReply = true)));
      redraw(close, () => (handoff.status === 'resolved' ? [] : [renderClose(id, handoff, conversation, mine)]));
    }
    lastActions = actionsKey;

    const canWrite = mine && conversation && contact && contact.allowed !== 'none';
    composer.setEnabled(Boolean(canWrite), !conversation ? 'No conversation: this escalation came from the payment system.'
      : !mine ? (handoff.status === 'resolved' ? 'This escalation is resolved.' : 'Take the conversation over to write to the debtor.')
      : 'Nothing may be sent to this debtor now: see the box above.');
    if (focusReply && canWrite) {
      focusReply = false;
      document.getElementById('reply').focus();
    }

    const atBottom = transcriptBox.scrollTop + transcriptBox.clientHeight >= transcriptBox.scrollHeight - 20;
    transcript.replaceChildren(...(conversation ? conversation.messages : []).map((m) =>
      h('li', { class: `msg ${m.author}` }, h('span', { class: 'who' }, m.author === 'debtor' ? 'Debtor' : m.author === 'bot' ? 'Bot' : 'Officer'), h('p', {}, m.text), h('time', { datetime: m.at }, whenCompact(m.at, zone)))));
    if (!conversation) transcript.replaceChildren(h('li', { class: 'muted' }, 'No conversation: this escalation came from the payment system.'));
    if (atBottom || firstRender) transcriptBox.scrollTop = transcriptBox.scrollHeight;
    firstRender = false;
    deliveries.replaceChildren(...(conversation ? conversation.deliveries : []).slice(0, 5).map((d) =>
      h('li', { class: `delivery ${d.status}` }, h('span', {}, deliveryText(d)), ' ', h('q', {}, d.preview))));

    const sideKey = JSON.stringify([account, handoff, view.audit, mine]);
    if (sideKey !== lastSide) {
      redraw(agree, () => (mine && account && conversation ? [renderAgreement(id, handoff, conversation, account)] : []));
      redraw(sideTop, () => sideCardsTop(handoff, account));
      redraw(sideBottom, () => sideCardsBottom(view, account, zone, mine));
      if (account && !timeline) {
        timeline = timelineCard(account.id, zone, { currentConversationId: conversation && conversation.id });
        timelineSlot.replaceChildren(timeline.element);
      } else if (timeline && lastSide) timeline.reload();
    }
    lastSide = sideKey;
  };
  live(`/officer/api/handoffs/${encodeURIComponent(id)}/events`, 'handoff', (data) => {
    view = data;
    render();
  });
  // After the officer's own action, show its effect at once rather than at the next live update.
  onChanged(() => api('GET', `/officer/api/handoffs/${encodeURIComponent(id)}`).then((data) => {
    view = data;
    render();
  }, () => {}));
}

/** The safety rail: before the officer acts, why nothing (or only an answer) may be sent. */
function renderRail(contact, zone) {
  if (contact.allowed === 'any') return '';
  const none = contact.allowed === 'none';
  return h('section', { class: `rail${none ? '' : ' reply'}`, id: 'contact-rail', 'aria-labelledby': 'rail-heading' },
    h('h2', { id: 'rail-heading' }, none ? 'Do not message this debtor' : 'Answer only what the debtor asked'),
    h('ul', {}, contact.reasons.map((r) => h('li', { 'data-reason': r.code }, r.message, r.since ? h('span', { class: 'muted' }, ` Recorded ${when(r.since, zone)}.`) : ''))),
    h('p', {}, none
      ? 'Taking over, handing back and resolving send nothing to the debtor: the console withholds the usual notes and records that it did.'
      : `An answer counts as a reply until ${when(contact.replyUntil, zone)}.`));
}

function deliveryText(d) {
  if (d.status === 'sent') return 'Delivered:';
  if (d.status === 'cancelled') return 'Not sent (the debtor opted out or asked us to stop):';
  if (d.status === 'failed') return 'Could not be delivered:';
  if (d.status === 'held') return 'Held for a person to decide (no allowed hour in the debtor’s time zones):';
  if (d.deliveryStatus === 'held:quiet_hours') return 'Waiting for the debtor’s daytime (8:00–21:00):';
  if (d.deliveryStatus === 'held:weekly_cap') return 'Waiting: weekly message limit reached:';
  return 'Sending:';
}

function outcomeText(outcome) {
  if (!outcome) return '';
  const [code, ...note] = outcome.split(': ');
  return `${label('outcomes', code)}${note.length ? ` — ${note.join(': ')}` : ''}`;
}

function renderActions(id, handoff, conversation, mine, onTaken) {
  const parts = [];
  const where = conversation ? label('channels', conversation.channel) : 'no conversation';
  const status = handoff.status === 'resolved' ? `Resolved: ${outcomeText(handoff.outcome)}`
    : handoff.status === 'queued' ? `Waiting since ${when(handoff.createdAt)} · ${where}`
    : `With ${handoff.officer ? handoff.officer.name : 'an officer'} · ${where}`;
  parts.push(h('span', { class: 'status', id: 'handoff-status' }, status));
  const silent = conversation && conversation.contact.allowed === 'none';
  if (handoff.status === 'queued') {
    const take = h('button', { type: 'button', id: 'take-over' }, silent ? 'Take over (the debtor will not be told)' : 'Take over');
    take.addEventListener('click', () => act(take, async () => {
      const result = await api('POST', `/officer/api/handoffs/${id}/accept`);
      flash(result.debtorTold ? 'You have the conversation. The debtor was told you joined; the bot is silent until you hand it back.'
        : 'You have the conversation. Nothing was sent to the debtor (see the box above).');
      onTaken();
      changed();
    }));
    parts.push(take);
  }
  if (handoff.status !== 'resolved') parts.push(assignControl(id, handoff));
  if (mine && conversation) {
    const back = h('button', { type: 'button', id: 'hand-back', class: 'secondary' }, 'Hand back to the bot');
    back.addEventListener('click', () => act(back, async () => {
      const result = await api('POST', `/officer/api/handoffs/${id}/hand-back`);
      flash(result.debtorTold ? 'Handed back to the bot; the debtor was told.' : 'Handed back to the bot. Nothing was sent to the debtor.');
      changed();
    }));
    parts.push(back);
  }
  return parts;
}

function assignControl(id, handoff) {
  const select = h('select', { id: 'assignee' }, h('option', { value: '' }, 'Nobody'));
  const save = h('button', { type: 'button', id: 'assign', class: 'small secondary' }, 'Assign');
  api('GET', '/officer/api/officers').then(({ officers }) => {
    const current = handoff.assignee ? handoff.assignee.id : '';
    select.replaceChildren(h('option', { value: '' }, 'Nobody'),
      h('option', { value: state.officer.id }, `Me (${state.officer.name})`),
      ...officers.filter((o) => o.id !== state.officer.id).map((o) => h('option', { value: o.id }, o.name)));
    select.value = current;
  }, () => {});
  save.addEventListener('click', () => act(save, async () => {
    const result = await api('POST', `/officer/api/handoffs/${id}/assign`, { officerId: select.value || null });
    flash(result.assignee ? `Assigned to ${result.assignee.id === state.officer.id ? 'you' : result.assignee.name}.` : 'Not assigned to anyone now.');
    changed();
  }));
  return h('span', { class: 'inline-field' }, h('label', { for: 'assignee' }, 'Assigned to'), select, save);
}

/** Resolving, away from the everyday buttons, with no default outcome and a confirmation that says what the debtor will get. */
function renderClose(id, handoff, conversation, mine) {
  if (!(mine || handoff.status === 'queued')) return '';
  const outcome = picker('outcome', 'Choose an outcome…', ['paid', 'plan_agreed', 'dispute_handled', 'status_recorded', 'callback_arranged', 'no_action_needed', 'debtor_left'].map((k) => [k, label('outcomes', k)]));
  const note = h('input', { type: 'text', id: 'outcome-note', maxlength: 500 });
  const resolve = h('button', { type: 'button', id: 'resolve', class: 'secondary' }, 'Resolve…');
  resolve.addEventListener('click', async () => {
    if (!outcome.value) {
      flash('Choose the outcome first.', 'error');
      outcome.focus();
      return;
    }
    const words = label('outcomes', outcome.value);
    const contact = conversation && conversation.contact;
    const tells = !mine ? 'Nobody joined this conversation, so the debtor is not told anything.'
      : contact && contact.allowed === 'none' ? 'Nothing is sent to the debtor: contact is not allowed (see the box at the top).'
      : 'The debtor is told that our team member closed the conversation.';
    const ok = await confirmDialog({ title: `Resolve as “${words}”?`, body: ['This closes the escalation; the bot answers the debtor again.', tells], confirmText: `Resolve as “${words}”` });
    if (!ok) return;
    act(resolve, async () => {
      const result = await api('POST', `/officer/api/handoffs/${id}/resolve`, { outcome: outcome.value, ...(note.value.trim() ? { note: note.value.trim() } : {}) });
      flash(result.debtorTold ? 'Resolved. The debtor was told.' : 'Resolved. Nothing was sent to the debtor.');
      changed();
    });
  });
  return card('close-escalation', 'Close this escalation', h('div', { class: 'row' }, field('Outcome', outcome), field('Note (optional)', note), resolve));
}

/** What the officer agreed with the debtor, as data: hardship, a plan offer (the bot takes the YES), a promise or call-back. */
function renderAgreement(id, handoff, conversation, account) {
  const paused = account.pauseReason;
  const offer = termsForm('offer', account.currency);
  const send = h('button', { type: 'button', id: 'send-offer' }, 'Send the offer…');
  send.addEventListener('click', async () => {
    let terms;
    try {
      terms = offer.read();
    } catch (error) {
      flash(error.message, 'error');
      return;
    }
    const ok = await confirmDialog({
      title: 'Send these terms to the debtor?',
      body: [
        `The debtor gets the terms in the chat${account.flags.hardship ? ' (judged under the hardship limits)' : ''} and agrees with YES; the bot then holds the conversation, records the authorization and sends the payment link.`,
        'This ends your part of the conversation and resolves the escalation.',
      ],
      confirmText: 'Send the offer',
    });
    if (!ok) return;
    act(send, async () => {
      const result = await api('POST', `/officer/api/handoffs/${id}/offer`, { terms });
      const outside = result.violations.length ? ` Outside the creditor’s policy: ${violationsText(result.violations, account.currency)} (your decision is recorded).` : '';
      flash(`Offer sent. The bot now takes the debtor’s answer.${outside}`);
      changed();
    });
  });
  return card('agreement', 'Record what you agreed',
    h('h3', {}, 'Hardship'), hardshipControl(account, id),
    h('h3', {}, 'Offer a plan'),
    paused ? h('p', { class: 'warn' }, `No payment terms can be offered: collection is paused (${label('pauses', paused)}).`)
      : h('div', {}, h('p', { class: 'hint' }, 'Terms you agreed in the chat, set up exactly as agreed — the debtor still confirms with YES (that is the authorization).'), offer.element, send),
    h('h3', {}, 'Promise to pay or call-back'),
    followUpsCard(account, { handoffId: id, conversationId: conversation.id }, { bare: true }));
}

/** Fields for plan terms (an offer, or a counter-offer to a proposal); read() gives the API's terms or throws a sentence. */
function termsForm(prefix, currency) {
  const kind = picker(`${prefix}-kind`, 'Choose…', [['installments', 'Installment plan'], ['settlement', 'Settlement (less than the balance)'], ['full', 'Pay in full']]);
  const amount = h('input', { type: 'text', id: `${prefix}-amount`, inputmode: 'decimal', autocomplete: 'off' });
  const frequency = picker(`${prefix}-frequency`, 'Choose…', [['monthly', 'Monthly'], ['biweekly', 'Every two weeks'], ['weekly', 'Weekly']]);
  const down = h('input', { type: 'text', id: `${prefix}-down`, inputmode: 'decimal', autocomplete: 'off' });
  const total = h('input', { type: 'text', id: `${prefix}-total`, inputmode: 'decimal', autocomplete: 'off' });
  const first = h('input', { type: 'date', id: `${prefix}-first` });
  const plan = h('div', { class: 'row' }, field(`Amount per payment (${currency})`, amount), field('How often', frequency), field(`Down payment (${currency}, optional)`, down));
  const settlement = h('div', { class: 'row' }, field(`Settlement amount (${currency})`, total));
  const sync = () => {
    plan.hidden = kind.value !== 'installments';
    settlement.hidden = kind.value !== 'settlement';
  };
  kind.addEventListener('change', sync);
  kind.addEventListener('restore', sync);
  sync();
  const cents = (input, words) => {
    const minor = toMinor(input.value, currency);
    if (!(minor > 0)) {
      input.focus();
      throw new Error(`Give the ${words}, like 20 or 20.00.`);
    }
    return minor;
  };
  return {
    element: h('div', {}, h('div', { class: 'row' }, field('Kind', kind), field('First payment date', first)), plan, settlement),
    read() {
      if (!kind.value) throw new Error('Choose the kind of terms first.');
      if (!first.value) throw new Error('Choose the date of the first payment.');
      if (kind.value === 'full') return { kind: 'full', firstDate: first.value };
      if (kind.value === 'settlement') return { kind: 'settlement', total: cents(total, 'settlement amount'), firstDate: first.value };
      if (!frequency.value) throw new Error('Choose how often the payments are.');
      return { kind: 'installments', installmentAmount: cents(amount, 'amount per payment'), frequency: frequency.value, downPayment: down.value.trim() ? cents(down, 'down payment') : 0, firstDate: first.value };
    },
  };
}

/** The policy limits a plan breaks, in words with the limit's value: "more payments than allowed (at most 12)". */
function violationsText(violations, currency) {
  const value = (v) => {
    if (typeof v.value !== 'number') return '';
    if (v.limit === 'maxInstallments') return ` (at most ${v.value})`;
    if (v.limit === 'maxPlanDays') return ` (at most ${v.value} days)`;
    if (v.limit === 'firstPaymentWithinDays') return ` (within ${v.value} days)`;
    if (['minInstallment', 'minDownPayment', 'settlementFloor'].includes(v.limit)) return ` (${money(v.value, currency)})`;
    return '';
  };
  return violations.map((v) => `${label('policyLimits', v.limit)}${value(v)}`).join('; ');
}

function sideCardsTop(handoff, account) {
  const parts = [];
  if (handoff.proposal && handoff.status !== 'resolved') parts.push(renderProposal(handoff));
  if (!account) parts.push(card('account', 'Account', h('p', { class: 'muted' }, 'The debtor has not been verified: no account is linked.')));
  else parts.push(summaryCard(account));
  return parts;
}

function sideCardsBottom(view, account, zone, mine) {
  const parts = [];
  // While the officer holds the conversation, follow-ups are under "Record what you agreed".
  if (account) parts.push(notesCard(account), ...(mine ? [] : [followUpsCard(account)]), disputesCard(account), statusCard(account), plansCard(account), paymentsCard(account), consentsCard(account));
  parts.push(card('audit-trail', 'Audit trail',
    h('ul', { class: 'audit', tabindex: '0', 'aria-label': 'Audit trail, newest first' }, view.audit.map((e) => h('li', {}, h('time', { datetime: e.at }, whenCompact(e.at, zone)), ' — ', label('audit', e.type), h('span', { class: 'muted' }, ` · ${e.actorName}`))))));
  return parts;
}

function renderProposal(handoff) {
  const p = handoff.proposal;
  const terms = p.terms;
  const c = p.currency;
  const describe = (t) => t ? `${label('planKinds', t.kind)}: ${money(t.total, t.currency)}${t.installmentCount ? ` in ${t.installmentCount} ${label('frequencies', t.frequency)} payments` : ''}${t.downPayment ? ` after ${money(t.downPayment, t.currency)} down` : ''}, first on ${day(t.firstDate)}` : 'no exact terms';
  const counter = termsForm('counter', c);
  const decide = (words, id, body) => {
    const b = h('button', { type: 'button', id }, words);
    b.addEventListener('click', () => act(b, async () => {
      const result = await api('POST', `/officer/api/handoffs/${handoff.id}/proposal`, body());
      const violations = result.violations && result.violations.length ? ` Outside the creditor’s policy: ${violationsText(result.violations, c)}.` : '';
      flash(`Decision sent to the debtor.${violations}`);
      changed();
    }));
    return b;
  };
  return card('proposal', 'Plan proposal',
    h('p', {}, `Balance ${money(p.balance, c)}. Debtor proposed: ${describe(terms)}.`),
    h('p', {}, `Closest within policy: ${describe(p.closestAllowed)}.`),
    p.hardship ? h('p', {}, 'Judged under the hardship limits.') : '',
    p.violations && p.violations.length ? h('p', { class: 'warn' }, `Outside the creditor’s policy: ${violationsText(p.violations, c)}.`) : '',
    h('div', { class: 'row' }, terms ? decide('Approve as proposed', 'approve', () => ({ kind: 'approve' })) : '', decide('Reject', 'reject', () => ({ kind: 'reject' }))),
    h('details', {}, h('summary', {}, 'Counter-offer'), counter.element, decide('Send counter-offer', 'counter', () => ({ kind: 'counter', terms: counter.read() }))));
}
