import { now } from "../../db/portable.ts";
import type { Deps } from "../../deps.ts";
import {
  IMAGE_MAX_BYTES,
  NotAnImageError,
  removeImageFiles,
  type StoredImage,
  storeImage,
} from "../campaigns/image-files.ts";
import type { Locale } from "../i18n/locales.ts";
import { findOrCreateSupporter } from "../supporters/supporters.repo.ts";
import { countPublishedStories, listPublishedStories } from "./stories.repo.ts";
import { type StoryForm, type StoryProblem, type StoryUpload, validateStory } from "./story-input.ts";
import { queueStoryForModeration } from "./story-kind.ts";
import { storySlug } from "./story-slug.ts";

/** Stories on one page of /stories. */
export const STORIES_PER_PAGE = 12;

/** How many of the newest stories the home page shows. */
export const HOME_STORIES = 3;

export type SubmitStoryOutcome = { kind: "invalid"; problems: StoryProblem[] } | { kind: "sent" };

/**
 * A supporter's story: checked whole first (words, then the photo by decoding it), then the
 * photo's files are written, then the story and its moderation item in one transaction. If
 * that fails the files are deleted: nothing is left half-written, on disk or in the database.
 */
export async function submitStory(
  deps: Pick<Deps, "db" | "config">,
  form: StoryForm,
  upload: StoryUpload | null,
  context: { shownIn: Locale },
): Promise<SubmitStoryOutcome> {
  const checked = validateStory(form, upload !== null);
  const problems: StoryProblem[] = checked.ok ? [] : [...checked.problems];
  if (upload && (upload.truncated || upload.bytes.length > IMAGE_MAX_BYTES))
    problems.unshift({ field: "photo", message: "stories.error.photo.tooLarge" });
  if (problems.length > 0 || !checked.ok) return { kind: "invalid", problems };
  const s = checked.value;
  let stored: StoredImage | null = null;
  if (upload) {
    try {
      stored = await storeImage(deps.config.dataDir, upload.bytes);
    } catch (error) {
      if (error instanceof NotAnImageError)
        return { kind: "invalid", problems: [{ field: "photo", message: "stories.error.photo.notImage" }] };
      throw error;
    }
  }
  try {
    await deps.db.transaction().execute(async (trx) => {
      const teller = await findOrCreateSupporter(trx, {
        email: s.email,
        emailCanonical: s.emailCanonical,
        name: s.name,
        country: null,
        postcode: null,
        locale: context.shownIn,
      });
      const at = now();
      const story = await trx
        .insertInto("stories")
        .values({
          slug: storySlug(s.title),
          locale: context.shownIn,
          supporter_id: teller.id,
          title: s.title,
          body: s.body,
          shown_as: s.shownAs,
          author_name: s.authorName,
          image_key: stored?.key ?? null,
          image_widths: stored ? stored.widths.join(",") : null,
          image_width: stored?.width ?? null,
          image_height: stored?.height ?? null,
          image_alt: stored ? s.alt : null,
          status: "waiting",
          created_at: at,
          published_at: null,
          updated_at: at,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await queueStoryForModeration(trx, { storyId: story.id, supporterId: teller.id, locale: context.shownIn });
    });
  } catch (error) {
    if (stored) await removeImageFiles(deps.config.dataDir, stored.key);
    throw error;
  }
  return { kind: "sent" };
}

/** One page of /stories (from 1), newest first, and whether there are more. */
export async function getStoryPage(deps: Pick<Deps, "db">, page: number) {
  const [stories, total] = await Promise.all([
    listPublishedStories(deps.db, STORIES_PER_PAGE, (page - 1) * STORIES_PER_PAGE),
    countPublishedStories(deps.db),
  ]);
  return { stories, page, pages: Math.max(1, Math.ceil(total / STORIES_PER_PAGE)) };
}

/** Reads ?page=N; anything else is the first page. */
export function pageOf(query: unknown): number {
  const raw = query && typeof query === "object" ? (query as Record<string, unknown>).page : undefined;
  return typeof raw === "string" && /^[1-9][0-9]{0,5}$/.test(raw) ? Number(raw) : 1;
}
