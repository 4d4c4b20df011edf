import type { Insertable, InsertObject } from "kysely";
import type { Db } from "../../db/index.ts";
import { now } from "../../db/portable.ts";
import type { Tables } from "../../db/tables.ts";
import type { Deps } from "../../deps.ts";
import { NotFoundError } from "../../errors.ts";
import { recordAudit } from "../admin/audit.repo.ts";
import type { EntryProblem } from "./entry-input.ts";

/** The lists campaigners edit entry by entry: take-action items and Learn resources. */
export type EntryTableName = "take_action_items" | "learn_resources";

/** An entry's columns as its form gives them (the id and timestamps are the store's). */
export type EntryRow<T extends EntryTableName> = Omit<Insertable<Tables[T]>, "id" | "created_at" | "updated_at">;

/** One kind of entry: its table, how the audit log names it, and how to read one back. */
export interface EntryKind<T extends EntryTableName, Entry> {
  table: T;
  /** The audit log's entity ("take_action_item"). */
  entity: string;
  /** The prefix of its audit actions ("take-action" → take-action.add, .edit, .delete). */
  action: string;
  find(db: Db, id: number): Promise<Entry | undefined>;
}

export type SaveOutcome = { ok: true; id: number } | { ok: false; problems: EntryProblem[] };

export type CheckedEntry<T extends EntryTableName> =
  | { ok: true; row: EntryRow<T> }
  | { ok: false; problems: EntryProblem[] };

/**
 * Adds an entry (id null) or changes one, once its form has been checked; audited with
 * before and after in the same transaction. An unknown id is not found.
 */
export async function saveEntry<T extends EntryTableName, Entry>(
  db: Db,
  kind: EntryKind<T, Entry>,
  staffUserId: number,
  id: number | null,
  checked: CheckedEntry<T>,
): Promise<SaveOutcome> {
  if (!checked.ok) return checked;
  const before = id === null ? null : await kind.find(db, id);
  if (id !== null && !before) throw new NotFoundError();
  const table: EntryTableName = kind.table;
  const { row } = checked;
  return db.transaction().execute(async (trx) => {
    const at = now();
    let savedId: number;
    if (id === null) {
      const added = await trx
        .insertInto(table)
        // The row is the kind's own table's (EntryRow<T>); Kysely cannot follow T through a union.
        .values({ ...row, created_at: at, updated_at: at } as InsertObject<Tables, EntryTableName>)
        .returning("id")
        .executeTakeFirstOrThrow();
      savedId = added.id;
    } else {
      await trx
        .updateTable(table)
        .set({ ...row, updated_at: at })
        .where("id", "=", id)
        .execute();
      savedId = id;
    }
    await recordAudit(trx, {
      staffUserId,
      action: `${kind.action}.${id === null ? "add" : "edit"}`,
      entity: kind.entity,
      entityId: savedId,
      before: before ?? null,
      after: checked.row,
    });
    return { ok: true as const, id: savedId };
  });
}

/** Deletes an entry, audited in the same transaction; returns what it was. An unknown id is not found. */
export async function deleteEntry<T extends EntryTableName, Entry>(
  db: Db,
  kind: EntryKind<T, Entry>,
  staffUserId: number,
  id: number,
): Promise<Entry> {
  const before = await kind.find(db, id);
  if (!before) throw new NotFoundError();
  const table: EntryTableName = kind.table;
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom(table).where("id", "=", id).execute();
    await recordAudit(trx, {
      staffUserId,
      action: `${kind.action}.delete`,
      entity: kind.entity,
      entityId: id,
      before,
      after: null,
    });
  });
  return before;
}

/**
 * The two writes of one kind of entry, with its form checked first: `save` adds (id null)
 * or changes one, `remove` deletes one and returns what it was.
 */
export function entryWrites<T extends EntryTableName, Entry, Form>(
  kind: EntryKind<T, Entry>,
  check: (form: Form) => CheckedEntry<T>,
) {
  return {
    save: (deps: Pick<Deps, "db">, staffUserId: number, id: number | null, form: Form): Promise<SaveOutcome> =>
      saveEntry(deps.db, kind, staffUserId, id, check(form)),
    remove: (deps: Pick<Deps, "db">, staffUserId: number, id: number): Promise<Entry> =>
      deleteEntry(deps.db, kind, staffUserId, id),
  };
}
