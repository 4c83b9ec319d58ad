// The reply box of a conversation: Enter sends (Shift+Enter starts a new line), saved replies can
// be inserted (the reply check runs on them like on anything typed), and the reply check's
// warnings are shown with "Edit" or "Send anyway" — which asks why (the reason is audited).
import { act, api, ApiError, changed, field, flash, h, newId, state } from './lib.js';

/**
 * @param id the escalation
 * @param draft { get(): string, set(text) } keeps the text across redraws of the page
 * @param context () => { debtorFirstName, language } for the saved replies' placeholders
 */
export function renderComposer(id, draft, context) {
  const text = h('textarea', { id: 'reply', rows: 3, maxlength: 1600, 'aria-describedby': 'reply-hint' });
  const hint = h('small', { id: 'reply-hint', class: 'hint' }, 'Enter sends · Shift+Enter starts a new line · the reply check runs before anything goes.');
  const send = h('button', { type: 'button', id: 'send' }, 'Check and send');
  const warnings = h('div', { class: 'warnings', id: 'warnings', role: 'alert' });
  const saved = h('select', { id: 'saved-reply' }, h('option', { value: '' }, 'Insert a saved reply…'));
  let replies = [];
  let clientMessageId = null;

  api('GET', '/officer/api/canned-replies').then(({ replies: list }) => {
    replies = list;
    const language = context().language || 'en';
    const ordered = [...list.filter((r) => r.language === language), ...list.filter((r) => r.language !== language)];
    saved.replaceChildren(h('option', { value: '' }, list.length ? 'Insert a saved reply…' : 'No saved replies yet (a supervisor adds them under Settings)'),
      ...ordered.map((r) => h('option', { value: r.id }, `${r.title}${r.language !== language ? ` (${r.language === 'es' ? 'Spanish' : 'English'})` : ''}`)));
  }, () => {});
  saved.addEventListener('change', () => {
    const reply = replies.find((r) => r.id === saved.value);
    saved.value = '';
    if (!reply) return;
    const { debtorFirstName } = context();
    const filled = reply.body.replaceAll('{debtorFirstName}', debtorFirstName || '').replaceAll('{officerFirstName}', state.officer.name.split(/\s+/)[0]);
    text.value = text.value ? `${text.value.trimEnd()}\n${filled}` : filled;
    changed();
    text.focus();
    text.setSelectionRange(text.value.length, text.value.length);
  });

  const changed = () => {
    draft.set(text.value);
    clientMessageId = null;
    warnings.replaceChildren();
  };
  text.addEventListener('input', changed);
  text.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing && !e.altKey && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      if (!send.disabled && text.value.trim()) submit(false);
    }
  });

  const submit = (override, overrideReason) => act(send, async () => {
    clientMessageId = clientMessageId || newId();
    try {
      const result = await api('POST', `/officer/api/handoffs/${id}/messages`, { text: text.value, override, ...(overrideReason ? { overrideReason } : {}), clientMessageId });
      text.value = '';
      draft.set('');
      clientMessageId = null;
      warnings.replaceChildren();
      flash(result.botInitiated ? 'Sent. The debtor has not written for a while: SMS quiet hours apply.' : 'Sent.');
      changed();
      text.focus({ preventScroll: true });
    } catch (error) {
      if (!(error instanceof ApiError) || !error.body.warnings) throw error;
      showWarnings(error);
    }
  });

  const showWarnings = (error) => {
    const list = h('ul', {}, error.body.warnings.map((w) => h('li', { class: w.blocking ? 'blocking' : '' }, w.message, w.excerpt ? h('q', {}, w.excerpt) : '')));
    const edit = h('button', { type: 'button', class: 'secondary', onclick: () => text.focus() }, 'Edit the message');
    const parts = [h('p', {}, error.message), list, edit];
    if (!error.body.blocked) {
      const reason = h('input', { type: 'text', id: 'override-reason', maxlength: 300, required: true });
      const confirm = h('button', { type: 'button', id: 'send-anyway', class: 'danger' }, 'Send anyway');
      const go = () => {
        if (reason.value.trim().length < 5) {
          reason.setAttribute('aria-invalid', 'true');
          flash('Say in a few words why it should go as it is (kept in the audit trail).', 'error');
          reason.focus();
          return;
        }
        submit(true, reason.value.trim());
      };
      confirm.addEventListener('click', go);
      reason.addEventListener('keydown', (e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          go();
        }
      });
      parts.push(h('div', { class: 'row' }, field('Why send it anyway? (required, kept in the audit trail)', reason), confirm));
    }
    warnings.replaceChildren(...parts);
  };

  send.addEventListener('click', () => submit(false));
  const element = h('div', { class: 'composer' },
    field('Message to the debtor', text), hint,
    h('div', { class: 'bar' }, send, field('Saved replies', saved)),
    warnings);
  return {
    element,
    /** enabled: may write; why: the sentence shown when not. */
    setEnabled(enabled, why) {
      text.disabled = !enabled;
      send.disabled = !enabled;
      saved.disabled = !enabled;
      if (text.value !== draft.get()) text.value = draft.get();
      hint.textContent = enabled ? 'Enter sends · Shift+Enter starts a new line · the reply check runs before anything goes.' : why;
    },
  };
}
