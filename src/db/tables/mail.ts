import type { ColumnType, Generated } from "kysely";

/* Jobs, the mail outbox, mailings, suppressions and the development mailbox. */

export interface DevMailTable {
  id: Generated<number>;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  /** The message's headers as a JSON object of strings. */
  headers: string;
  created_at: string;
}

export type JobStatus = "queued" | "running" | "done" | "failed";

export interface JobTable {
  id: Generated<number>;
  name: string;
  /** JSON. */
  payload: string;
  idempotency_key: string | null;
  status: JobStatus;
  attempts: Generated<number>;
  max_attempts: number;
  run_at: string;
  locked_until: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

/** Where a message is on its way out (see src/modules/mail/README.md). */
export type MailState = "queued" | "sending" | "sent" | "failed" | "cancelled";

/** One email to send: what makes it (kind and params), never its body. */
export interface MailOutboxTable {
  id: Generated<number>;
  /** Which composer writes it, e.g. "signature-confirmation". */
  kind: string;
  /** The cause it answers: a second message with the same key is never made. */
  idempotency_key: string;
  /** JSON the composer reads (ids); "{}" once sent, cancelled, or failed for good when personal. */
  params: string;
  /** The supporter it goes to, when one; their rows go when they are erased. */
  supporter_id: number | null;
  /** The Message-ID's unique part, the same at every attempt. */
  message_id: string;
  state: MailState;
  attempts: Generated<number>;
  max_attempts: number;
  next_attempt_at: string;
  /** While "sending": the time after which another worker may take it over. */
  locked_until: string | null;
  /** e.g. "a•••@example.org"; only for messages to a supporter, set when composed. */
  recipient_masked: string | null;
  subject: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
  /** The mailing it is one message of, if any (see modules/mailings). */
  mailing_id: ColumnType<number | null, number | null | undefined, number | null>;
}

/** Where a mailing is: written, waiting for its time, going out, held, or all handed over and done. */
export type MailingState = "draft" | "scheduled" | "sending" | "paused" | "sent";

/** A message a campaigner writes to the supporters who consented to email updates. */
export interface MailingTable {
  id: Generated<number>;
  subject: string;
  body_md: string;
  locale: string;
  /** The audience's filters as JSON (modules/mailings/audience.ts). */
  audience: string;
  state: MailingState;
  send_at: string | null;
  started_at: string | null;
  finished_at: string | null;
  /** How many the list held when sending started. */
  recipients: number | null;
  /** Until when messages have been handed to the outbox at the throttled pace. */
  released_until: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

/** A recipient of a mailing not yet handed to the mail outbox (the list fixed when sending started). */
export interface MailingRecipientTable {
  mailing_id: number;
  supporter_id: number;
}

export type SuppressionReason = "bounce" | "complaint" | "manual";

/** An address no email goes to: only the keyed hash of its canonical form is kept. */
export interface MailSuppressionTable {
  email_hash: string;
  reason: SuppressionReason;
  source: "admin" | "webhook";
  created_by: number | null;
  created_at: string;
}
