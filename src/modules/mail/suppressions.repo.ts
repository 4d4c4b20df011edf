import { createHmac } from "node:crypto";
import type { Db } from "../../db/index.ts";
import type { SuppressionReason } from "../../db/tables.ts";
import { canonicalEmail } from "../supporters/email.ts";

/**
 * The suppression list's key for an address: an HMAC of its canonical form under a key
 * derived from SECRET_KEY, so the list holds no readable address and cannot be reversed
 * with a list of guesses by someone without the key. (A new SECRET_KEY starts it afresh.)
 */
export function suppressionHash(secretKey: string, email: string): string {
  return createHmac("sha256", secretKey)
    .update(`suppression:${canonicalEmail(email)}`)
    .digest("hex");
}

export interface Suppression {
  reason: SuppressionReason;
  source: "admin" | "webhook";
  staffUserId?: number | null;
  now?: Date;
}

/** Puts an address on the list; already there: kept as it was. Returns whether it is new. */
export async function suppressAddress(db: Db, secretKey: string, email: string, s: Suppression): Promise<boolean> {
  const inserted = await db
    .insertInto("mail_suppressions")
    .values({
      email_hash: suppressionHash(secretKey, email),
      reason: s.reason,
      source: s.source,
      created_by: s.staffUserId ?? null,
      created_at: (s.now ?? new Date()).toISOString(),
    })
    .onConflict((oc) => oc.column("email_hash").doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Takes an address off the list. Returns whether it was on it. */
export async function unsuppressAddress(db: Db, secretKey: string, email: string): Promise<boolean> {
  const result = await db
    .deleteFrom("mail_suppressions")
    .where("email_hash", "=", suppressionHash(secretKey, email))
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Whether no email may go to this address. */
export async function isSuppressed(db: Db, secretKey: string, email: string): Promise<boolean> {
  const row = await db
    .selectFrom("mail_suppressions")
    .select("email_hash")
    .where("email_hash", "=", suppressionHash(secretKey, email))
    .executeTakeFirst();
  return row !== undefined;
}

/** How many addresses are on the list, by reason. */
export async function countSuppressions(db: Db): Promise<Record<SuppressionReason, number>> {
  const rows = await db
    .selectFrom("mail_suppressions")
    .select((eb) => ["reason", eb.fn.countAll().as("n")])
    .groupBy("reason")
    .execute();
  const counts: Record<SuppressionReason, number> = { bounce: 0, complaint: 0, manual: 0 };
  for (const row of rows) counts[row.reason] = Number(row.n);
  return counts;
}
