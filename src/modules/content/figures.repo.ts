import type { Db } from "../../db/index.ts";
import type { FigureStyle } from "../../db/tables.ts";

export interface FigureRow {
  id: number;
  locale: string;
  position: number;
  value: number | null;
  style: FigureStyle;
  label: string;
  source: string;
  source_url: string | null;
  as_of: string | null;
}

const COLUMNS = ["id", "locale", "position", "value", "style", "label", "source", "source_url", "as_of"] as const;

/** One language's figures as the editor lists them, those with no value too, in their order. */
export async function listFigureRows(db: Db, locale: string): Promise<FigureRow[]> {
  return db
    .selectFrom("figures")
    .select(COLUMNS)
    .where("locale", "=", locale)
    .orderBy("position")
    .orderBy("id")
    .execute();
}

export async function findFigure(db: Db, id: number): Promise<FigureRow | undefined> {
  return db.selectFrom("figures").select(COLUMNS).where("id", "=", id).executeTakeFirst();
}
