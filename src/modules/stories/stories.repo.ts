import type { Selectable } from "kysely";
import type { Db } from "../../db/index.ts";
import type { StoryTable } from "../../db/tables.ts";

/** What a public page shows of a story: never who sent it beyond the name they chose to show. */
export interface PublicStory
  extends Pick<
    Selectable<StoryTable>,
    | "id"
    | "slug"
    | "locale"
    | "title"
    | "body"
    | "author_name"
    | "image_key"
    | "image_widths"
    | "image_width"
    | "image_height"
    | "image_alt"
  > {
  published_at: string;
}

const PUBLIC_COLUMNS = [
  "id",
  "slug",
  "locale",
  "title",
  "body",
  "author_name",
  "image_key",
  "image_widths",
  "image_width",
  "image_height",
  "image_alt",
  "published_at",
] as const;

function published(db: Db) {
  return db
    .selectFrom("stories")
    .select(PUBLIC_COLUMNS)
    .where("status", "=", "published")
    .where("published_at", "is not", null);
}

/** Published stories, newest first, one page at a time. */
export async function listPublishedStories(db: Db, limit: number, offset = 0): Promise<PublicStory[]> {
  const rows = await published(db)
    .orderBy("published_at", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .offset(offset)
    .execute();
  return rows as PublicStory[];
}

export async function countPublishedStories(db: Db): Promise<number> {
  const row = await db
    .selectFrom("stories")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("status", "=", "published")
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function findPublishedStory(db: Db, slug: string): Promise<PublicStory | undefined> {
  return (await published(db).where("slug", "=", slug).executeTakeFirst()) as PublicStory | undefined;
}
