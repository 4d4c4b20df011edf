import type { Db, Dialect } from "../../db/index.ts";
import { emailDomainOf, forUpdate, now } from "../../db/portable.ts";
import type { InvalidationKind } from "../../db/tables.ts";
import { adjustCounts } from "./counts.repo.ts";

/** How much of a network hash a batch keeps and the admin shows. */
export const NETWORK_SHOWN = 8;

/** Which signatures a batch takes: one petition's, from one network or email domain, since a time. */
export interface BatchCriteria {
  campaignId: number;
  kind: InvalidationKind;
  value: string;
  since: string;
}

export interface BatchResult {
  batchId: number | null;
  /** How many signatures changed status. */
  signatures: number;
  /** How many of them had been counted (confirmed), per country. */
  counted: { country: string; change: number }[];
}

/**
 * Invalidates every pending or confirmed signature that matches, as one batch that remembers
 * each signature's status, and takes the confirmed ones off the counts. Run it in a
 * transaction: the signatures are locked as they are chosen, so a confirmation racing it either
 * lands first (and is taken off the count) or finds the signature no longer pending.
 */
export async function invalidateBatch(
  db: Db,
  dialect: Dialect,
  criteria: BatchCriteria,
  staffUserId: number,
): Promise<BatchResult> {
  let matching = db
    .selectFrom("signatures")
    .select(["signatures.id", "signatures.status", "signatures.country"])
    .where("signatures.campaign_id", "=", criteria.campaignId)
    .where("signatures.created_at", ">=", criteria.since)
    .where("signatures.status", "in", ["pending", "confirmed"]);
  if (criteria.kind === "network") {
    matching = matching.where("signatures.network_hash", "=", criteria.value);
  } else {
    const domain = emailDomainOf(dialect, "supporters.email_canonical");
    matching = matching.where((eb) =>
      eb.exists(
        eb
          .selectFrom("supporters")
          .select("supporters.id")
          .whereRef("supporters.id", "=", "signatures.supporter_id")
          .where(domain, "=", criteria.value),
      ),
    );
  }
  const chosen = await forUpdate(matching, dialect).execute();
  if (chosen.length === 0) return { batchId: null, signatures: 0, counted: [] };

  const batch = await db
    .insertInto("invalidation_batches")
    .values({
      campaign_id: criteria.campaignId,
      kind: criteria.kind,
      // Only enough of a network hash to tell batches apart: the full hash is not kept
      // beyond its signatures' (retention erases those), and the batch restores by its rows.
      value: criteria.kind === "network" ? criteria.value.slice(0, NETWORK_SHOWN) : criteria.value,
      since: criteria.since,
      signatures: chosen.length,
      created_by: staffUserId,
      created_at: now(),
      restored_by: null,
      restored_at: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  // In slices: a flood of thousands stays within every engine's limit on bound parameters.
  for (let i = 0; i < chosen.length; i += 500) {
    const slice = chosen.slice(i, i + 500);
    await db
      .insertInto("invalidated_signatures")
      .values(
        slice.map((s) => ({
          batch_id: batch.id,
          signature_id: s.id,
          previous_status: s.status === "confirmed" ? ("confirmed" as const) : ("pending" as const),
        })),
      )
      .execute();
    await db
      .updateTable("signatures")
      .set({ status: "invalidated" })
      .where(
        "id",
        "in",
        slice.map((s) => s.id),
      )
      .execute();
  }
  const counted = perCountry(chosen.filter((s) => s.status === "confirmed"));
  await adjustCounts(
    db,
    criteria.campaignId,
    counted.map((c) => ({ country: c.country, change: -c.change })),
  );
  return { batchId: batch.id, signatures: chosen.length, counted };
}

function perCountry(rows: { country: string }[]): { country: string; change: number }[] {
  const by = new Map<string, number>();
  for (const r of rows) by.set(r.country, (by.get(r.country) ?? 0) + 1);
  return [...by].map(([country, change]) => ({ country, change }));
}

/**
 * Gives a batch's signatures back the status each had, and puts the confirmed ones back on
 * the counts. Only signatures still invalidated come back (one erased or deleted since has
 * gone for good). Null when there is no such batch waiting to be restored.
 */
export async function restoreBatch(
  db: Db,
  dialect: Dialect,
  campaignId: number,
  batchId: number,
  staffUserId: number,
): Promise<{ signatures: number; counted: { country: string; change: number }[] } | null> {
  const batch = await forUpdate(
    db
      .selectFrom("invalidation_batches")
      .select(["id"])
      .where("id", "=", batchId)
      .where("campaign_id", "=", campaignId)
      .where("restored_at", "is", null),
    dialect,
  ).executeTakeFirst();
  if (!batch) return null;
  const members = await forUpdate(
    db
      .selectFrom("invalidated_signatures")
      .innerJoin("signatures", "signatures.id", "invalidated_signatures.signature_id")
      .select(["signatures.id", "signatures.country", "invalidated_signatures.previous_status"])
      .where("invalidated_signatures.batch_id", "=", batchId)
      .where("signatures.status", "=", "invalidated"),
    dialect,
  ).execute();
  for (const status of ["pending", "confirmed"] as const) {
    const ids = members.filter((m) => m.previous_status === status).map((m) => m.id);
    for (let i = 0; i < ids.length; i += 500) {
      await db
        .updateTable("signatures")
        .set({ status })
        .where("id", "in", ids.slice(i, i + 500))
        .where("status", "=", "invalidated")
        .execute();
    }
  }
  const counted = perCountry(members.filter((m) => m.previous_status === "confirmed"));
  await adjustCounts(db, campaignId, counted);
  await db
    .updateTable("invalidation_batches")
    .set({ restored_at: now(), restored_by: staffUserId })
    .where("id", "=", batchId)
    .execute();
  return { signatures: members.length, counted };
}

/** A petition's batches, newest first, with who made and restored each. */
export async function listBatches(db: Db, campaignId: number, limit = 50) {
  return db
    .selectFrom("invalidation_batches as b")
    .leftJoin("staff_users as made", "made.id", "b.created_by")
    .leftJoin("staff_users as back", "back.id", "b.restored_by")
    .select([
      "b.id",
      "b.kind",
      "b.value",
      "b.since",
      "b.signatures",
      "b.created_at",
      "b.restored_at",
      "made.name as created_by_name",
      "back.name as restored_by_name",
    ])
    .where("b.campaign_id", "=", campaignId)
    .orderBy("b.id", "desc")
    .limit(limit)
    .execute();
}
