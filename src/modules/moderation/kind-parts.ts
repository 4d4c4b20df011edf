import { sql } from "kysely";
import type { Db } from "../../db/index.ts";
import type { ModerationStatus } from "../../db/tables.ts";
import { localisedPath } from "../i18n/locales.ts";
import type { ModerationItem } from "./moderation.repo.ts";
import { submitForModeration } from "./moderation.repo.ts";
import type { ModerationKind, Submission } from "./moderation-kinds.ts";

/**
 * The parts most kinds share, so that a kind says only what is its own: which rows it
 * reads, which of them a moderator can decide, and how a row reads as a submission.
 */

/** A kind's items as `moderation_items as m`, with what every kind reads of them, to join with what they point at. */
export function itemsOfKind(db: Db, kind: string) {
  return db
    .selectFrom("moderation_items as m")
    .select(["m.id", "m.locale", "m.submitted_at"])
    .where("m.kind", "=", kind);
}

/** What every kind reads of its items. */
type ItemRow = { id: number; locale: string; submitted_at: string };

export interface SubmissionSource<Q, Row extends ItemRow> {
  /** The kind's items (`moderation_items as m`, with `m.id`) joined with what they point at. */
  rows(db: Db): Q;
  /** Narrows the rows to those a moderator can decide now, beyond the item waiting. */
  decidable?(rows: Q): Q;
  asSubmission(row: Row): Submission;
}

/** How a kind counts, lists (oldest first) and shows its submissions, from its rows. */
export function submissionReaders<Q extends { execute(): Promise<Row[]> }, Row extends ItemRow>(
  source: SubmissionSource<Q, Row>,
): Pick<ModerationKind, "countWaiting" | "listWaiting" | "show"> {
  // Every kind's rows start from `moderation_items as m`, which is all these queries add to.
  const items = (rows: Q) => rows as unknown as ReturnType<typeof itemsOfKind>;
  const waiting = (db: Db) => {
    const rows = source.rows(db);
    return items(source.decidable ? source.decidable(rows) : rows).where("m.status", "=", "waiting");
  };
  return {
    async countWaiting(db) {
      const row = await waiting(db)
        .clearSelect()
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },
    async listWaiting(db, limit) {
      const rows = await waiting(db).orderBy("m.submitted_at").orderBy("m.id").limit(limit).execute();
      return (rows as Row[]).map(source.asSubmission);
    },
    async show(db, itemIds) {
      if (itemIds.length === 0) return new Map();
      const rows = (await items(source.rows(db)).where("m.id", "in", itemIds).execute()) as Row[];
      return new Map(rows.map((r) => [r.id, source.asSubmission(r)]));
    },
  };
}

/** The tables whose rows are themselves what the public submits (a group, an event, a story). */
export type RecordTable = "groups" | "events" | "stories";

/** Queues a record the public submitted (no scope); call it in the transaction that stores it. */
export async function submitRecord(
  db: Db,
  kind: string,
  record: { subjectId: number; supporterId: number; locale: string },
): Promise<void> {
  await submitForModeration(db, { kind, scopeId: null, ...record });
}

/** The status a submitted record takes when its item is decided, or put back as waiting by an undo. */
export function recordStatusAfter(status: ModerationStatus): "published" | "rejected" | "waiting" {
  return status === "approved" ? "published" : status === "rejected" ? "rejected" : "waiting";
}

/**
 * Sets a submitted record's status after a decision (or its undo), leaving it alone when
 * staff have since put it in `kept` (an unpublished group, a cancelled event).
 */
export async function setRecordStatus(
  db: Db,
  table: "groups" | "events",
  item: ModerationItem,
  status: ModerationStatus,
  kept: "unpublished" | "cancelled",
): Promise<void> {
  await db
    .updateTable(table)
    .set({ status: recordStatusAfter(status), updated_at: new Date().toISOString() })
    .where("id", "=", item.subject_id)
    .where("status", "!=", kept)
    .execute();
}

/**
 * A kind whose submissions are records with their own public page (a group, an event, a
 * story): its items are counted, listed and shown from its rows; the decision email
 * names the record (its `titleColumn`) and links to its page under `listPath` once
 * approved, otherwise to the list; items whose record is gone are dropped.
 */
export function recordKind<Q extends { execute(): Promise<Row[]> }, Row extends ItemRow>(
  spec: SubmissionSource<Q, Row> &
    Pick<ModerationKind, "name" | "label" | "onDecision" | "mail"> & {
      table: RecordTable;
      /** The column that names a record: a group's name, an event's or a story's title. */
      titleColumn: "name" | "title";
      listPath: "/groups" | "/events" | "/stories";
    },
): ModerationKind {
  const { rows, decidable, asSubmission, name, label, onDecision, mail, table, titleColumn, listPath } = spec;
  return {
    name,
    label,
    ...submissionReaders({ rows, decidable, asSubmission }),
    onDecision,
    mail,
    async mailValues(db, item, locale) {
      const record = await db
        // Typed as one of them: each has the id, slug and naming column that are all this reads.
        .selectFrom(table as "events")
        .select([sql<string>`${sql.ref(titleColumn)}`.as("title"), "slug"])
        .where("id", "=", item.subject_id)
        .executeTakeFirst();
      if (!record) return null;
      const path = item.status === "approved" ? `${listPath}/${record.slug}` : listPath;
      return { values: { title: record.title }, path: localisedPath(locale, path) };
    },
    forgetOrphans: (db) => forgetItemsWithoutRecord(db, name, table),
  };
}

/** Drops the kind's items whose record is gone (retention, erasure). */
export async function forgetItemsWithoutRecord(
  db: Db,
  kind: string,
  table: RecordTable | "group_edits",
): Promise<number> {
  const result = await db
    .deleteFrom("moderation_items")
    .where("kind", "=", kind)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            // Typed as one of them: each has the `id` that is all this reads.
            .selectFrom(`${table} as r` as "groups as r")
            .select("r.id")
            .whereRef("r.id", "=", "moderation_items.subject_id"),
        ),
      ),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
