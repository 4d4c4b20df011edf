import type { Db } from "../../db/index.ts";
import { queueGroupClaimMail } from "../groups/group-claims.ts";
import { itemsOfKind, recordKind, setRecordStatus, submitRecord } from "../moderation/kind-parts.ts";
import type { Submission } from "../moderation/moderation-kinds.ts";

/**
 * Events hosts submit: waiting until a moderator approves them, then published. Unlike
 * comments, the event's own status says whether it is public (its pages and feed read it),
 * so a decision (or its undo) sets that status too.
 */
export const EVENT_KIND = "event";

/** Queues a submitted event; call it in the transaction that stores it. */
export async function submitEvent(db: Db, e: { eventId: number; supporterId: number; locale: string }) {
  await submitRecord(db, EVENT_KIND, { subjectId: e.eventId, supporterId: e.supporterId, locale: e.locale });
}

function eventRows(db: Db) {
  return itemsOfKind(db, EVENT_KIND)
    .innerJoin("events as ev", "ev.id", "m.subject_id")
    .select(["ev.title", "ev.description_md", "ev.host_name", "ev.country", "ev.slug", "ev.starts_at", "ev.town"]);
}

type EventRow = Awaited<ReturnType<ReturnType<typeof eventRows>["execute"]>>[number];

function asSubmission(row: EventRow): Submission {
  return {
    itemId: row.id,
    title: row.title,
    text: row.description_md,
    author: row.host_name,
    country: row.country,
    about: null,
    locale: row.locale,
    submittedAt: row.submitted_at,
  };
}

export const eventKind = recordKind({
  name: EVENT_KIND,
  label: "moderation.kind.event",
  table: "events",
  titleColumn: "title",
  listPath: "/events",
  rows: eventRows,
  decidable: (rows) => rows.where("ev.status", "=", "waiting"),
  asSubmission,
  async onDecision(db, item, status) {
    // A cancelled event stays cancelled whatever happens to its decision.
    await setRecordStatus(db, "events", item, status, "cancelled");
    // The group the host named is asked only once a moderator has let the event in (group-claims.ts).
    if (status === "approved") await queueGroupClaimMail(db, item.subject_id);
  },
  mail: {
    approvedSubject: "mail.moderation.event.approvedSubject",
    approvedBody: "mail.moderation.event.approvedBody",
    rejectedSubject: "mail.moderation.event.rejectedSubject",
    rejectedBody: "mail.moderation.event.rejectedBody",
    button: "mail.moderation.event.button",
  },
});
