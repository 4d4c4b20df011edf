import type { Db } from "../../db/index.ts";

export interface LearnResource {
  id: number;
  title: string;
  description: string;
  url: string;
  language: string;
  position: number;
}

const COLUMNS = ["id", "title", "description", "url", "language", "position"] as const;

/** Every resource, in the order campaigners gave them. */
export async function listLearnResources(db: Db): Promise<LearnResource[]> {
  return db.selectFrom("learn_resources").select(COLUMNS).orderBy("position").orderBy("id").execute();
}

export async function findLearnResource(db: Db, id: number): Promise<LearnResource | undefined> {
  return db.selectFrom("learn_resources").select(COLUMNS).where("id", "=", id).executeTakeFirst();
}
