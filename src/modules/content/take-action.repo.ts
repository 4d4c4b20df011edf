import type { Db } from "../../db/index.ts";

export interface TakeActionItem {
  id: number;
  locale: string;
  position: number;
  title: string;
  text: string;
  link: string;
  link_label: string;
}

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
