import type { Db } from "../../db/index.ts";
import { now } from "../../db/portable.ts";
import type { ModerationStatus } from "../../db/tables.ts";

export interface ModerationItem {
  id: number;
  kind: string;
  subject_id: number;
  scope_id: number | null;
  supporter_id: number | null;
  locale: string;
  status: ModerationStatus;
  submitted_at: string;
  decided_at: string | null;
  decided_by: number | null;
  reason: string | null;
  note: string | null;
}

export interface NewSubmission {
  kind: string;
  subjectId: number;
  scopeId: number | null;
  supporterId: number | null;
  locale: string;
}

/** Puts something the public sent in the queue; call it in the transaction that stores it. */
export async function submitForModeration(db: Db, s: NewSubmission): Promise<void> {
  await db
    .insertInto("moderation_items")
    .values({
      kind: s.kind,
      subject_id: s.subjectId,
      scope_id: s.scopeId,
      supporter_id: s.supporterId,
      locale: s.locale,
      status: "waiting",
      submitted_at: now(),
      decided_at: null,
      decided_by: null,
      reason: null,
      note: null,
    })
    .onConflict((oc) => oc.columns(["kind", "subject_id"]).doNothing())
    .execute();
}

export async function findItem(db: Db, id: number): Promise<ModerationItem | undefined> {
  return db.selectFrom("moderation_items").selectAll().where("id", "=", id).executeTakeFirst();
}

/**
 * Decides a waiting item. Only a waiting item can be decided, so two moderators pressing at
 * once end with one decision: the other gets undefined.
 */
export async function decideItem(
  db: Db,
  id: number,
  decision: { status: "approved" | "rejected"; staffUserId: number; reason: string | null; note: string | null },
): Promise<ModerationItem | undefined> {
  return db
    .updateTable("moderation_items")
    .set({
      status: decision.status,
      decided_at: now(),
      decided_by: decision.staffUserId,
      reason: decision.reason,
      note: decision.note,
    })
    .where("id", "=", id)
    .where("status", "=", "waiting")
    .returningAll()
    .executeTakeFirst();
}

/** Puts a decided item back in the queue, as if never decided; undefined if it was waiting. */
export async function requeueItem(db: Db, id: number): Promise<ModerationItem | undefined> {
  return db
    .updateTable("moderation_items")
    .set({ status: "waiting", decided_at: null, decided_by: null, reason: null, note: null })
    .where("id", "=", id)
    .where("status", "!=", "waiting")
    .returningAll()
    .executeTakeFirst();
}

/** The latest decisions, newest first, with the name of who took each. */
export async function recentDecisions(db: Db, limit: number) {
  return db
    .selectFrom("moderation_items")
    .leftJoin("staff_users", "staff_users.id", "moderation_items.decided_by")
    .selectAll("moderation_items")
    .select("staff_users.name as decided_by_name")
    .where("moderation_items.status", "!=", "waiting")
    .where("moderation_items.decided_at", "is not", null)
    .orderBy("moderation_items.decided_at", "desc")
    .orderBy("moderation_items.id", "desc")
    .limit(limit)
    .execute();
}

/** Everything one supporter sent for moderation, for their export. */
export async function submissionsOf(db: Db, supporterId: number) {
  return db
    .selectFrom("moderation_items")
    .select(["kind", "status", "reason", "note", "submitted_at", "decided_at"])
    .where("supporter_id", "=", supporterId)
    .orderBy("submitted_at")
    .execute();
}

/** Erasure: a supporter's queue items go (their submissions are blanked by their own modules). */
export async function forgetSubmissionsOf(db: Db, supporterId: number): Promise<void> {
  await db.deleteFrom("moderation_items").where("supporter_id", "=", supporterId).execute();
}
