// Supervisors: the portfolio report (cards whose parts add up to their totals, exactly the figures
// of the CSV) and the placement upload (a template, a sample and the column guide to start from).
import { act, api, ApiError, card, field, flash, h, label, money, state } from './lib.js';

export function showReports() {
  const today = new Date().toISOString().slice(0, 10);
  const monthAgo = new Date(Date.now() - 30 * 86400000).toISOString().slice(0, 10);
  const from = h('input', { type: 'date', id: 'report-from', value: monthAgo });
  const to = h('input', { type: 'date', id: 'report-to', value: today });
  const go = h('button', { type: 'button', id: 'report-go' }, 'Show');
  const csv = h('a', { class: 'button secondary', id: 'report-csv', download: '' }, 'Download CSV');
  const out = h('div', { id: 'report', 'aria-live': 'polite' });
  document.getElementById('main').replaceChildren(h('section', {}, h('h1', {}, 'Portfolio report'),
    h('div', { class: 'row controls' }, field('From', from), field('To', to), go, csv), out));
  const load = () => act(go, async () => {
    const query = `from=${from.value}&to=${to.value}`;
    csv.href = `/officer/api/reports.csv?${query}`;
    const report = await api('GET', `/officer/api/reports?${query}`);
    out.replaceChildren(...renderReport(report, query));
  });
  go.addEventListener('click', load);
  load();
}

/** One card: the figure, and its parts (which add up to it) as a list. */
function figure(key, title, value, parts, definitions) {
  return h('div', { class: 'figure', id: `figure-${key}` },
    h('span', {}, title), h('strong', {}, value),
    parts && parts.length ? h('ul', {}, parts.map((p) => h('li', {}, p))) : '',
    definitions[key] ? h('details', {}, h('summary', {}, 'What this counts'), h('p', { class: 'hint' }, definitions[key])) : '');
}

function renderReport(r, query) {
  const d = r.definitions || {};
  const pct = (rate) => (rate === null || rate === undefined ? '—' : `${Math.round(rate * 1000) / 10}%`);
  const sums = (list) => (list && list.length ? list.map((x) => money(x.amount, x.currency)).join(' + ') : money(0, 'USD'));
  const seconds = (s) => (s === null || s === undefined ? '—' : s < 120 ? `${Math.round(s)} s` : `${Math.round(s / 60)} min`);
  const c = r.conversations;
  return [
    h('div', { class: 'figures-grid' },
      figure('conversations', 'Conversations', String(c.total), [`Web chat: ${c.byChannel.web}`, `SMS: ${c.byChannel.sms}`, `Other channels: ${c.byChannel.other}`], d),
      figure('verification', 'Verification rate', pct(r.verification.rate), [`Verified: ${r.verification.verified} of ${c.total}`, `Attempted: ${r.verification.attempted}`], d),
      figure('withoutPerson', 'Resolved without a person', pct(r.withoutPerson.rate), [`${r.withoutPerson.count} of ${c.total} conversations`], d),
      figure('plans', 'Plans agreed', String(r.plans.count), r.plans.byKind.map((p) => `${label('planKinds', p.kind)}: ${p.count} (${money(p.total, p.currency)})`), d),
      figure('collected', 'Collected', sums(r.collected.byCurrency), [], d),
      figure('promiseKept', 'Promise-kept rate', pct(r.promiseKept.rate), [`Kept: ${r.promiseKept.kept}`, `Not kept: ${r.promiseKept.notKept}`, `Still being charged: ${r.promiseKept.inFlight}`], d),
      figure('escalations', 'Escalations', String(r.escalations.total), r.escalations.byReason.map((e) => `${label('reasons', e.reason)}: ${e.count}`), d),
      figure('firstResponse', 'First officer response', `${seconds(r.firstResponse.medianSeconds)} median`, [`90% within ${seconds(r.firstResponse.p90Seconds)}`, `Answered: ${r.firstResponse.responded}`, `Still waiting: ${r.firstResponse.waiting}`], d)),
    h('div', { class: 'charts' }, [['escalations', 'Escalations by reason'], ['aging', 'Balance owed by days since itemization'], ['collected', 'Amount collected per day']].map(([name, alt]) =>
      h('img', { src: `/officer/api/reports/charts/${name}.svg?${query}`, alt, width: 640 }))),
    card('campaign-report', 'Outreach campaigns launched in the period',
      r.campaigns && r.campaigns.length ? h('table', { id: 'campaign-report-table' },
        h('caption', {}, 'Counted per account; rates other than contact divide by the accounts contacted'),
        h('thead', {}, h('tr', {}, ['Campaign', 'Accounts', 'Contact rate', 'Reply rate', 'Verification rate', 'Resolved', 'Collected', 'Opt-out rate'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, r.campaigns.map((c) => h('tr', { 'data-campaign': c.name },
          h('th', { scope: 'row' }, c.name), h('td', {}, String(c.recipients)), h('td', {}, `${pct(c.rates.contact)} (${c.sent})`), h('td', {}, `${pct(c.rates.reply)} (${c.replied})`),
          h('td', {}, `${pct(c.rates.verification)} (${c.verified})`), h('td', {}, `${pct(c.rates.resolution)} (${c.resolved})`), h('td', {}, sums(c.collected)), h('td', {}, `${pct(c.rates.optOut)} (${c.optedOut})`)))))
        : h('p', { class: 'muted' }, 'No campaign was launched in this period.'),
      d.campaigns ? h('details', {}, h('summary', {}, 'What this counts'), h('p', { class: 'hint' }, d.campaigns)) : ''),
    // Issue #12 (conversation work) will fill this with per-phrase counts of questions the bot could not answer.
    card('unanswered-questions', 'Unanswered debtor questions',
      r.unansweredQuestions ? '' : h('p', { class: 'muted' }, 'Counts of the questions debtors asked that the bot could not answer, per phrase, will appear here (coming with the conversation work of issue #12).')),
  ];
}

// ---------------------------------------------------------------------------------------------
// Placement upload

export function showPlacements() {
  const file = h('input', { type: 'file', id: 'placement-file', accept: '.csv,text/csv' });
  const upload = h('button', { type: 'button', id: 'upload' }, 'Upload');
  const progress = h('progress', { id: 'upload-progress', max: 1, value: 0, hidden: true, 'aria-label': 'Upload progress' });
  const out = h('div', { id: 'upload-result', role: 'status' });
  const guide = h('div', { id: 'placement-guide' });
  document.getElementById('main').replaceChildren(h('section', {}, h('h1', {}, 'Upload placements'),
    h('p', {}, 'A CSV file with one account per row. Good rows are imported even when others are rejected; uploading the same file again changes nothing.'),
    h('p', { class: 'row' },
      h('a', { class: 'button secondary', id: 'placement-template', href: '/officer/api/placements/template.csv', download: 'placements-template.csv' }, 'Download the template (header only)'),
      h('a', { class: 'button secondary', id: 'placement-sample', href: '/officer/api/placements/sample.csv', download: 'placements-sample.csv' }, 'Download a sample (3 fictional accounts)')),
    h('div', { class: 'row' }, field('Placement file (CSV)', file), upload), progress, out, guide));
  api('GET', '/officer/api/placements/guide').then(({ columns, maxBytes }) => {
    guide.replaceChildren(card('columns', 'The columns, in this order',
      h('p', { class: 'hint' }, `Up to ${Math.round(maxBytes / 1024 / 1024)} MB per file. Dates are YYYY-MM-DD; amounts are decimals in the row’s currency.`),
      h('table', {}, h('thead', {}, h('tr', {}, ['Column', 'Required', 'What to put', 'Example'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, columns.map((col) => h('tr', {}, h('th', { scope: 'row' }, h('code', {}, col.name)), h('td', {}, col.required ? 'Required' : 'Optional'), h('td', {}, col.format), h('td', {}, h('code', {}, col.example))))))));
  }, () => {});
  file.addEventListener('change', () => flash(''));
  upload.addEventListener('click', () => act(upload, async () => {
    flash('');
    const chosen = file.files && file.files[0];
    if (!chosen) {
      file.focus();
      throw new Error('Choose a CSV file first.');
    }
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
            event.rejected.length ? h('table', {}, h('caption', {}, 'Rejected rows'), h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Line'), h('th', { scope: 'col' }, 'Account'), h('th', { scope: 'col' }, 'Reason'))),
              h('tbody', {}, event.rejected.map((r) => h('tr', {}, h('td', {}, String(r.line)), h('td', {}, r.accountNumber || '—'), h('td', {}, r.reason))))) : '');
        }
      }
    }
    progress.hidden = true;
  }));
}
