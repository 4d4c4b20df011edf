import type { Db } from "../../db/index.ts";
import { localisedPath } from "../i18n/locales.ts";
import { submitForModeration } from "../moderation/moderation.repo.ts";
import type { ModerationKind, Submission } from "../moderation/moderation-kinds.ts";

/**
 * Requests to start a group: waiting until a moderator approves them, then published. The
 * group's own status says whether it is public, so a decision (or its undo) sets it; a
 * group staff unpublished later is left alone by an undo of its old decision.
 */
export const GROUP_KIND = "group";

/** Queues a group request; call it in the transaction that stores it. */
export async function submitGroupForModeration(db: Db, g: { groupId: number; supporterId: number; locale: string }) {
  await submitForModeration(db, {
    kind: GROUP_KIND,
    subjectId: g.groupId,
    scopeId: null,
    supporterId: g.supporterId,
    locale: g.locale,
  });
}

function groupRows(db: Db) {
  return db
    .selectFrom("moderation_items as m")
    .innerJoin("groups as g", "g.id", "m.subject_id")
    .select([
      "m.id",
      "m.locale",
      "m.submitted_at",
      "g.name",
      "g.description_md",
      "g.organiser_name",
      "g.town",
      "g.country",
    ])
    .where("m.kind", "=", GROUP_KIND);
}

type GroupRow = Awaited<ReturnType<ReturnType<typeof groupRows>["execute"]>>[number];

function asSubmission(row: GroupRow): Submission {
  return {
    itemId: row.id,
    title: `${row.name} (${row.town})`,
    text: row.description_md,
    author: row.organiser_name.split(" ")[0] ?? "",
    country: row.country,
    about: null,
    locale: row.locale,
    submittedAt: row.submitted_at,
  };
}

export const groupKind: ModerationKind = {
  name: GROUP_KIND,
  label: "moderation.kind.group",
  async countWaiting(db) {
    const row = await groupRows(db)
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("m.status", "=", "waiting")
      .where("g.status", "=", "waiting")
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  },
  async listWaiting(db, limit) {
    const rows = await groupRows(db)
      .where("m.status", "=", "waiting")
      .where("g.status", "=", "waiting")
      .orderBy("m.submitted_at")
      .orderBy("m.id")
      .limit(limit)
      .execute();
    return rows.map(asSubmission);
  },
  async show(db, itemIds) {
    if (itemIds.length === 0) return new Map();
    const rows = await groupRows(db).where("m.id", "in", itemIds).execute();
    return new Map(rows.map((r) => [r.id, asSubmission(r)]));
  },
  async onDecision(db, item, status) {
    const next = status === "approved" ? "published" : status === "rejected" ? "rejected" : "waiting";
    await db
      .updateTable("groups")
      .set({ status: next, updated_at: new Date().toISOString() })
      .where("id", "=", item.subject_id)
      .where("status", "!=", "unpublished")
      .execute();
  },
  mail: {
    approvedSubject: "mail.moderation.group.approvedSubject",
    approvedBody: "mail.moderation.group.approvedBody",
    rejectedSubject: "mail.moderation.group.rejectedSubject",
    rejectedBody: "mail.moderation.group.rejectedBody",
    button: "mail.moderation.group.button",
  },
  async mailValues(db, item, locale) {
    const row = await db
      .selectFrom("groups")
      .select(["name", "slug"])
      .where("id", "=", item.subject_id)
      .executeTakeFirst();
    if (!row) return null;
    const path = item.status === "approved" ? `/groups/${row.slug}` : "/groups";
    return { values: { title: row.name }, path: localisedPath(locale, path) };
  },
  async forgetOrphans(db) {
    const result = await db
      .deleteFrom("moderation_items")
      .where("kind", "=", GROUP_KIND)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb.selectFrom("groups").select("groups.id").whereRef("groups.id", "=", "moderation_items.subject_id"),
          ),
        ),
      )
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  },
};
