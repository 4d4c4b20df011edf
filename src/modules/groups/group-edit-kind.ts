import type { Db } from "../../db/index.ts";
import { now } from "../../db/portable.ts";
import type { GroupDetails } from "../../db/tables.ts";
import { localisedPath } from "../i18n/locales.ts";
import { forgetItemsWithoutRecord, itemsOfKind, submissionReaders, submitRecord } from "../moderation/kind-parts.ts";
import type { ModerationKind, Submission } from "../moderation/moderation-kinds.ts";
import { groupSubmission } from "./group-kind.ts";

/**
 * An organiser's change to their group's public details. It waits for a moderator while the
 * old version stays public; approving copies it into the group (keeping what it replaced,
 * so an undo puts that back); rejecting leaves the group as it was.
 */
export const GROUP_EDIT_KIND = "group-edit";

const DETAILS = ["name", "description_md", "town", "country", "latitude", "longitude"] as const;

/** Queues an edit; call it in the transaction that stores it. */
export async function submitGroupEditForModeration(db: Db, e: { editId: number; supporterId: number; locale: string }) {
  // The edit is new, but SQLite can hand out the id of a deleted one again: an item left by
  // that one (until forgetOrphans runs) would otherwise stand in for this edit's.
  await db
    .deleteFrom("moderation_items")
    .where("kind", "=", GROUP_EDIT_KIND)
    .where("subject_id", "=", e.editId)
    .execute();
  await submitRecord(db, GROUP_EDIT_KIND, { subjectId: e.editId, supporterId: e.supporterId, locale: e.locale });
}

function editRows(db: Db) {
  return itemsOfKind(db, GROUP_EDIT_KIND)
    .innerJoin("group_edits as e", "e.id", "m.subject_id")
    .innerJoin("groups as g", "g.id", "e.group_id")
    .select([
      "e.name",
      "e.description_md",
      "e.town",
      "e.country",
      "g.name as current_name",
      "g.slug",
      "g.status as group_status",
      "g.organiser_name",
    ]);
}

type EditRow = Awaited<ReturnType<ReturnType<typeof editRows>["execute"]>>[number];

function asSubmission(row: EditRow): Submission {
  return {
    ...groupSubmission(row),
    // The group as the public sees it now: the moderator can compare.
    about: row.group_status === "published" ? { label: row.current_name, href: `/groups/${row.slug}` } : null,
  };
}

const detailsOf = (row: GroupDetails): GroupDetails => ({
  name: row.name,
  description_md: row.description_md,
  town: row.town,
  country: row.country,
  latitude: row.latitude === null ? null : Number(row.latitude),
  longitude: row.longitude === null ? null : Number(row.longitude),
});

async function approve(db: Db, editId: number) {
  const edit = await db
    .selectFrom("group_edits")
    .select(["group_id", ...DETAILS])
    .where("id", "=", editId)
    .where("status", "=", "waiting")
    .executeTakeFirst();
  if (!edit) return;
  const group = await db.selectFrom("groups").select(DETAILS).where("id", "=", edit.group_id).executeTakeFirst();
  if (!group) return;
  const at = now();
  await db
    .updateTable("groups")
    .set({ ...detailsOf(edit), updated_at: at })
    .where("id", "=", edit.group_id)
    .execute();
  await db
    .updateTable("group_edits")
    .set({ status: "approved", previous: JSON.stringify(detailsOf(group)), updated_at: at })
    .where("id", "=", editId)
    .execute();
}

/** An undo: an approved edit's old details go back, unless the group has changed again since. */
async function putBack(db: Db, editId: number) {
  const edit = await db
    .selectFrom("group_edits")
    .select(["group_id", "status", "previous", "created_at", ...DETAILS])
    .where("id", "=", editId)
    .executeTakeFirst();
  if (!edit || edit.status === "waiting" || edit.status === "superseded") return;
  const at = now();
  if (edit.status === "approved" && edit.previous) {
    const group = await db.selectFrom("groups").select(DETAILS).where("id", "=", edit.group_id).executeTakeFirst();
    if (group && JSON.stringify(detailsOf(group)) === JSON.stringify(detailsOf(edit))) {
      await db
        .updateTable("groups")
        .set({ ...(JSON.parse(edit.previous) as GroupDetails), updated_at: at })
        .where("id", "=", edit.group_id)
        .execute();
    }
  }
  // Waiting again, unless the organiser has sent a newer edit since: that one is what they want now.
  const newer = await db
    .selectFrom("group_edits")
    .select("id")
    .where("group_id", "=", edit.group_id)
    .where("id", ">", editId)
    .executeTakeFirst();
  await db
    .updateTable("group_edits")
    .set({ status: newer ? "superseded" : "waiting", previous: null, updated_at: at })
    .where("id", "=", editId)
    .execute();
}

export const groupEditKind: ModerationKind = {
  name: GROUP_EDIT_KIND,
  label: "moderation.kind.groupEdit",
  ...submissionReaders({
    rows: editRows,
    // Only an edit still waiting is for the moderator to decide (not one a newer edit superseded).
    decidable: (rows) => rows.where("e.status", "=", "waiting"),
    asSubmission,
  }),
  async onDecision(db, item, status) {
    if (status === "approved") return approve(db, item.subject_id);
    if (status === "rejected") {
      await db
        .updateTable("group_edits")
        .set({ status: "rejected", updated_at: now() })
        .where("id", "=", item.subject_id)
        .where("status", "=", "waiting")
        .execute();
      return;
    }
    return putBack(db, item.subject_id);
  },
  mail: {
    approvedSubject: "mail.moderation.groupEdit.approvedSubject",
    approvedBody: "mail.moderation.groupEdit.approvedBody",
    rejectedSubject: "mail.moderation.groupEdit.rejectedSubject",
    rejectedBody: "mail.moderation.groupEdit.rejectedBody",
    button: "mail.moderation.groupEdit.button",
  },
  async mailValues(db, item, locale) {
    const row = await db
      .selectFrom("group_edits as e")
      .innerJoin("groups as g", "g.id", "e.group_id")
      .select(["g.name", "g.slug", "g.status"])
      .where("e.id", "=", item.subject_id)
      .executeTakeFirst();
    if (!row) return null;
    const path = row.status === "published" ? `/groups/${row.slug}` : "/groups";
    return { values: { title: row.name }, path: localisedPath(locale, path) };
  },
  forgetOrphans: (db) => forgetItemsWithoutRecord(db, GROUP_EDIT_KIND, "group_edits"),
};
