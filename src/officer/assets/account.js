// The account: its cards (shown beside an escalation and on the account page), the whole timeline
// across conversations and channels, notes, follow-ups, hardship, and the account search.
import { act, api, card, changed, day, field, flash, h, label, money, onChanged, picker, redraw, toMinor, when, whenCompact } from './lib.js';

const FLAG_ORDER = ['ceaseCommunication', 'attorneyRepresented', 'smsOptOut', 'disputed', 'bankruptcy', 'deceased', 'activeMilitary', 'identityTheft', 'timeBarred', 'hardship', 'verificationLocked'];

/** The debtor's zone for "debtor: 10:51 PM PST" beside times. */
export const zoneOf = (account) => (account ? account.debtorTimeZone : null);

export function summaryCard(account, { link = true } = {}) {
  const c = account.currency;
  const i = account.itemization;
  const z = zoneOf(account);
  const flags = FLAG_ORDER.filter((f) => account.flags[f]);
  const validation = account.validationPeriodEndsAt
    ? `${account.validationPeriodOpen ? 'Open until the end of' : 'Ended on'} ${account.validationPeriodEndsOn} (the date the debtor was given)`
    : 'Not started: the validation notice has not been delivered yet';
  return card('account', `Account ${account.accountNumber}`,
    h('p', {}, account.name, h('br'), account.address, h('br'), `Creditor: ${account.creditor} (originally ${account.originalCreditor})`,
      h('br'), `Language: ${label('languages', account.language)} · Debtor’s time zone: ${z || 'not known (several possible)'}`),
    h('table', { class: 'figures' }, h('tbody', {}, [
      [`Owed on ${day(i.itemizationDate)}`, money(i.itemizationAmount, c)], ['Interest since', money(i.interest, c)], ['Fees since', money(i.fees, c)],
      ['Payments since', money(i.payments, c)], ['Credits since', money(i.credits, c)], ['Balance now', money(i.current, c)],
    ].map(([k, v]) => h('tr', {}, h('th', { scope: 'row' }, k), h('td', {}, v))))),
    h('p', {}, h('strong', {}, 'Validation period: '), validation),
    h('p', { id: 'account-flags' }, h('strong', {}, 'Flags: '), flags.length ? flags.map((f) => h('span', { class: 'flag' }, label('flags', f))) : 'none'),
    account.pauseReason ? h('p', { class: 'warn' }, `Collection is paused: ${label('pauses', account.pauseReason)}.`) : '',
    account.attorney ? h('p', {}, `Attorney: ${account.attorney.name}, ${account.attorney.contact}`) : '',
    link ? h('p', {}, h('a', { href: `#/account/${account.id}` }, 'Open the whole account (every conversation, notes, follow-ups)')) : '');
}

export function disputesCard(account) {
  const z = zoneOf(account);
  const items = account.disputes.map((d) => {
    const row = h('li', {}, `${label('disputeKinds', d.kind)} (${label('disputeStatuses', d.status).toLowerCase()}), ${when(d.createdAt, z)}, ${label('channels', d.channel)}: `, h('q', {}, d.words));
    if (d.status === 'open') {
      const decide = (status, words) => {
        const b = h('button', { type: 'button', class: 'small', 'data-dispute': d.id, 'data-decision': status }, words);
        b.addEventListener('click', () => act(b, async () => {
          const result = await api('POST', `/officer/api/disputes/${d.id}/decision`, { status });
          flash(result.collectionMayResume ? 'Recorded. No dispute is open: collection may resume.' : 'Recorded. Collection stays paused.');
    changed();
        }));
        return b;
      };
      row.append(' ', decide('verified', 'Mark verified'), ' ', decide('closed', 'Close (not verified)'));
    }
    return row;
  });
  return card('disputes', 'Disputes', items.length ? h('ul', {}, items) : h('p', { class: 'muted' }, 'None.'));
}

export function statusCard(account) {
  const status = picker('status-kind', 'Choose a status…', [['attorney', 'Represented by an attorney'], ['bankruptcy', 'Bankruptcy'], ['deceased', 'Deceased'], ['military', 'Active military']]);
  const name = h('input', { type: 'text', id: 'attorney-name', autocomplete: 'off' });
  const contact = h('input', { type: 'text', id: 'attorney-contact', autocomplete: 'off' });
  const attorneyFields = h('div', { class: 'row', id: 'attorney-fields', hidden: true }, field('Attorney’s name', name), field('Attorney’s phone or email', contact));
  const save = h('button', { type: 'button', id: 'record-status' }, 'Record');
  const sync = () => { attorneyFields.hidden = status.value !== 'attorney'; };
  status.addEventListener('change', sync);
  status.addEventListener('restore', sync);
  save.addEventListener('click', () => act(save, async () => {
    if (!status.value) {
      status.focus();
      throw new Error('Choose the status to record first.');
    }
    const body = status.value === 'attorney' ? { status: 'attorney', attorneyName: name.value, attorneyContact: contact.value } : { status: status.value };
    await api('POST', `/officer/api/accounts/${account.id}/status`, body);
    flash('Recorded: collection stops on this account.');
    changed();
  }));
  return card('record-status-card', 'Record a status', h('p', { class: 'hint' }, 'Each one stops collection on the account.'), field('Status', status), attorneyFields, save);
}

export function hardshipControl(account, handoffId) {
  const on = account.flags.hardship;
  const b = h('button', { type: 'button', id: on ? 'clear-hardship' : 'record-hardship', class: on ? 'secondary' : '' }, on ? 'Clear hardship' : 'Record hardship');
  b.addEventListener('click', () => act(b, async () => {
    await api('POST', `/officer/api/accounts/${account.id}/hardship`, { hardship: !on, ...(handoffId ? { handoffId } : {}) });
    flash(on ? 'Hardship cleared: the normal limits apply again.' : 'Hardship recorded: the bot and the reply check use the hardship limits from now on.');
    changed();
  }));
  return h('div', { class: 'row' }, h('p', {}, on ? 'Hardship is recorded on this account: the hardship limits apply.' : 'No hardship recorded.'), b);
}

export function plansCard(account) {
  const c = (p) => p.currency;
  return card('plans', 'Plans', account.plans.length === 0 ? h('p', { class: 'muted' }, 'None.') :
    h('ul', {}, account.plans.map((p) => h('li', {},
      `${label('planKinds', p.kind)} · ${label('planStatuses', p.status)} · ${money(p.total, c(p))}${p.frequency ? ` · ${label('frequencies', p.frequency)}` : ''}${p.hardship ? ' · hardship terms' : ''}`,
      p.offeredBy ? ` · offered by ${p.offeredBy}` : '',
      p.authorizedAt ? ` · agreed ${when(p.authorizedAt, zoneOf(account))} (${label('channels', p.authorizedChannel)})` : '',
      p.installments.length > 1
        ? h('details', {}, h('summary', {}, `${p.installments.length} payments, ${day(p.installments[0].dueDate)} to ${day(p.installments[p.installments.length - 1].dueDate)}`),
          h('ul', {}, p.installments.map((x) => h('li', {}, `${day(x.dueDate)}: ${money(x.amount, c(p))} (${label('installmentStatuses', x.status).toLowerCase()})`))))
        : h('ul', {}, p.installments.map((x) => h('li', {}, `${day(x.dueDate)}: ${money(x.amount, c(p))} (${label('installmentStatuses', x.status).toLowerCase()})`)))))));
}

export function paymentsCard(account) {
  return card('payments', 'Payments', account.payments.length === 0 ? h('p', { class: 'muted' }, 'None.') :
    h('ul', {}, account.payments.map((p) => h('li', {}, `${when(p.at, zoneOf(account))}: ${money(p.amount, p.currency)} (${label('paymentStatuses', p.status).toLowerCase()}, ${label('providers', p.provider)})`))));
}

export function consentsCard(account) {
  const z = zoneOf(account);
  const items = [
    ...account.consents.map((x) => h('li', {}, `${label('consentKinds', x.kind)} consent by ${label('channels', x.channel)}, ${when(x.givenAt, z)}${x.withdrawnAt ? `; withdrawn ${when(x.withdrawnAt, z)}` : ''}`)),
    ...account.notices.map((n) => h('li', {}, `${label('noticeKinds', n.kind)} by ${label('channels', n.channel)}, ${when(n.deliveredAt, z)}${n.firstViewedAt ? `; opened ${when(n.firstViewedAt, z)}` : '; not opened yet'}`)),
  ];
  return card('consents', 'Consents and notices', items.length ? h('ul', {}, items) : h('p', { class: 'muted' }, 'None.'));
}

export function notesCard(account) {
  const text = h('textarea', { id: 'note-text', rows: 2, maxlength: 2000 });
  const add = h('button', { type: 'button', id: 'add-note' }, 'Add note');
  add.addEventListener('click', () => act(add, async () => {
    await api('POST', `/officer/api/accounts/${account.id}/notes`, { text: text.value });
    text.value = '';
    flash('Note added. Notes are for officers only: the debtor never sees them.');
    changed();
  }));
  return card('notes', 'Internal notes',
    account.notes.length ? h('ul', { class: 'plain' }, account.notes.map((n) => h('li', {}, h('time', { class: 'muted' }, `${when(n.at)} · ${n.officer}`), h('p', { class: 'timeline-text' }, n.text)))) : h('p', { class: 'muted' }, 'No notes yet.'),
    field('New note (for officers only; never sent to the debtor)', text), add);
}

/** The follow-ups of the account, and the form for a new one (a promise to pay, or a call-back). */
export function followUpsCard(account, extra = {}, { bare = false } = {}) {
  const kind = picker('follow-up-kind', 'Choose…', [['promise', 'Promise to pay'], ['callback', 'Call-back']]);
  const date = h('input', { type: 'date', id: 'follow-up-date', required: true });
  const amount = h('input', { type: 'text', id: 'follow-up-amount', inputmode: 'decimal', autocomplete: 'off' });
  const note = h('input', { type: 'text', id: 'follow-up-note', maxlength: 500 });
  const amountField = field(`Amount promised (${account.currency})`, amount);
  const sync = () => { amountField.hidden = kind.value !== 'promise'; };
  kind.addEventListener('change', sync);
  kind.addEventListener('restore', sync);
  sync();
  const save = h('button', { type: 'button', id: 'schedule-follow-up' }, 'Schedule follow-up');
  save.addEventListener('click', () => act(save, async () => {
    if (!kind.value) {
      kind.focus();
      throw new Error('Choose a promise to pay or a call-back.');
    }
    const body = { kind: kind.value, dueDate: date.value, ...(note.value.trim() ? { note: note.value.trim() } : {}), ...extra };
    if (kind.value === 'promise') {
      const minor = toMinor(amount.value, account.currency);
      if (!(minor > 0)) {
        amount.focus();
        throw new Error('Give the amount promised, like 50 or 50.00.');
      }
      body.amount = minor;
    }
    await api('POST', `/officer/api/accounts/${account.id}/follow-ups`, body);
    flash(`Follow-up scheduled for ${day(date.value)}: it shows in the queue on that day.`);
    changed();
    note.value = '';
    amount.value = '';
  }));
  const open = account.followUps.map((f) => {
    const done = h('button', { type: 'button', class: 'small secondary' }, 'Mark done');
    done.addEventListener('click', () => act(done, async () => {
      await api('POST', `/officer/api/follow-ups/${f.id}/close`, { status: 'done' });
      flash('Marked done.');
      changed();
    }));
    return h('li', {}, `${label('followUpKinds', f.kind)} ${f.amount !== null ? `${money(f.amount, f.currency)} ` : ''}by ${day(f.dueDate)}${f.overdue ? ' (overdue)' : ''} · ${f.by}${f.note ? ` — ${f.note}` : ''} `, done);
  });
  const content = [
    open.length ? h('ul', {}, open) : h('p', { class: 'muted' }, 'No follow-up open.'),
    h('div', { class: 'row' }, field('Kind', kind), field('Date', date), amountField, field('Note (optional)', note)),
    save,
  ];
  return bare ? h('div', { id: 'follow-ups' }, content) : card('follow-ups', 'Follow-ups', ...content);
}

const TIMELINE_FILTERS = [
  ['message', 'Messages'],
  ['money', 'Payments and plans'],
  ['dispute', 'Disputes'],
  ['notice', 'Notices and consents'],
  ['note', 'Notes and follow-ups'],
  ['audit', 'Audit trail'],
];
const GROUP = { message: 'message', payment: 'money', plan: 'money', dispute: 'dispute', notice: 'notice', consent: 'notice', note: 'note', follow_up: 'note', audit: 'audit' };

/** The account's timeline across every conversation and channel, newest first, with filters. */
export function timelineCard(accountId, debtorZone, { currentConversationId } = {}) {
  // Scrolls on its own: focusable, so it can be scrolled from the keyboard.
  const list = h('ol', { class: 'timeline', id: 'timeline', 'aria-label': 'Account timeline, newest first', tabindex: '0' }, h('li', { class: 'muted' }, 'Loading…'));
  let entries = [];
  const boxes = TIMELINE_FILTERS.map(([group, words]) => h('label', {}, h('input', { type: 'checkbox', id: `timeline-${group}`, checked: group !== 'audit', onchange: () => render() }), ` ${words}`));
  const render = () => {
    const on = new Set(TIMELINE_FILTERS.map(([g]) => g).filter((g) => document.getElementById(`timeline-${g}`)?.checked ?? g !== 'audit'));
    const shown = entries.filter((e) => on.has(GROUP[e.kind]));
    list.replaceChildren(...(shown.length ? shown.map((e) => h('li', { class: `entry ${e.kind}`, 'data-kind': e.kind },
      h('time', { datetime: e.at }, whenCompact(e.at, debtorZone), e.conversationId && e.conversationId === currentConversationId ? ' · this conversation' : ''),
      h('span', { class: 'title' }, e.title),
      e.text ? h('p', { class: 'text' }, e.text) : '')) : [h('li', { class: 'muted' }, 'Nothing to show.')]));
  };
  const load = () => api('GET', `/officer/api/accounts/${accountId}/timeline`).then((data) => {
    entries = data.entries;
    render();
  }, (error) => list.replaceChildren(h('li', { class: 'error' }, error.message)));
  load();
  const element = card('account-timeline', 'Account history (every conversation and channel)',
    h('fieldset', { class: 'filters' }, h('legend', {}, 'Show'), boxes), list);
  return { element, reload: load };
}

// ---------------------------------------------------------------------------------------------
// The account page

export function showAccount(id) {
  const main = document.getElementById('main');
  const heading = h('h1', {}, 'Account');
  const cards = h('div', { class: 'handoff' }, h('p', {}, 'Loading…'));
  main.replaceChildren(h('p', {}, h('a', { href: '#/queue' }, '← Queue')), heading, cards);
  const load = () => api('GET', `/officer/api/accounts/${id}`).then(({ account, conversations, handoffs }) => {
    heading.textContent = `${account.name} — account ${account.accountNumber}`;
    const z = zoneOf(account);
    const timeline = timelineCard(account.id, z);
    const left = h('div', {},
      timeline.element,
      card('conversations', 'Conversations', conversations.length ? h('ul', {}, conversations.map((c) => h('li', {}, `${label('channels', c.channel)} · started ${when(c.createdAt, z)} · last message ${when(c.lastActivityAt, z)}${c.holder === 'officer' ? ' · with an officer' : c.holder === 'queued' ? ' · waiting for an officer' : ''}`))) : h('p', { class: 'muted' }, 'None yet.')),
      card('escalations', 'Escalations', handoffs.length ? h('ul', {}, handoffs.map((x) => h('li', {}, h('a', { href: `#/handoff/${x.id}` }, label('reasons', x.reason)), ` · ${when(x.createdAt, z)} · ${x.status === 'resolved' ? `resolved: ${label('outcomes', (x.outcome || '').split(':')[0])}` : x.status === 'queued' ? 'waiting' : 'being handled'}`))) : h('p', { class: 'muted' }, 'None.')));
    const right = h('div', {}, summaryCard(account, { link: false }), card('hardship', 'Hardship', hardshipControl(account)), notesCard(account), followUpsCard(account),
      plansCard(account), paymentsCard(account), disputesCard(account), consentsCard(account));
    redraw(cards, () => [left, right]);
  }, (error) => cards.replaceChildren(h('p', { class: 'error', role: 'alert' }, error.message)));
  load();
  onChanged(load);
}

export function showSearch(q) {
  const input = document.getElementById('search-q');
  if (input && input.value !== q) input.value = q;
  const results = h('div', { id: 'search-results' }, h('p', {}, 'Searching…'));
  document.getElementById('main').replaceChildren(h('h1', {}, `Accounts matching “${q}”`), results);
  api('GET', `/officer/api/accounts?q=${encodeURIComponent(q)}`).then(({ accounts }) => {
    if (!accounts.length) {
      results.replaceChildren(h('p', {}, 'No account matches. Try the account number, the full name, a phone number or an email address.'));
      return;
    }
    results.replaceChildren(h('table', {},
      h('thead', {}, h('tr', {}, ['Account', 'Name', 'Creditor', 'Balance', 'Phone', 'Email', 'Collection'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, accounts.map((a) => h('tr', {},
        h('td', {}, h('a', { href: `#/account/${a.id}` }, a.accountNumber)), h('td', {}, a.name), h('td', {}, a.creditor), h('td', {}, money(a.balance, a.currency)),
        h('td', {}, a.phone || '—'), h('td', {}, a.email || '—'), h('td', {}, a.pauseReason ? `Paused: ${label('pauses', a.pauseReason)}` : 'Open'))))));
  }, (error) => results.replaceChildren(h('p', { class: 'error', role: 'alert' }, error.message)));
}
