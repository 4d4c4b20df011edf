import type { Selectable } from "kysely";
import type { Db } from "../../db/index.ts";
import type { TakeActionItemTable } from "../../db/tables.ts";

/** An item as the hub and the editor read it (its timestamps are the store's). */
export type TakeActionItem = Omit<Selectable<TakeActionItemTable>, "created_at" | "updated_at">;

const COLUMNS = ["id", "locale", "position", "title", "text", "link", "link_label"] as const;

/** One language's items, in their order. */
export async function listTakeActionItems(db: Db, locale: string): Promise<TakeActionItem[]> {
  return db
    .selectFrom("take_action_items")
    .select(COLUMNS)
    .where("locale", "=", locale)
    .orderBy("position")
    .orderBy("id")
    .execute();
}

export async function findTakeActionItem(db: Db, id: number): Promise<TakeActionItem | undefined> {
  return db.selectFrom("take_action_items").select(COLUMNS).where("id", "=", id).executeTakeFirst();
}
