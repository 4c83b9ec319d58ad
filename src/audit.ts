import type { Db, Tx } from './db/database.ts';

/** Legally relevant state changes. Append-only: this module only ever inserts. */
export type AuditType =
  | 'placement.imported'
  | 'placement.updated'
  | 'verification.succeeded'
  | 'verification.failed'
  | 'verification.locked'
  | 'disclosure.shown'
  | 'validation.notice.delivered'
  | 'esign.consent'
  | 'esign.withdrawn'
  | 'dispute.recorded'
  | 'original_creditor.requested'
  | 'cease.recorded'
  | 'sms.opt_out'
  | 'sms.opt_in'
  | 'attorney.recorded'
  | 'status.reported'
  | 'hardship.reported'
  | 'validation.notice.mail_requested'
  | 'plan.agreed'
  | 'plan.cancelled'
  | 'payment.recorded'
  | 'handoff.queued'
  | 'handoff.accepted'
  | 'handoff.resolved'
  | 'handoff.handed_back'
  | 'officer.signed_in'
  | 'officer.sign_in_failed'
  | 'officer.message.sent'
  | 'officer.reply_check.overridden'
  | 'proposal.approved'
  | 'proposal.countered'
  | 'proposal.rejected'
  | 'plan.offer_accepted'
  | 'plan.offer_declined'
  | 'dispute.verified'
  | 'dispute.closed'
  | 'placement.uploaded'
  | 'officer.notice.withheld'
  | 'plan.offered'
  | 'hardship.recorded'
  | 'hardship.cleared'
  | 'note.added'
  | 'follow_up.scheduled'
  | 'follow_up.closed'
  | 'handoff.assigned'
  | 'officer.created'
  | 'officer.disabled'
  | 'officer.enabled'
  | 'officer.password_reset'
  | 'officer.password_changed'
  | 'settings.waiting_targets'
  | 'canned_reply.saved'
  | 'canned_reply.deleted'
  // The debtor withdrew a stop-contact request made before verification (issue #12 item 8).
  | 'cease.withdrawn'
  // The debtor withdrew their own request for a person before an officer took it.
  | 'handoff.withdrawn'
  // The debtor writes in, or asked for, another language: notices, receipts and officers follow it.
  | 'account.language_changed'
  | 'contact_preference.recorded'
  | 'contactability.recorded'
  | 'campaign.launched'
  | 'campaign.paused'
  | 'campaign.resumed'
  | 'outreach.first_contact'
  | 'outreach.chat_opened'
  | 'email.unsubscribed'
  | 'email.bounced';

export interface AuditEntry {
  type: AuditType;
  actor: string;
  accountId?: string | null;
  conversationId?: string | null;
  /** Never identity factors, card numbers or message bodies. */
  detail?: Record<string, unknown>;
}

export async function appendAudit(db: Db | Tx, entry: AuditEntry): Promise<void> {
  await db.auditEvent.create({
    data: {
      type: entry.type,
      actor: entry.actor,
      accountId: entry.accountId ?? null,
      conversationId: entry.conversationId ?? null,
      detailJson: JSON.stringify(entry.detail ?? {}),
    },
  });
}
