import type { Db, Dialect } from "./index.ts";
import { skipLocked } from "./portable.ts";

/**
 * The tables of things sent with retries (mail, webhook deliveries): a row waits "queued"
 * until `next_attempt_at`, and is "sending" while one sender holds it until `locked_until`.
 */
export type LeasedTable = "mail_outbox" | "webhook_deliveries";

/**
 * Takes up to `limit` rows that are due: queued ones whose time has come, and ones whose
 * sender stopped mid-send (their lease ran out). Each is marked sending, held for `leaseMs`
 * and counted as one more attempt; returns their ids. Two senders never take the same row
 * (SKIP LOCKED on PostgreSQL, the one writer on SQLite). Call it inside a transaction.
 */
export async function claimDue(
  trx: Db,
  dialect: Dialect,
  table: LeasedTable,
  { limit, leaseMs, now }: { limit: number; leaseMs: number; now: Date },
): Promise<number[]> {
  const at = now.toISOString();
  const due = await skipLocked(
    trx
      .selectFrom(table)
      .select("id")
      .where((eb) =>
        eb.or([
          eb.and([eb("state", "=", "queued"), eb("next_attempt_at", "<=", at)]),
          eb.and([eb("state", "=", "sending"), eb("locked_until", "<", at)]),
        ]),
      )
      .orderBy("next_attempt_at")
      .orderBy("id")
      .limit(limit),
    dialect,
  ).execute();
  if (due.length === 0) return [];
  const ids = due.map((d) => d.id);
  await trx
    .updateTable(table)
    .set((eb) => ({
      state: "sending",
      locked_until: new Date(now.getTime() + leaseMs).toISOString(),
      attempts: eb("attempts", "+", 1),
      updated_at: at,
    }))
    .where("id", "in", ids)
    .execute();
  return ids;
}
