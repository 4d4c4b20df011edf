import type { Db, Dialect } from "../../db/index.ts";
import { forUpdate, now } from "../../db/portable.ts";
import type { HoldReason } from "../../db/tables.ts";
import { queueMail } from "../mail/outbox.repo.ts";
import { adjustCounts } from "../petitions/counts.repo.ts";

/** The reasons in the order the admin lists them. */
export const HOLD_REASONS: readonly HoldReason[] = ["blocked", "honeypot", "too-fast", "challenge"];

/** Notes a signature just written as "invalidated" as held back, with what it becomes if released. */
export async function holdSignature(
  db: Db,
  hold: { signatureId: number; campaignId: number; reason: HoldReason; releaseStatus: "pending" | "confirmed" },
): Promise<void> {
  await db
    .insertInto("held_signatures")
    .values({
      signature_id: hold.signatureId,
      campaign_id: hold.campaignId,
      reason: hold.reason,
      release_status: hold.releaseStatus,
      held_at: now(),
      released_by: null,
      released_at: null,
    })
    .execute();
}

/** How many of a petition's signatures wait held back, by reason (only reasons with some). */
export async function countHeld(db: Db, campaignId: number): Promise<{ reason: HoldReason; count: number }[]> {
  const rows = await db
    .selectFrom("held_signatures")
    .select(["reason", (eb) => eb.fn.countAll<number>().as("n")])
    .where("campaign_id", "=", campaignId)
    .where("released_at", "is", null)
    .groupBy("reason")
    .execute();
  return HOLD_REASONS.flatMap((reason) => {
    const count = Number(rows.find((r) => r.reason === reason)?.n ?? 0);
    return count > 0 ? [{ reason, count }] : [];
  });
}

/** The email that asks a released signer to confirm (kind of the petitions module's outbox mail). */
const MAIL_SIGNATURE_CONFIRMATION = "signature-confirmation";

/**
 * Releases a petition's signatures held for one reason: each gets the status it would have had
 * (counted at once on an instant petition, else waiting for its confirmation email, which is
 * queued now); the counts move in the same transaction. Run it in a transaction.
 */
export async function releaseHeld(
  db: Db,
  dialect: Dialect,
  campaignId: number,
  reason: HoldReason,
  staffUserId: number,
): Promise<{ released: number; counted: number }> {
  const held = await forUpdate(
    db
      .selectFrom("held_signatures as h")
      .innerJoin("signatures as s", "s.id", "h.signature_id")
      .select(["s.id", "s.country", "s.supporter_id", "h.release_status"])
      .where("h.campaign_id", "=", campaignId)
      .where("h.reason", "=", reason)
      .where("h.released_at", "is", null)
      .where("s.status", "=", "invalidated"),
    dialect,
  ).execute();
  if (held.length === 0) return { released: 0, counted: 0 };
  const at = now();
  for (const status of ["pending", "confirmed"] as const) {
    const ids = held.filter((h) => h.release_status === status).map((h) => h.id);
    for (let i = 0; i < ids.length; i += 500) {
      const slice = ids.slice(i, i + 500);
      await db
        .updateTable("signatures")
        .set(status === "confirmed" ? { status, confirmed_at: at } : { status })
        .where("id", "in", slice)
        .where("status", "=", "invalidated")
        .execute();
      await db
        .updateTable("held_signatures")
        .set({ released_at: at, released_by: staffUserId })
        .where("signature_id", "in", slice)
        .execute();
    }
  }
  for (const h of held.filter((h) => h.release_status === "pending")) {
    await queueMail(db, {
      kind: MAIL_SIGNATURE_CONFIRMATION,
      params: { signatureId: h.id },
      idempotencyKey: `confirm:${h.id}`,
      supporterId: h.supporter_id,
    });
  }
  const byCountry = new Map<string, number>();
  for (const h of held) {
    if (h.release_status === "confirmed") byCountry.set(h.country, (byCountry.get(h.country) ?? 0) + 1);
  }
  await adjustCounts(
    db,
    campaignId,
    [...byCountry].map(([country, change]) => ({ country, change })),
  );
  const counted = [...byCountry.values()].reduce((a, b) => a + b, 0);
  return { released: held.length, counted };
}

/**
 * Deletes a supporter's signature of a petition if it is held back and not released, so that
 * a submission that passed every check can take its place. True when there was one.
 */
export async function dropHeldSignature(db: Db, campaignId: number, supporterId: number): Promise<boolean> {
  const result = await db
    .deleteFrom("signatures")
    .where("campaign_id", "=", campaignId)
    .where("supporter_id", "=", supporterId)
    .where("status", "=", "invalidated")
    .where("id", "in", (eb) => eb.selectFrom("held_signatures").select("signature_id").where("released_at", "is", null))
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
