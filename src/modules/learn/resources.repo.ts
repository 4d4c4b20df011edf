import type { Selectable } from "kysely";
import type { Db } from "../../db/index.ts";
import type { LearnResourceTable } from "../../db/tables.ts";

/** A resource as the Learn page and the editor read it (its timestamps are the store's). */
export type LearnResource = Omit<Selectable<LearnResourceTable>, "created_at" | "updated_at">;

const COLUMNS = ["id", "title", "description", "url", "language", "position"] as const;

/** Every resource, in the order campaigners gave them. */
export async function listLearnResources(db: Db): Promise<LearnResource[]> {
  return db.selectFrom("learn_resources").select(COLUMNS).orderBy("position").orderBy("id").execute();
}

export async function findLearnResource(db: Db, id: number): Promise<LearnResource | undefined> {
  return db.selectFrom("learn_resources").select(COLUMNS).where("id", "=", id).executeTakeFirst();
}
