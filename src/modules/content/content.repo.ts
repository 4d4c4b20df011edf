import type { Db } from "../../db/index.ts";

export async function findPage(db: Db, slug: string, locales: readonly string[]) {
  const rows = await db
    .selectFrom("content_pages")
    .select(["slug", "locale", "title", "summary", "body_md", "updated_at"])
    .where("slug", "=", slug)
    .where("locale", "in", locales)
    .execute();
  // The first locale asked for wins; the others are fallbacks.
  return locales.map((l) => rows.find((r) => r.locale === l)).find((r) => r !== undefined);
}

export async function listFigures(db: Db, locale: string) {
  return db
    .selectFrom("figures")
    .select(["id", "value", "style", "label", "source", "source_url", "as_of"])
    .where("locale", "=", locale)
    .orderBy("position")
    .orderBy("id")
    .execute();
}

export async function countPages(db: Db): Promise<number> {
  const row = await db
    .selectFrom("content_pages")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
