import type { Db } from "../../db/index.ts";
import { itemsOfKind, recordKind, setRecordStatus, submitRecord } from "../moderation/kind-parts.ts";
import type { Submission } from "../moderation/moderation-kinds.ts";

/**
 * Requests to start a group: waiting until a moderator approves them, then published. The
 * group's own status says whether it is public, so a decision (or its undo) sets it; a
 * group staff unpublished later is left alone by an undo of its old decision.
 */
export const GROUP_KIND = "group";

/** Queues a group request; call it in the transaction that stores it. */
export async function submitGroupForModeration(db: Db, g: { groupId: number; supporterId: number; locale: string }) {
  await submitRecord(db, GROUP_KIND, { subjectId: g.groupId, supporterId: g.supporterId, locale: g.locale });
}

function groupRows(db: Db) {
  return itemsOfKind(db, GROUP_KIND)
    .innerJoin("groups as g", "g.id", "m.subject_id")
    .select(["g.name", "g.description_md", "g.organiser_name", "g.town", "g.country"]);
}

type GroupRow = Awaited<ReturnType<ReturnType<typeof groupRows>["execute"]>>[number];

/** A group's details as the moderator reads them: the name and town, the description, the organiser's first name. */
export function groupSubmission(row: GroupRow): Submission {
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

export const groupKind = recordKind({
  name: GROUP_KIND,
  label: "moderation.kind.group",
  table: "groups",
  titleColumn: "name",
  listPath: "/groups",
  rows: groupRows,
  decidable: (rows) => rows.where("g.status", "=", "waiting"),
  asSubmission: groupSubmission,
  onDecision: (db, item, status) => setRecordStatus(db, "groups", item, status, "unpublished"),
  mail: {
    approvedSubject: "mail.moderation.group.approvedSubject",
    approvedBody: "mail.moderation.group.approvedBody",
    rejectedSubject: "mail.moderation.group.rejectedSubject",
    rejectedBody: "mail.moderation.group.rejectedBody",
    button: "mail.moderation.group.button",
  },
});
