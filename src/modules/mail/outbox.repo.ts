import { randomUUID } from "node:crypto";
import type { Db, Dialect } from "../../db/index.ts";
import { claimDue } from "../../db/lease.ts";
import type { MailState } from "../../db/tables.ts";

/** Every state a message can be in, in the order the admin shows them. */
export const MAIL_STATES: readonly MailState[] = ["queued", "sending", "sent", "failed", "cancelled"];

/** Tries before a message is given up as failed (about three hours with the backoff). */
export const DEFAULT_MAX_ATTEMPTS = 10;

export interface MailToQueue {
  /** The composer that writes it (see mail-kinds.ts). */
  kind: string;
  /** What the composer needs: ids, not text; an address only when nothing else holds it. */
  params: object;
  /** The cause: a second message with the same key is not made, e.g. "confirm:<signature id>". */
  idempotencyKey: string;
  /** The supporter it goes to: the message appears in their export and goes when they are erased. */
  supporterId?: number | null;
  /** The mailing it is one message of (its progress is counted from the outbox). */
  mailingId?: number | null;
  maxAttempts?: number;
  now?: Date;
  /** Not to be sent before this time (a mailing's throttled pace); now unless given. */
  notBefore?: Date;
}

/**
 * Queues an email. Pass the transaction of the change that causes it, so the message
 * exists if and only if the change does. Queuing the same cause again changes nothing.
 */
export async function queueMail(db: Db, mail: MailToQueue): Promise<void> {
  const at = (mail.now ?? new Date()).toISOString();
  await db
    .insertInto("mail_outbox")
    .values({
      kind: mail.kind,
      idempotency_key: mail.idempotencyKey,
      params: JSON.stringify(mail.params),
      supporter_id: mail.supporterId ?? null,
      mailing_id: mail.mailingId ?? null,
      message_id: randomUUID(),
      state: "queued",
      max_attempts: mail.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      next_attempt_at: mail.notBefore ? mail.notBefore.toISOString() : at,
      locked_until: null,
      recipient_masked: null,
      subject: null,
      last_error: null,
      created_at: at,
      updated_at: at,
      sent_at: null,
    })
    .onConflict((oc) => oc.column("idempotency_key").doNothing())
    .execute();
}

/** A message a worker holds: `attempts` is also its claim, which later writes must match. */
export interface ClaimedMail {
  id: number;
  kind: string;
  params: string;
  supporter_id: number | null;
  message_id: string;
  attempts: number;
  max_attempts: number;
}

/**
 * Takes up to `limit` messages that are due: queued ones whose time has come, and ones
 * whose worker stopped mid-send (their lease ran out). Each is held for `leaseMs`; two
 * workers never take the same message (SKIP LOCKED on PostgreSQL, the one writer on SQLite).
 */
export async function claimMail(
  db: Db,
  dialect: Dialect,
  { limit, leaseMs, now }: { limit: number; leaseMs: number; now: Date },
): Promise<ClaimedMail[]> {
  return db.transaction().execute(async (trx) => {
    const ids = await claimDue(trx, dialect, "mail_outbox", { limit, leaseMs, now });
    if (ids.length === 0) return [];
    return trx
      .selectFrom("mail_outbox")
      .select(["id", "kind", "params", "supporter_id", "message_id", "attempts", "max_attempts"])
      .where("id", "in", ids)
      .execute();
  });
}

/** What is kept of a message once written: its subject and, for a supporter's, the masked address. */
export interface MailMetadata {
  subject: string;
  recipientMasked: string | null;
}

/** Only the worker that holds the claim may write the outcome (a late one changes nothing). */
function holding(db: Db, claimed: ClaimedMail) {
  return db
    .updateTable("mail_outbox")
    .where("id", "=", claimed.id)
    .where("state", "=", "sending")
    .where("attempts", "=", claimed.attempts);
}

/** Sent: only the metadata stays; the params go, as a done job's payload does. */
export async function markMailSent(db: Db, claimed: ClaimedMail, meta: MailMetadata, now: Date): Promise<boolean> {
  const at = now.toISOString();
  const result = await holding(db, claimed)
    .set({
      state: "sent",
      params: "{}",
      subject: meta.subject,
      recipient_masked: meta.recipientMasked,
      locked_until: null,
      last_error: null,
      sent_at: at,
      updated_at: at,
    })
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Nothing to send any more (what it was about is gone or done). */
export async function markMailCancelled(db: Db, claimed: ClaimedMail, now: Date): Promise<void> {
  await holding(db, claimed)
    .set({ state: "cancelled", params: "{}", locked_until: null, updated_at: now.toISOString() })
    .execute();
}

/**
 * A failed attempt: queued again for `retryAt`, or failed for good when that is null. A
 * message whose params are personal keeps none once it has failed for good.
 */
export async function markMailAttemptFailed(
  db: Db,
  claimed: ClaimedMail,
  outcome: { error: string; retryAt: Date | null; personal: boolean; meta: MailMetadata | null; now: Date },
): Promise<void> {
  const { error, retryAt, personal, meta, now } = outcome;
  await holding(db, claimed)
    .set({
      state: retryAt ? "queued" : "failed",
      next_attempt_at: (retryAt ?? now).toISOString(),
      locked_until: null,
      last_error: error.slice(0, 2000),
      ...(meta ? { subject: meta.subject, recipient_masked: meta.recipientMasked } : {}),
      ...(retryAt === null && personal ? { params: "{}" } : {}),
      updated_at: now.toISOString(),
    })
    .execute();
}
