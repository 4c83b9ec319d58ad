// The queue: open escalations (live), with their waiting-time target and who they are assigned to,
// and the follow-ups (promises to pay, call-backs) whose date has come.
import { act, api, card, day, flash, h, label, live, minutesText, money, priorityLabel, state, waited } from './lib.js';

const SHOW_KEY = 'console.queue.show';

export function showQueue() {
  const body = h('tbody', { id: 'queue-rows' });
  const table = h('table', { class: 'queue' },
    h('caption', { class: 'muted' }, 'Open escalations: waiting ones first, most urgent first.'),
    h('thead', {}, h('tr', {}, ['Priority', 'Reason', 'Channel', 'Waiting', 'Debtor', 'Assigned to', 'Status', 'Action'].map((t) => h('th', { scope: 'col' }, t)))),
    body);
  const empty = h('p', { class: 'muted', id: 'queue-empty', hidden: true }, 'Nobody is waiting. New escalations appear here by themselves.');
  const shown = sessionStorage.getItem(SHOW_KEY) || 'all';
  const choice = (value, words) => h('label', {}, h('input', { type: 'radio', name: 'queue-show', value, checked: value === shown, onchange: () => { sessionStorage.setItem(SHOW_KEY, value); render(); } }), ` ${words}`);
  const filters = h('fieldset', { class: 'filters' }, h('legend', {}, 'Show'), choice('all', 'All'), choice('mine', 'Assigned to me'), choice('unassigned', 'Not assigned'));
  const followUps = h('div', { id: 'queue-follow-ups' });
  document.getElementById('main').replaceChildren(
    h('section', { 'aria-labelledby': 'queue-heading' },
      h('h1', { id: 'queue-heading' }, 'Escalations ', h('small', { id: 'live', class: 'live' }, '○ connecting…')),
      filters, table, empty),
    followUps);
  let view = { items: [], followUps: [], targets: {} };

  const waitingCell = (item) => {
    const cell = h('td', { class: 'waiting', 'data-since': item.createdAt, 'data-target': item.targetMinutes, 'data-queued': item.status === 'queued' ? '1' : '0' });
    fillWaiting(cell);
    return cell;
  };
  const render = () => {
    const mode = document.querySelector('input[name="queue-show"]:checked')?.value || 'all';
    const items = view.items.filter((i) => mode === 'all' || (mode === 'mine' ? i.assignee && i.assignee.id === state.officer.id : !i.assignee));
    empty.hidden = items.length > 0;
    body.replaceChildren(...items.map((item) => {
      const row = h('tr', { class: `p${Math.min(item.priority, 50)}`, 'data-handoff': item.handoffId },
        h('td', {}, h('span', { class: `badge p${Math.min(item.priority, 50)}`, title: `priority ${item.priority} (lower is more urgent)` }, priorityLabel(item.priority))),
        h('td', {}, item.reasons.map((r) => label('reasons', r)).join(', ')),
        h('td', {}, item.channel ? label('channels', item.channel) : '—'),
        waitingCell(item),
        h('td', {}, item.debtor ? `${item.debtor} (${item.accountNumber})` : 'Not verified',
          item.doNotContact.map((code) => h('span', { class: 'stop-tag' }, `Do not contact: ${label('contact', code).toLowerCase()}`))),
        h('td', {}, item.assignee ? (item.assignee.id === state.officer.id ? 'Me' : item.assignee.name) : '—'),
        h('td', {}, item.status === 'queued' ? 'Waiting' : `With ${item.officer ? item.officer.name : 'an officer'}`),
        h('td', {}, h('a', { href: `#/handoff/${item.handoffId}`, class: 'button', 'aria-label': `Open: ${item.reasons.map((r) => label('reasons', r)).join(', ')}, ${item.debtor || 'not verified'}` }, 'Open')));
      fillWaiting(row.querySelector('td.waiting'));
      return row;
    }));
    followUps.replaceChildren(renderFollowUps(view.followUps));
  };
  live('/officer/api/queue/events', 'queue', (data) => {
    view = data;
    render();
  });
  state.timers.push(setInterval(() => {
    for (const cell of document.querySelectorAll('td.waiting')) fillWaiting(cell);
  }, 1000));
}

function isOverdue(since, targetMinutes) {
  return Date.now() - new Date(since).getTime() > targetMinutes * 60_000;
}

/** "4 min of 30 min", or "42 min · Overdue (target 30 min)" — in words, not only in colour. */
function fillWaiting(cell) {
  const since = cell.dataset.since;
  const target = Number(cell.dataset.target);
  // The target is for being taken over: one being handled is not overdue.
  const overdue = cell.dataset.queued === '1' && isOverdue(since, target);
  cell.closest('tr')?.classList.toggle('overdue', overdue);
  cell.replaceChildren(waited(since), overdue ? h('span', { class: 'overdue-tag' }, `Overdue (target ${minutesText(target)})`) : h('span', { class: 'muted' }, ` of ${minutesText(target)}`));
}

function renderFollowUps(followUps) {
  if (!followUps.length) return card('follow-ups-due', 'Follow-ups due', h('p', { class: 'muted' }, 'No promise or call-back is due.'));
  const rows = followUps.map((f) => {
    const done = h('button', { type: 'button', class: 'small', 'data-follow-up': f.id }, 'Mark done');
    done.addEventListener('click', () => act(done, async () => {
      await api('POST', `/officer/api/follow-ups/${f.id}/close`, { status: 'done' });
      flash('Marked done.');
    }));
    const paid = f.kind === 'promise' && f.amount !== null
      ? (f.paidSince >= f.amount ? `Kept: ${money(f.paidSince, f.currency)} paid since the promise` : `${money(f.paidSince || 0, f.currency)} paid since the promise`)
      : '—';
    return h('tr', {},
      h('td', {}, day(f.dueDate)),
      h('td', {}, label('followUpKinds', f.kind)),
      h('td', {}, h('a', { href: `#/account/${f.account.id}` }, `${f.account.name} (${f.account.accountNumber})`)),
      h('td', {}, f.amount !== null ? money(f.amount, f.currency) : '—'),
      h('td', {}, paid),
      h('td', {}, f.note || ''),
      h('td', {}, done));
  });
  return card('follow-ups-due', 'Follow-ups due',
    h('table', {}, h('thead', {}, h('tr', {}, ['Due', 'What', 'Account', 'Amount', 'Paid', 'Note', 'Action'].map((t) => h('th', { scope: 'col' }, t)))), h('tbody', {}, rows)));
}
