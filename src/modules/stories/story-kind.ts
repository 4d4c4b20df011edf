import type { Db } from "../../db/index.ts";
import { imageUrl } from "../campaigns/image-names.ts";
import { localisedPath } from "../i18n/locales.ts";
import { submitForModeration } from "../moderation/moderation.repo.ts";
import type { ModerationKind, Submission } from "../moderation/moderation-kinds.ts";

/**
 * Stories supporters send: waiting until a moderator approves them, then published. The
 * story's own status says whether it is public, so a decision (or its undo) sets it.
 */
export const STORY_KIND = "story";

/** Queues a sent story; call it in the transaction that stores it. */
export async function queueStoryForModeration(db: Db, s: { storyId: number; supporterId: number; locale: string }) {
  await submitForModeration(db, {
    kind: STORY_KIND,
    subjectId: s.storyId,
    scopeId: null,
    supporterId: s.supporterId,
    locale: s.locale,
  });
}

function storyRows(db: Db) {
  return db
    .selectFrom("moderation_items as m")
    .innerJoin("stories as s", "s.id", "m.subject_id")
    .select([
      "m.id",
      "m.locale",
      "m.submitted_at",
      "s.title",
      "s.body",
      "s.author_name",
      "s.slug",
      "s.status as story_status",
      "s.image_key",
      "s.image_alt",
      "s.image_widths",
    ])
    .where("m.kind", "=", STORY_KIND);
}

function photoUrl(key: string, widths: string | null): string {
  const smallest = Number((widths ?? "").split(",")[0]) || 480;
  return imageUrl(key, smallest, "jpg");
}

type StoryRow = Awaited<ReturnType<ReturnType<typeof storyRows>["execute"]>>[number];

function asSubmission(row: StoryRow): Submission {
  return {
    itemId: row.id,
    title: row.title,
    // The moderator reads the photo's description too; the photo itself is on the preview page.
    text: row.image_alt ? `${row.body}\n\n[${row.image_alt}]` : row.body,
    author: row.author_name,
    country: null,
    // The photo as it will be published (resized, no metadata), at its random, unguessable address.
    about: row.image_key ? { label: row.image_alt ?? "", href: photoUrl(row.image_key, row.image_widths) } : null,
    locale: row.locale,
    submittedAt: row.submitted_at,
  };
}

export const storyKind: ModerationKind = {
  name: STORY_KIND,
  label: "moderation.kind.story",
  async countWaiting(db) {
    const row = await storyRows(db)
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("m.status", "=", "waiting")
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  },
  async listWaiting(db, limit) {
    const rows = await storyRows(db)
      .where("m.status", "=", "waiting")
      .orderBy("m.submitted_at")
      .orderBy("m.id")
      .limit(limit)
      .execute();
    return rows.map(asSubmission);
  },
  async show(db, itemIds) {
    if (itemIds.length === 0) return new Map();
    const rows = await storyRows(db).where("m.id", "in", itemIds).execute();
    return new Map(rows.map((r) => [r.id, asSubmission(r)]));
  },
  async onDecision(db, item, status) {
    const at = new Date().toISOString();
    const next = status === "approved" ? "published" : status === "rejected" ? "rejected" : "waiting";
    await db
      .updateTable("stories")
      .set({ status: next, published_at: next === "published" ? at : null, updated_at: at })
      .where("id", "=", item.subject_id)
      .execute();
  },
  mail: {
    approvedSubject: "mail.moderation.story.approvedSubject",
    approvedBody: "mail.moderation.story.approvedBody",
    rejectedSubject: "mail.moderation.story.rejectedSubject",
    rejectedBody: "mail.moderation.story.rejectedBody",
    button: "mail.moderation.story.button",
  },
  async mailValues(db, item, locale) {
    const row = await db
      .selectFrom("stories")
      .select(["title", "slug"])
      .where("id", "=", item.subject_id)
      .executeTakeFirst();
    if (!row) return null;
    const path = item.status === "approved" ? `/stories/${row.slug}` : "/stories";
    return { values: { title: row.title }, path: localisedPath(locale, path) };
  },
  async forgetOrphans(db) {
    const result = await db
      .deleteFrom("moderation_items")
      .where("kind", "=", STORY_KIND)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb.selectFrom("stories").select("stories.id").whereRef("stories.id", "=", "moderation_items.subject_id"),
          ),
        ),
      )
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  },
};
