// Supervisors: console accounts (add, disable / enable, reset the password — a temporary one, shown
// once, that the officer replaces at the first sign-in), waiting-time targets and saved replies.
import { act, api, card, confirmDialog, field, flash, h, label, minutesText, picker, redraw, state } from './lib.js';

export function showOfficers() {
  const list = h('div', { id: 'officer-list' }, h('p', {}, 'Loading…'));
  const secret = h('div', { id: 'temporary-password', role: 'status' });
  const name = h('input', { type: 'text', id: 'new-officer-name', autocomplete: 'off', required: true });
  const email = h('input', { type: 'email', id: 'new-officer-email', autocomplete: 'off', required: true });
  const role = picker('new-officer-role', 'Choose a role…', [['officer', 'Officer'], ['supervisor', 'Supervisor (also reports, placements, officers, settings)']]);
  const add = h('button', { type: 'button', id: 'add-officer' }, 'Add officer');
  document.getElementById('main').replaceChildren(h('h1', {}, 'Officers'), secret,
    card('add-officer-card', 'Add an officer', h('p', { class: 'hint' }, 'They get a temporary password (shown here once) and choose their own when they first sign in.'),
      h('div', { class: 'row' }, field('Full name', name), field('Email (they sign in with it)', email), field('Role', role)), add),
    list);

  const showSecret = (who, password) => {
    secret.replaceChildren(card('secret-card', `Temporary password for ${who}`,
      h('p', {}, 'Give it to them in person or by phone. It is shown only now; they choose their own password when they sign in.'),
      h('p', { class: 'secret', id: 'temporary-password-value' }, password)));
    secret.querySelector('h2').setAttribute('tabindex', '-1');
    secret.querySelector('h2').focus();
  };

  const load = () => api('GET', '/officer/api/admin/officers').then(({ officers }) => {
    redraw(list, () => [h('table', { id: 'officers' },
      h('caption', {}, 'Console accounts'),
      h('thead', {}, h('tr', {}, ['Name', 'Email', 'Role', 'Status', 'Actions'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, officers.map((o) => h('tr', { 'data-officer': o.email },
        h('th', { scope: 'row' }, o.name), h('td', {}, o.email), h('td', {}, label('roles', o.role)),
        h('td', {}, o.disabled ? 'Disabled: cannot sign in' : o.mustChangePassword ? 'Active · has not chosen a password yet' : 'Active'),
        h('td', { class: 'row' }, actionsFor(o))))))]);
  }, (error) => list.replaceChildren(h('p', { class: 'error' }, error.message)));

  const actionsFor = (o) => {
    const buttons = [];
    const toggle = h('button', { type: 'button', class: `small ${o.disabled ? '' : 'danger'}`, 'data-action': o.disabled ? 'enable' : 'disable', 'aria-label': `${o.disabled ? 'Enable' : 'Disable'} ${o.name}` }, o.disabled ? 'Enable' : 'Disable');
    toggle.addEventListener('click', async () => {
      if (!o.disabled && !(await confirmDialog({ title: `Disable ${o.name}?`, body: ['They are signed out at once and cannot sign in until an account is enabled again.'], confirmText: `Disable ${o.name}`, danger: true }))) return;
      act(toggle, async () => {
        await api('POST', `/officer/api/admin/officers/${o.id}/${o.disabled ? 'enable' : 'disable'}`);
        flash(o.disabled ? `${o.name} can sign in again.` : `${o.name} is disabled and signed out.`);
        await load();
      });
    });
    const reset = h('button', { type: 'button', class: 'small secondary', 'data-action': 'reset', 'aria-label': `Reset password of ${o.name}` }, 'Reset password');
    reset.addEventListener('click', async () => {
      if (!(await confirmDialog({ title: `Reset the password of ${o.name}?`, body: ['They are signed out everywhere and get a temporary password, which they replace at their next sign-in.'], confirmText: 'Reset password' }))) return;
      act(reset, async () => {
        const result = await api('POST', `/officer/api/admin/officers/${o.id}/reset`);
        showSecret(o.name, result.temporaryPassword);
        await load();
      });
    });
    // Not for oneself: disabling would lock the supervisor out, a reset would sign this page out.
    if (o.id !== state.officer.id) buttons.push(toggle, reset);
    else buttons.push(h('span', { class: 'muted' }, 'This is you'));
    return buttons;
  };

  add.addEventListener('click', () => act(add, async () => {
    if (!role.value) {
      role.focus();
      throw new Error('Choose the role first.');
    }
    const result = await api('POST', '/officer/api/admin/officers', { name: name.value, email: email.value, role: role.value });
    showSecret(result.officer.name, result.temporaryPassword);
    name.value = '';
    email.value = '';
    role.value = '';
    await load();
  }));
  load();
}

export function showSettings() {
  const targets = h('div', { id: 'targets' }, h('p', {}, 'Loading…'));
  const replies = h('div', { id: 'replies' });
  document.getElementById('main').replaceChildren(h('h1', {}, 'Settings'), targets, replies);

  api('GET', '/officer/api/admin/waiting-targets').then(({ targets: t }) => {
    const bands = [['crisis', 'Crisis'], ['urgent', 'Urgent'], ['high', 'High'], ['normal', 'Normal'], ['routine', 'Routine']];
    const inputs = bands.map(([band]) => h('input', { type: 'number', id: `target-${band}`, min: 1, max: 10080, step: 1, value: t[band], required: true }));
    const save = h('button', { type: 'button', id: 'save-targets' }, 'Save targets');
    save.addEventListener('click', () => act(save, async () => {
      const body = Object.fromEntries(bands.map(([band], i) => [band, Number(inputs[i].value)]));
      const saved = await api('PUT', '/officer/api/admin/waiting-targets', body);
      flash(`Saved: ${bands.map(([band, words]) => `${words} ${minutesText(saved.targets[band])}`).join(', ')}.`);
    }));
    targets.replaceChildren(card('waiting-targets', 'Waiting-time targets',
      h('p', { class: 'hint' }, 'How long an escalation may wait for an officer, by priority. The queue marks the ones past it as overdue.'),
      h('div', { class: 'row' }, bands.map(([, words], i) => field(`${words} (minutes)`, inputs[i]))), save));
  }, (error) => targets.replaceChildren(h('p', { class: 'error' }, error.message)));

  const loadReplies = () => api('GET', '/officer/api/canned-replies').then(({ replies: list }) => {
    redraw(replies, () => [card('saved-replies', 'Saved replies',
      h('p', { class: 'hint' }, 'Officers insert them into a message; the reply check still runs before anything is sent. Placeholders: {debtorFirstName}, {officerFirstName}.'),
      list.length ? h('ul', { class: 'plain' }, list.map((r) => replyItem(r, loadReplies))) : h('p', { class: 'muted' }, 'None yet.'),
      replyForm(null, loadReplies))]);
  });
  loadReplies();
}

function replyItem(reply, reload) {
  const remove = h('button', { type: 'button', class: 'small danger', 'aria-label': `Delete the saved reply ${reply.title}` }, 'Delete');
  remove.addEventListener('click', async () => {
    if (!(await confirmDialog({ title: `Delete “${reply.title}”?`, body: ['Officers will no longer be able to insert it.'], confirmText: 'Delete', danger: true }))) return;
    act(remove, async () => {
      await api('DELETE', `/officer/api/admin/canned-replies/${reply.id}`);
      await reload();
    });
  });
  return h('li', { 'data-reply': reply.id }, h('details', {}, h('summary', {}, `${reply.title} (${label('languages', reply.language)})`), h('p', { class: 'text' }, reply.body), replyForm(reply, reload)), remove);
}

function replyForm(reply, reload) {
  const key = reply ? reply.id : 'new';
  const title = h('input', { type: 'text', id: `reply-title-${key}`, maxlength: 80, value: reply ? reply.title : '' });
  const body = h('textarea', { id: `reply-body-${key}`, rows: 3, maxlength: 1600 }, reply ? reply.body : '');
  const language = h('select', { id: `reply-language-${key}` }, h('option', { value: 'en' }, 'English'), h('option', { value: 'es' }, 'Spanish'));
  if (reply) language.value = reply.language;
  const save = h('button', { type: 'button', id: `save-reply-${key}` }, reply ? 'Save changes' : 'Add saved reply');
  save.addEventListener('click', () => act(save, async () => {
    const payload = { title: title.value, body: body.value, language: language.value };
    await api(reply ? 'PUT' : 'POST', reply ? `/officer/api/admin/canned-replies/${reply.id}` : '/officer/api/admin/canned-replies', payload);
    flash(reply ? 'Saved.' : 'Saved reply added.');
    if (!reply) {
      title.value = '';
      body.value = '';
    }
    await reload();
  }));
  return h('div', { class: 'reply-form' }, reply ? '' : h('h3', {}, 'New saved reply'), h('div', { class: 'row' }, field('Title', title), field('Language', language)), field('Text', body), save);
}
