// The officer console: sign-in, the password change after a temporary password, and the routing
// between pages (#/queue, #/handoff/:id, #/account/:id, #/search?q=, #/reports, #/placements, #/campaigns,
// #/officers, #/settings). Each page lives in its own module.
import { act, api, field, flash, focusHeading, h, state, stopLive } from './lib.js';
import { showQueue } from './queue.js';
import { showHandoff } from './handoff.js';
import { showAccount, showSearch } from './account.js';
import { showPlacements, showReports } from './reports.js';
import { showOfficers, showSettings } from './admin.js';
import { showCampaigns } from './campaigns.js';

function setChrome(signedIn) {
  document.getElementById('nav').hidden = !signedIn;
  document.getElementById('search').hidden = !signedIn;
  document.getElementById('sign-out').hidden = !signedIn;
  document.getElementById('who').textContent = signedIn ? `${state.officer.name} (${state.officer.role === 'supervisor' ? 'Supervisor' : 'Officer'})` : '';
  for (const link of document.querySelectorAll('[data-role="supervisor"]')) link.hidden = !signedIn || state.officer.role !== 'supervisor';
}

function showSignIn(message) {
  stopLive();
  state.officer = null;
  state.csrf = null;
  setChrome(false);
  const error = h('p', { class: 'error', role: 'alert', id: 'sign-in-error' }, message || '');
  const email = h('input', { type: 'email', name: 'email', id: 'email', autocomplete: 'username', required: true });
  const password = h('input', { type: 'password', name: 'password', id: 'password', autocomplete: 'current-password', required: true });
  const submit = h('button', { type: 'submit' }, 'Sign in');
  const form = h('form', { class: 'card narrow', id: 'sign-in', 'aria-describedby': 'sign-in-error' },
    h('h1', {}, 'Sign in'), field('Email', email), field('Password', password), submit, error);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    act(submit, async () => {
      try {
        const session = await api('POST', '/officer/api/session', { email: email.value, password: password.value });
        password.value = '';
        await signedIn(session);
      } catch (err) {
        error.textContent = err.message;
        password.focus();
      }
    });
  });
  document.getElementById('main').replaceChildren(form);
  email.focus();
}

/** After a temporary password: the officer chooses their own before anything else. */
function showPasswordChange() {
  stopLive();
  setChrome(false);
  document.getElementById('sign-out').hidden = false;
  const error = h('p', { class: 'error', role: 'alert' });
  const current = h('input', { type: 'password', id: 'current-password', autocomplete: 'current-password', required: true });
  const next = h('input', { type: 'password', id: 'new-password', autocomplete: 'new-password', required: true, minlength: 12 });
  const again = h('input', { type: 'password', id: 'new-password-again', autocomplete: 'new-password', required: true });
  const submit = h('button', { type: 'submit' }, 'Set my password');
  const form = h('form', { class: 'card narrow', id: 'password-change' },
    h('h1', {}, 'Choose your password'),
    h('p', {}, 'You signed in with a temporary password. Choose your own to continue: at least 12 characters (a few unrelated words make a good one).'),
    field('Temporary (current) password', current), field('New password', next), field('New password again', again), submit, error);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (next.value !== again.value) {
      error.textContent = 'The two new passwords are not the same. Type them again.';
      again.focus();
      return;
    }
    act(submit, async () => {
      try {
        await api('POST', '/officer/api/session/password', { currentPassword: current.value, newPassword: next.value });
        flash('Your password is set.');
        await signedIn(await api('GET', '/officer/api/session'));
      } catch (err) {
        error.textContent = err.message;
      }
    });
  });
  document.getElementById('main').replaceChildren(form);
  current.focus();
}

async function signedIn(session) {
  state.officer = session.officer;
  state.csrf = session.csrfToken;
  if (session.mustChangePassword) return showPasswordChange();
  if (!state.labels) state.labels = await api('GET', '/officer/api/labels');
  setChrome(true);
  route();
}

function route() {
  stopLive();
  if (!state.officer) return;
  const [path, query] = (location.hash || '#/queue').slice(1).split('?');
  const [, page, id] = path.split('/');
  const supervisor = state.officer.role === 'supervisor';
  if (page === 'handoff' && id) showHandoff(decodeURIComponent(id));
  else if (page === 'account' && id) showAccount(decodeURIComponent(id));
  else if (page === 'search') showSearch(new URLSearchParams(query || '').get('q') || '');
  else if (page === 'reports' && supervisor) showReports();
  else if (page === 'placements' && supervisor) showPlacements();
  else if (page === 'campaigns' && supervisor) showCampaigns();
  else if (page === 'officers' && supervisor) showOfficers();
  else if (page === 'settings' && supervisor) showSettings();
  else showQueue();
  for (const link of document.querySelectorAll('#nav a')) {
    if (link.getAttribute('href') === `#/${page || 'queue'}`) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  focusHeading();
}

window.addEventListener('hashchange', () => {
  flash('');
  route();
});
window.addEventListener('console:signed-out', (e) => showSignIn(e.detail));
window.addEventListener('console:password-change', () => showPasswordChange());
document.getElementById('sign-out').addEventListener('click', (e) => act(e.currentTarget, async () => {
  await api('DELETE', '/officer/api/session');
  showSignIn('You have signed out.');
}));
document.getElementById('search').addEventListener('submit', (e) => {
  e.preventDefault();
  const q = document.getElementById('search-q').value.trim();
  if (q) location.hash = `#/search?q=${encodeURIComponent(q)}`;
});

api('GET', '/officer/api/session').then(signedIn, () => showSignIn());
