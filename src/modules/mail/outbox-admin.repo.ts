import type { Db } from "../../db/index.ts";
import type { MailState } from "../../db/tables.ts";
import { MAIL_STATES } from "./outbox.repo.ts";

/** How many messages are in each state. */
export async function countMailByState(db: Db): Promise<Record<MailState, number>> {
  const rows = await db
    .selectFrom("mail_outbox")
    .select((eb) => ["state", eb.fn.countAll().as("n")])
    .groupBy("state")
    .execute();
  const counts = Object.fromEntries(MAIL_STATES.map((s) => [s, 0])) as Record<MailState, number>;
  for (const row of rows) counts[row.state] = Number(row.n);
  return counts;
}

export interface FailedMail {
  id: number;
  kind: string;
  recipient_masked: string | null;
  subject: string | null;
  last_error: string | null;
  attempts: number;
  updated_at: string;
  /** False when its params were dropped (personal, failed for good): nothing left to send it from. */
  retryable: boolean;
}

/** The messages given up on, latest first; never a body or an address, only what identifies them. */
export async function listFailedMail(db: Db, limit = 100): Promise<FailedMail[]> {
  const rows = await db
    .selectFrom("mail_outbox")
    .select(["id", "kind", "recipient_masked", "subject", "last_error", "attempts", "updated_at", "params"])
    .where("state", "=", "failed")
    .orderBy("updated_at", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
  return rows.map(({ params, ...row }) => ({ ...row, retryable: params !== "{}" }));
}

/** How many more tries a retry from the admin gives a failed message. */
export const MANUAL_RETRY_ATTEMPTS = 3;

/**
 * Puts failed messages back in the queue, due now, with a few more attempts (the attempt
 * count keeps growing: a worker still holding an older claim cannot write over the new
 * one). `ids` undefined: every failed message that can be retried. Returns those it moved.
 */
export async function requeueFailedMail(
  db: Db,
  ids: number[] | undefined,
  now: Date,
): Promise<{ id: number; attempts: number; max_attempts: number }[]> {
  let query = db
    .updateTable("mail_outbox")
    .set((eb) => ({
      state: "queued",
      next_attempt_at: now.toISOString(),
      max_attempts: eb("attempts", "+", MANUAL_RETRY_ATTEMPTS),
      updated_at: now.toISOString(),
    }))
    .where("state", "=", "failed")
    .where("params", "!=", "{}");
  if (ids) query = query.where("id", "in", ids.length > 0 ? ids : [-1]);
  return query.returning(["id", "attempts", "max_attempts"]).execute();
}
