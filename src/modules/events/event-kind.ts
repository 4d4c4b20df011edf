import type { Db } from "../../db/index.ts";
import { localisedPath } from "../i18n/locales.ts";
import { submitForModeration } from "../moderation/moderation.repo.ts";
import type { ModerationKind, Submission } from "../moderation/moderation-kinds.ts";

/**
 * Events hosts submit: waiting until a moderator approves them, then published. Unlike
 * comments, the event's own status says whether it is public (its pages and feed read it),
 * so a decision (or its undo) sets that status too.
 */
export const EVENT_KIND = "event";

/** Queues a submitted event; call it in the transaction that stores it. */
export async function submitEvent(db: Db, e: { eventId: number; supporterId: number; locale: string }) {
  await submitForModeration(db, {
    kind: EVENT_KIND,
    subjectId: e.eventId,
    scopeId: null,
    supporterId: e.supporterId,
    locale: e.locale,
  });
}

function eventRows(db: Db) {
  return db
    .selectFrom("moderation_items as m")
    .innerJoin("events as ev", "ev.id", "m.subject_id")
    .select([
      "m.id",
      "m.locale",
      "m.submitted_at",
      "ev.title",
      "ev.description_md",
      "ev.host_name",
      "ev.country",
      "ev.slug",
      "ev.starts_at",
      "ev.town",
    ])
    .where("m.kind", "=", EVENT_KIND);
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

export const eventKind: ModerationKind = {
  name: EVENT_KIND,
  label: "moderation.kind.event",
  async countWaiting(db) {
    const row = await eventRows(db)
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("m.status", "=", "waiting")
      .where("ev.status", "=", "waiting")
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  },
  async listWaiting(db, limit) {
    const rows = await eventRows(db)
      .where("m.status", "=", "waiting")
      .where("ev.status", "=", "waiting")
      .orderBy("m.submitted_at")
      .orderBy("m.id")
      .limit(limit)
      .execute();
    return rows.map(asSubmission);
  },
  async show(db, itemIds) {
    if (itemIds.length === 0) return new Map();
    const rows = await eventRows(db).where("m.id", "in", itemIds).execute();
    return new Map(rows.map((r) => [r.id, asSubmission(r)]));
  },
  async onDecision(db, item, status) {
    const next = status === "approved" ? "published" : status === "rejected" ? "rejected" : "waiting";
    await db
      .updateTable("events")
      .set({ status: next, updated_at: new Date().toISOString() })
      .where("id", "=", item.subject_id)
      // A cancelled event stays cancelled whatever happens to its decision.
      .where("status", "!=", "cancelled")
      .execute();
  },
  mail: {
    approvedSubject: "mail.moderation.event.approvedSubject",
    approvedBody: "mail.moderation.event.approvedBody",
    rejectedSubject: "mail.moderation.event.rejectedSubject",
    rejectedBody: "mail.moderation.event.rejectedBody",
    button: "mail.moderation.event.button",
  },
  async mailValues(db, item, locale) {
    const row = await db
      .selectFrom("events")
      .select(["title", "slug"])
      .where("id", "=", item.subject_id)
      .executeTakeFirst();
    if (!row) return null;
    const path = item.status === "approved" ? `/events/${row.slug}` : "/events";
    return { values: { title: row.title }, path: localisedPath(locale, path) };
  },
  async forgetOrphans(db) {
    const result = await db
      .deleteFrom("moderation_items")
      .where("kind", "=", EVENT_KIND)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb.selectFrom("events").select("events.id").whereRef("events.id", "=", "moderation_items.subject_id"),
          ),
        ),
      )
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  },
};
