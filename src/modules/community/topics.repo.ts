import type { Db } from "../../db/index.ts";
import { DEFAULT_LOCALE } from "../i18n/locales.ts";

/** The site's topics with their names in a language (the default language's where missing). */
export async function listTopics(db: Db, locale: string): Promise<{ id: number; slug: string; name: string }[]> {
  const rows = await db
    .selectFrom("topics")
    .leftJoin("topic_names as wanted", (join) =>
      join.onRef("wanted.topic_id", "=", "topics.id").on("wanted.locale", "=", locale),
    )
    .leftJoin("topic_names as fallback", (join) =>
      join.onRef("fallback.topic_id", "=", "topics.id").on("fallback.locale", "=", DEFAULT_LOCALE),
    )
    .select(["topics.id", "topics.slug", "wanted.name as wanted", "fallback.name as fallback"])
    .orderBy("topics.position")
    .execute();
  return rows.map((r) => ({ id: r.id, slug: r.slug, name: r.wanted ?? r.fallback ?? r.slug }));
}

/** Replaces what a supporter said they care about. */
export async function setSupporterTopics(db: Db, supporterId: number, slugs: string[]): Promise<void> {
  await db.deleteFrom("supporter_topics").where("supporter_id", "=", supporterId).execute();
  if (slugs.length === 0) return;
  const topics = await db.selectFrom("topics").select("id").where("slug", "in", slugs).execute();
  if (topics.length === 0) return;
  await db
    .insertInto("supporter_topics")
    .values(topics.map((t) => ({ supporter_id: supporterId, topic_id: t.id })))
    .execute();
}
