import type { Db } from "../../db/index.ts";
import type { Deps } from "../../deps.ts";
import { removeImageFiles } from "../campaigns/image-files.ts";

/** A supporter's stories, for their own export (the photo as its address on the site). */
export async function storiesOf(db: Db, supporterId: number) {
  const rows = await db
    .selectFrom("stories")
    .select([
      "title",
      "body",
      "slug",
      "shown_as",
      "author_name",
      "image_key",
      "image_widths",
      "image_alt",
      "status",
      "locale",
      "created_at",
      "published_at",
    ])
    .where("supporter_id", "=", supporterId)
    .orderBy("created_at")
    .execute();
  return rows.map(({ image_key, image_widths, ...story }) => {
    const largest = (image_widths ?? "").split(",").pop();
    return { ...story, photo: image_key && largest ? `/uploads/${image_key}-${largest}.jpg` : null };
  });
}

/**
 * Erasure's part here: every story the supporter sent goes, published or not, with its
 * photo. A story is told in the first person and may identify its teller even without a
 * name, so it is not kept "anonymised". Returns the photos' keys: delete their files once
 * the transaction has committed (removeStoryPhotos).
 */
export async function forgetStoriesOf(db: Db, supporterId: number): Promise<string[]> {
  const rows = await db.deleteFrom("stories").where("supporter_id", "=", supporterId).returning("image_key").execute();
  return rows.flatMap((r) => (r.image_key ? [r.image_key] : []));
}

export async function removeStoryPhotos(dataDir: string, keys: readonly string[]): Promise<void> {
  for (const key of keys) await removeImageFiles(dataDir, key);
}

/**
 * Retention's part here: a rejected story goes, with its photo, after the unconfirmed
 * period (RETENTION_UNCONFIRMED_DAYS) from its decision. Published and waiting stories stay.
 */
export async function applyStoryRetention(deps: Pick<Deps, "db" | "config">, now = new Date()) {
  const before = new Date(now.getTime() - deps.config.retention.unconfirmedDays * 864e5).toISOString();
  const keys = await deps.db.transaction().execute(async (trx) => {
    const rows = await trx
      .deleteFrom("stories")
      .where("status", "=", "rejected")
      .where("updated_at", "<", before)
      .returning("image_key")
      .execute();
    await trx
      .deleteFrom("moderation_items")
      .where("kind", "=", "story")
      .where((eb) =>
        eb.not(
          eb.exists(
            eb.selectFrom("stories").select("stories.id").whereRef("stories.id", "=", "moderation_items.subject_id"),
          ),
        ),
      )
      .execute();
    return rows;
  });
  await removeStoryPhotos(
    deps.config.dataDir,
    keys.flatMap((r) => (r.image_key ? [r.image_key] : [])),
  );
  return { rejectedStories: keys.length };
}
