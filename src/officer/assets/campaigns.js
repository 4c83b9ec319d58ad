// Supervisors: outreach campaigns (issue #17). Choose accounts and channels, preview exactly what
// each debtor will receive in their language, launch; watch each campaign's progress live (the
// figures refresh every few seconds), pause and resume. The console email outbox shows the emails
// as the debtor gets them (with the console email provider nothing leaves the machine).
import { act, api, card, confirmDialog, field, flash, h, label, money, redraw, state, toMinor } from './lib.js';

const REFRESH_MS = 2000;
const pct = (rate) => (rate === null || rate === undefined ? '—' : `${Math.round(rate * 1000) / 10}%`);
const CHANNEL_WORDS = { sms: 'Text', email: 'Email' };

export function showCampaigns() {
  const name = h('input', { type: 'text', id: 'campaign-name', autocomplete: 'off', maxlength: 100, required: true });
  const creditor = h('select', { id: 'campaign-creditor' }, h('option', { value: '' }, 'Every creditor'));
  const aging = h('select', { id: 'campaign-aging' }, h('option', { value: '' }, 'Any age'));
  const placed = h('input', { type: 'number', id: 'campaign-placed-days', min: 1, max: 3650, inputmode: 'numeric' });
  const minBalance = h('input', { type: 'text', id: 'campaign-min-balance', inputmode: 'decimal', autocomplete: 'off' });
  const maxBalance = h('input', { type: 'text', id: 'campaign-max-balance', inputmode: 'decimal', autocomplete: 'off' });
  const never = h('input', { type: 'checkbox', id: 'campaign-never-contacted', checked: true });
  const sms = h('input', { type: 'checkbox', id: 'campaign-sms', checked: true });
  const email = h('input', { type: 'checkbox', id: 'campaign-email', checked: true });
  const previewButton = h('button', { type: 'button', id: 'campaign-preview', class: 'secondary' }, 'Preview');
  const launch = h('button', { type: 'button', id: 'campaign-launch' }, 'Launch campaign');
  const preview = h('div', { id: 'campaign-preview-result', 'aria-live': 'polite' });
  const list = h('div', { id: 'campaign-list' }, h('p', {}, 'Loading…'));
  const outbox = h('div', { id: 'email-outbox' });

  document.getElementById('main').replaceChildren(
    h('h1', {}, 'Outreach campaigns'),
    card('new-campaign', 'New campaign',
      h('p', { class: 'hint' }, 'Texts go only to numbers with consent on file; emails only to addresses the law lets us use. Every message is checked again right before it leaves: quiet hours in the debtor’s zone, the times they said are inconvenient, the weekly cap, opt-outs, cease and attorney.'),
      h('div', { class: 'row' }, field('Campaign name', name), field('Creditor', creditor), field('Age of the debt', aging), field('Placed in the last (days)', placed, 'Empty: any time')),
      h('div', { class: 'row' }, field('Lowest balance (USD)', minBalance), field('Highest balance (USD)', maxBalance)),
      h('fieldset', { class: 'filters' }, h('legend', {}, 'Who and how'),
        h('label', { for: 'campaign-never-contacted' }, never, ' Only accounts never contacted'),
        h('label', { for: 'campaign-sms' }, sms, ' Text message'),
        h('label', { for: 'campaign-email' }, email, ' Email')),
      h('div', { class: 'row' }, previewButton, launch),
      preview),
    h('section', { 'aria-labelledby': 'campaigns-heading' }, h('h2', { id: 'campaigns-heading' }, 'Campaigns ', h('span', { class: 'live', id: 'campaigns-live' }, '')), list),
    outbox);

  api('GET', '/officer/api/campaigns/options').then(({ creditors, agingBuckets }) => {
    creditor.append(...creditors.map((c) => h('option', { value: c.id }, c.name)));
    aging.append(...agingBuckets.map((b) => h('option', { value: b }, `${b} days`)));
  }, () => {});

  const selection = () => {
    const channels = [sms.checked && 'sms', email.checked && 'email'].filter(Boolean);
    const filter = { neverContacted: never.checked };
    if (creditor.value) filter.creditorId = creditor.value;
    if (aging.value) filter.agingBucket = aging.value;
    if (placed.value) filter.placedWithinDays = Number(placed.value);
    for (const [input, key, words] of [[minBalance, 'minBalance', 'lowest'], [maxBalance, 'maxBalance', 'highest']]) {
      if (!input.value.trim()) continue;
      const minor = toMinor(input.value, 'USD');
      if (Number.isNaN(minor)) {
        input.focus();
        throw new Error(`The ${words} balance is not an amount: write it like 250 or 1,085.00.`);
      }
      filter[key] = minor;
    }
    return { channels, filter };
  };

  previewButton.addEventListener('click', () => act(previewButton, async () => {
    const result = await api('POST', '/officer/api/campaigns/preview', selection());
    preview.replaceChildren(...renderPreview(result));
  }));

  launch.addEventListener('click', () => act(launch, async () => {
    const chosen = selection();
    if (!name.value.trim()) {
      name.focus();
      throw new Error('Give the campaign a name first.');
    }
    const result = await api('POST', '/officer/api/campaigns/preview', chosen);
    preview.replaceChildren(...renderPreview(result));
    const sure = await confirmDialog({
      title: `Launch “${name.value.trim()}”?`,
      body: [`${result.reachable} of ${result.matched} matched accounts will get a first message (${result.byChannel.sms.included} texts, ${result.byChannel.email.included} emails).`, 'You can pause the campaign at any time; messages already sent cannot be recalled.'],
      confirmText: 'Launch',
    });
    if (!sure) return;
    const launched = await api('POST', '/officer/api/campaigns', { name: name.value.trim(), ...chosen });
    flash(`Campaign launched: ${launched.messages} messages queued for ${launched.recipients} accounts.`);
    name.value = '';
    preview.replaceChildren();
    await load();
  }));

  const load = () => Promise.all([
    api('GET', '/officer/api/campaigns').then(({ campaigns }) => redraw(list, () => [renderCampaigns(campaigns, load)])),
    api('GET', '/officer/api/email-outbox').then(({ emails }) => redraw(outbox, () => [renderOutbox(emails)])),
  ]).then(() => {
    const badge = document.getElementById('campaigns-live');
    if (badge) badge.textContent = `● live · updated ${new Date().toLocaleTimeString('en-US')}`;
  }, (error) => flash(error.message, 'error'));
  load();
  state.timers.push(setInterval(load, REFRESH_MS));
}

function renderPreview(p) {
  const excluded = (channel) => Object.entries(p.byChannel[channel].excluded).map(([code, n]) => `${label('exclusions', code)}: ${n}`);
  return [
    h('p', { id: 'campaign-preview-summary' }, `${p.matched} accounts match; ${p.reachable} can be reached. Texts: ${p.byChannel.sms.included}. Emails: ${p.byChannel.email.included}.`),
    p.tooMany ? h('p', { class: 'error' }, 'Too many accounts for one campaign: narrow the selection.') : '',
    [['sms', 'Not texted'], ['email', 'Not emailed']].map(([c, t]) => (excluded(c).length ? h('p', { class: 'hint' }, `${t}: ${excluded(c).join('; ')}`) : '')),
    p.rows.length ? h('table', { id: 'campaign-preview-table' },
      h('caption', {}, 'What each debtor will receive (personal links are made at launch)'),
      h('thead', {}, h('tr', {}, ['Account', 'Language', 'Balance', 'Messages'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, p.rows.map((row) => h('tr', { 'data-account': row.accountNumber },
        h('th', { scope: 'row' }, `${row.accountNumber} · ${row.name}`, h('br'), h('span', { class: 'hint' }, row.creditor)),
        h('td', {}, row.language === 'es' ? 'Spanish' : 'English'),
        h('td', {}, money(row.balance, row.currency)),
        h('td', {}, row.channels.map((c) => renderChannel(c, row))))))) : '',
  ];
}

function renderChannel(c, row) {
  if (!c.included) return h('p', { class: 'warn' }, `${CHANNEL_WORDS[c.channel]}: not sent — ${label('exclusions', c.exclusion)}`);
  if (c.channel === 'sms') {
    return h('details', { class: 'message-preview', 'data-channel': 'sms' }, h('summary', {}, `Text to ${c.to} (${c.parts.length} part${c.parts.length === 1 ? '' : 's'})`),
      c.parts.map((part) => h('p', { class: 'plain', lang: row.language }, part)));
  }
  return h('details', { class: 'message-preview', 'data-channel': 'email' },
    h('summary', {}, `Email to ${c.to}${c.notice === 'in_email' ? ' · carries the validation notice' : ' · validation notice mailed'}${c.notBefore ? ` · not before ${new Date(c.notBefore).toLocaleDateString('en-US')}` : ''}`),
    h('p', {}, h('strong', {}, c.subject)), h('pre', { class: 'email-text', lang: row.language }, c.text));
}

function renderCampaigns(campaigns, reload) {
  if (!campaigns.length) return h('p', { class: 'muted' }, 'No campaign yet.');
  return h('table', { id: 'campaigns' },
    h('caption', {}, 'Counted per account; rates divide by the accounts contacted'),
    h('thead', {}, h('tr', {}, ['Campaign', 'Status', 'Queued', 'Sent', 'Delivered', 'Replied', 'Verified', 'Resolved', 'Opted out', 'Collected', 'Actions'].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, campaigns.map((c) => {
      const toggle = h('button', { type: 'button', class: 'small secondary', 'data-action': c.status === 'paused' ? 'resume' : 'pause', 'aria-label': `${c.status === 'paused' ? 'Resume' : 'Pause'} ${c.name}` }, c.status === 'paused' ? 'Resume' : 'Pause');
      toggle.addEventListener('click', () => act(toggle, async () => {
        await api('POST', `/officer/api/campaigns/${c.id}/${c.status === 'paused' ? 'resume' : 'pause'}`);
        flash(c.status === 'paused' ? `${c.name} resumed.` : `${c.name} paused: nothing more leaves until you resume it.`);
        await reload();
      }));
      return h('tr', { 'data-campaign': c.name },
        h('th', { scope: 'row' }, c.name, h('br'), h('span', { class: 'hint' }, `${c.channels.map((x) => CHANNEL_WORDS[x]).join(' + ')} · ${c.recipients} accounts · ${new Date(c.launchedAt).toLocaleString('en-US')}`)),
        h('td', { 'data-figure': 'status' }, c.status === 'paused' ? 'Paused' : 'Running'),
        h('td', { 'data-figure': 'queued' }, String(c.queued)),
        h('td', { 'data-figure': 'sent' }, `${c.sent} (${pct(c.rates.contact)})`),
        h('td', { 'data-figure': 'delivered' }, String(c.delivered)),
        h('td', { 'data-figure': 'replied' }, `${c.replied} (${pct(c.rates.reply)})`),
        h('td', { 'data-figure': 'verified' }, `${c.verified} (${pct(c.rates.verification)})`),
        h('td', { 'data-figure': 'resolved' }, `${c.resolved} (${pct(c.rates.resolution)})`),
        h('td', { 'data-figure': 'optedOut' }, `${c.optedOut} (${pct(c.rates.optOut)})`),
        h('td', { 'data-figure': 'collected' }, c.collected.length ? c.collected.map((t) => money(t.amount, t.currency)).join(' + ') : money(0, 'USD')),
        h('td', {}, toggle));
    })));
}

function renderOutbox(emails) {
  return card('email-outbox-card', 'Email outbox',
    h('p', { class: 'hint' }, 'The latest emails, exactly as the debtor gets them (the links work). With the console email provider nothing leaves this machine.'),
    emails.length ? h('ul', { class: 'plain', id: 'email-outbox-list' }, emails.map((e) => h('li', { 'data-email': e.id },
      h('details', {}, h('summary', {}, `${e.subject} — to ${e.to} — ${label('outboxStatus', e.status)}${e.note ? ` (${e.note})` : ''}`),
        h('pre', { class: 'email-text' }, e.text))))) : h('p', { class: 'muted' }, 'No email yet.'));
}
