import type { Db } from "../../db/index.ts";
import { imageUrl } from "../campaigns/image-names.ts";
import { itemsOfKind, recordKind, recordStatusAfter, submitRecord } from "../moderation/kind-parts.ts";
import type { Submission } from "../moderation/moderation-kinds.ts";

/**
 * Stories supporters send: waiting until a moderator approves them, then published. The
 * story's own status says whether it is public, so a decision (or its undo) sets it.
 */
export const STORY_KIND = "story";

/** Queues a sent story; call it in the transaction that stores it. */
export async function queueStoryForModeration(db: Db, s: { storyId: number; supporterId: number; locale: string }) {
  await submitRecord(db, STORY_KIND, { subjectId: s.storyId, supporterId: s.supporterId, locale: s.locale });
}

function storyRows(db: Db) {
  return itemsOfKind(db, STORY_KIND)
    .innerJoin("stories as s", "s.id", "m.subject_id")
    .select([
      "s.title",
      "s.body",
      "s.author_name",
      "s.slug",
      "s.status as story_status",
      "s.image_key",
      "s.image_alt",
      "s.image_widths",
    ]);
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

export const storyKind = recordKind({
  name: STORY_KIND,
  label: "moderation.kind.story",
  table: "stories",
  titleColumn: "title",
  listPath: "/stories",
  rows: storyRows,
  asSubmission,
  async onDecision(db, item, status) {
    const at = new Date().toISOString();
    const next = recordStatusAfter(status);
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
});
