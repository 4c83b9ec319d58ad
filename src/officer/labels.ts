/**
 * Readable words for every code the console shows: escalation reasons, outcomes, account flags,
 * audit events, plan and payment states, channels. One dictionary, used by the page (served at
 * GET /officer/api/labels) and by the server-drawn charts, so a code never reaches the screen.
 * Officer-facing words only (debtor-facing sentences live in src/messages).
 */
import type { AuditType } from '../audit.ts';
import type { PauseReason } from '../accounts/rights.ts';
import type { ContactBlockCode } from '../domain/officerContact.ts';
import type { PolicyLimit } from '../domain/plans.ts';
import type { ReplyWarningCode } from '../domain/replyCheck.ts';
import type { Exclusion } from '../domain/outreachRules.ts';
import type { HandoffReason } from '../handoff/queue.ts';

export const REASON_LABELS: Record<HandoffReason, string> = {
  crisis: 'Crisis',
  attorney: 'Attorney',
  bankruptcy: 'Bankruptcy',
  deceased: 'Deceased',
  military: 'Active military',
  identity_theft: 'Identity theft',
  dispute: 'Dispute',
  original_creditor: 'Original creditor request',
  cease: 'Asked us to stop contact',
  abusive: 'Abusive language',
  hardship: 'Hardship',
  locked: 'Verification locked',
  proposal: 'Out-of-policy proposal',
  delinquent: 'Plan delinquent',
  asked: 'Debtor asked for a person',
};

export const OUTCOME_LABELS = {
  paid: 'Paid',
  plan_agreed: 'Plan agreed',
  dispute_handled: 'Dispute handled',
  status_recorded: 'Status recorded',
  callback_arranged: 'Call-back arranged',
  no_action_needed: 'No action needed',
  debtor_left: 'Debtor left',
  handed_back: 'Handed back to the bot',
  plan_offered: 'Plan offered (the bot takes the debtor’s answer)',
  proposal_approved: 'Proposal approved',
  proposal_countered: 'Counter-offer sent',
  proposal_rejected: 'Proposal rejected',
} as const;

export const FLAG_LABELS = {
  disputed: 'Disputed',
  ceaseCommunication: 'Asked us to stop contact',
  attorneyRepresented: 'Represented by an attorney',
  bankruptcy: 'Bankruptcy',
  deceased: 'Deceased',
  activeMilitary: 'Active military',
  identityTheft: 'Identity theft',
  timeBarred: 'Time-barred (never threaten suit)',
  smsOptOut: 'Opted out of texts (STOP)',
  emailOptOut: 'Unsubscribed from email',
  verificationLocked: 'Verification locked',
  hardship: 'Hardship',
} as const;

export const PAUSE_LABELS: Record<PauseReason, string> = {
  dispute: 'the debt is disputed',
  cease: 'the debtor asked us to stop contact',
  attorney: 'the debtor is represented by an attorney',
  bankruptcy: 'bankruptcy reported',
  deceased: 'debtor reported deceased',
  military: 'active military duty reported',
  identity_theft: 'identity theft reported',
};

export const AUDIT_LABELS: Record<AuditType, string> = {
  'placement.imported': 'Account placed with us',
  'placement.updated': 'Placement updated',
  'verification.succeeded': 'Debtor verified',
  'verification.failed': 'Verification failed',
  'verification.locked': 'Verification locked after failed attempts',
  'disclosure.shown': 'Debt-collector disclosure shown',
  'validation.notice.delivered': 'Validation notice delivered',
  'esign.consent': 'E-SIGN consent given',
  'esign.withdrawn': 'E-SIGN consent withdrawn',
  'dispute.recorded': 'Dispute recorded',
  'original_creditor.requested': 'Original creditor requested',
  'cease.recorded': 'Asked us to stop contact',
  'sms.opt_out': 'Opted out of texts (STOP)',
  'sms.opt_in': 'Opted back in to texts (START)',
  'attorney.recorded': 'Attorney recorded',
  'status.reported': 'Status reported',
  'hardship.reported': 'Hardship reported by the debtor',
  'validation.notice.mail_requested': 'Validation notice to be mailed',
  'plan.agreed': 'Plan agreed',
  'plan.cancelled': 'Plan cancelled',
  'payment.recorded': 'Payment recorded',
  'handoff.queued': 'Escalated to an officer',
  'handoff.accepted': 'Officer took over',
  'handoff.resolved': 'Escalation resolved',
  'handoff.handed_back': 'Handed back to the bot',
  'officer.signed_in': 'Officer signed in',
  'officer.sign_in_failed': 'Failed console sign-in',
  'officer.message.sent': 'Officer message sent',
  'officer.reply_check.overridden': 'Reply check overridden',
  'proposal.approved': 'Proposal approved',
  'proposal.countered': 'Counter-offer sent',
  'proposal.rejected': 'Proposal rejected',
  'plan.offer_accepted': 'Debtor accepted the offered plan',
  'plan.offer_declined': 'Debtor declined the offered plan',
  'dispute.verified': 'Dispute verified (collection may resume)',
  'dispute.closed': 'Dispute closed, not verified',
  'placement.uploaded': 'Placement file uploaded',
  'officer.notice.withheld': 'Notice to the debtor withheld (contact not allowed)',
  'plan.offered': 'Plan offered by an officer',
  'hardship.recorded': 'Hardship recorded by an officer',
  'hardship.cleared': 'Hardship cleared by an officer',
  'note.added': 'Internal note added',
  'follow_up.scheduled': 'Follow-up scheduled',
  'follow_up.closed': 'Follow-up closed',
  'handoff.assigned': 'Escalation assigned',
  'officer.created': 'Console account created',
  'officer.disabled': 'Console account disabled',
  'officer.enabled': 'Console account enabled',
  'officer.password_reset': 'Console password reset',
  'officer.password_changed': 'Console password changed',
  'settings.waiting_targets': 'Waiting-time targets changed',
  'canned_reply.saved': 'Saved reply changed',
  'canned_reply.deleted': 'Saved reply deleted',
  'cease.withdrawn': 'Stop-contact request withdrawn by the debtor',
  'handoff.withdrawn': 'Debtor withdrew the request for a person',
  'account.language_changed': 'Language changed',
  'contact_preference.recorded': 'Contact preference recorded',
  'contactability.recorded': 'Consent to texts and email recorded from the placement',
  'campaign.launched': 'Outreach campaign launched',
  'campaign.paused': 'Outreach campaign paused',
  'campaign.resumed': 'Outreach campaign resumed',
  'outreach.first_contact': 'First contact (outreach message sent)',
  'outreach.chat_opened': 'Chat opened from an outreach email',
  'email.unsubscribed': 'Unsubscribed from email',
  'email.bounced': 'Email address bounced',
};

export const PLAN_KIND_LABELS = { full: 'Pay in full', settlement: 'Settlement', installments: 'Installment plan' } as const;

export const PLAN_STATUS_LABELS = {
  proposed: 'Proposed',
  offered: 'Offered, waiting for the debtor’s yes',
  agreed: 'Agreed',
  active: 'Active',
  completed: 'Completed',
  delinquent: 'Delinquent',
  cancelled: 'Cancelled',
  declined: 'Declined',
} as const;

export const INSTALLMENT_STATUS_LABELS = {
  scheduled: 'Scheduled',
  processing: 'Being charged',
  paid: 'Paid',
  failed: 'Failed',
  missed: 'Missed',
  cancelled: 'Cancelled',
} as const;

export const PAYMENT_STATUS_LABELS = { pending: 'Pending', succeeded: 'Received', failed: 'Failed', disputed: 'Disputed by the card holder', refunded: 'Refunded' } as const;
export const PROVIDER_LABELS = { stripe: 'Stripe', demo: 'Demo checkout' } as const;
export const CHANNEL_LABELS = { web: 'Web chat', sms: 'SMS', console: 'Console', mail: 'Mail', email: 'Email', test: 'Test' } as const;
export const CONSENT_KIND_LABELS = { esign: 'E-SIGN (electronic notices)' } as const;
export const NOTICE_KIND_LABELS = { validation: 'Validation notice' } as const;
export const DISPUTE_KIND_LABELS = { dispute: 'Dispute', original_creditor: 'Original creditor request' } as const;
export const DISPUTE_STATUS_LABELS = { open: 'Open', verified: 'Verified', closed: 'Closed, not verified' } as const;
export const FOLLOW_UP_KIND_LABELS = { promise: 'Promise to pay', callback: 'Call-back' } as const;
export const FOLLOW_UP_STATUS_LABELS = { open: 'Open', done: 'Done', cancelled: 'Cancelled' } as const;
export const ROLE_LABELS = { officer: 'Officer', supervisor: 'Supervisor' } as const;
export const ACTOR_LABELS = { debtor: 'Debtor', bot: 'Bot', system: 'System' } as const;
export const LANGUAGE_LABELS = { en: 'English', es: 'Spanish' } as const;
export const FREQUENCY_LABELS = { weekly: 'weekly', biweekly: 'every two weeks', monthly: 'monthly' } as const;

export const CONTACT_LABELS: Record<ContactBlockCode, string> = {
  sms_opted_out: 'Opted out of texts',
  cease: 'Asked us to stop contact',
  attorney: 'Represented by an attorney',
};

/** The creditor's limits a plan can break (src/domain/plans.ts PolicyViolation). */
export const POLICY_LIMIT_LABELS: Record<PolicyLimit, string> = {
  minInstallment: 'payments smaller than the smallest allowed',
  maxInstallments: 'more payments than allowed',
  maxPlanDays: 'a plan longer than allowed',
  minDownPayment: 'a down payment below the minimum',
  frequency: 'a payment frequency the creditor does not allow',
  firstPaymentWithinDays: 'a first payment later than allowed',
  firstPaymentNotBefore: 'a first payment in the past',
  settlementNotAllowed: 'a settlement, which the creditor does not accept here',
  settlementFloor: 'a settlement below the floor',
  total: 'a total that does not match the balance',
  schedule: 'an inconsistent schedule',
};

export const WARNING_LABELS: Record<ReplyWarningCode, string> = {
  no_disclosure: 'No debt-collector disclosure',
  legal_threat: 'Threat of legal action',
  amount_mismatch: 'Amount not on the account or outside policy',
  card_number: 'Card number',
  pressure: 'Pressure',
};

/** Why a campaign does not reach an account on a channel (src/domain/outreachRules.ts). */
export const EXCLUSION_LABELS: Record<Exclusion | 'excluded_by_campaign' | 'paused', string> = {
  cease: 'Asked us to stop contact',
  attorney: 'Represented by an attorney',
  bankruptcy: 'Bankruptcy reported',
  deceased: 'Reported deceased',
  identity_theft: 'Identity theft reported',
  disputed: 'Debt disputed (collection paused)',
  nothing_owed: 'Nothing owed',
  no_phone: 'No phone number',
  no_sms_consent: 'No consent to texts on file (TCPA)',
  sms_opted_out: 'Opted out of texts (STOP)',
  no_email: 'No email address',
  no_email_consent: 'No basis to email this address on file',
  email_opted_out: 'Unsubscribed from email',
  email_bounced: 'Email address bounced',
  channel_refused: 'The debtor asked us not to use this channel',
  excluded_by_campaign: 'Channel not chosen for this campaign',
  paused: 'Campaign paused',
};

/** Every dictionary, for the page. */
export const LABELS = {
  reasons: REASON_LABELS,
  outcomes: OUTCOME_LABELS,
  flags: FLAG_LABELS,
  pauses: PAUSE_LABELS,
  audit: AUDIT_LABELS,
  planKinds: PLAN_KIND_LABELS,
  planStatuses: PLAN_STATUS_LABELS,
  installmentStatuses: INSTALLMENT_STATUS_LABELS,
  paymentStatuses: PAYMENT_STATUS_LABELS,
  providers: PROVIDER_LABELS,
  channels: CHANNEL_LABELS,
  consentKinds: CONSENT_KIND_LABELS,
  noticeKinds: NOTICE_KIND_LABELS,
  disputeKinds: DISPUTE_KIND_LABELS,
  disputeStatuses: DISPUTE_STATUS_LABELS,
  followUpKinds: FOLLOW_UP_KIND_LABELS,
  followUpStatuses: FOLLOW_UP_STATUS_LABELS,
  roles: ROLE_LABELS,
  actors: ACTOR_LABELS,
  languages: LANGUAGE_LABELS,
  frequencies: FREQUENCY_LABELS,
  contact: CONTACT_LABELS,
  policyLimits: POLICY_LIMIT_LABELS,
  warnings: WARNING_LABELS,
  exclusions: EXCLUSION_LABELS,
} as const;

/** The word for `code` in `table`, or the code with its underscores made spaces (never a raw identifier). */
export function labelOf(table: Readonly<Record<string, string>>, code: string | null | undefined): string {
  if (!code) return '';
  return table[code] ?? code.replace(/[_.]+/g, ' ');
}
