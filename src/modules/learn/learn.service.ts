import type { Deps } from "../../deps.ts";
import { getContentPage, PAGE_SLUGS } from "../content/content.service.ts";
import type { Locale } from "../i18n/locales.ts";
import { LESSONS, lessonIn } from "./lessons/index.ts";
import { listLearnResources } from "./resources.repo.ts";

/**
 * The Learn page: its words (content page "learn"), the built-in lessons in the reader's
 * language (or English), and the resources, those in the reader's language first.
 */
export async function getLearnPage(deps: Pick<Deps, "db">, locale: Locale) {
  const [intro, all] = await Promise.all([getContentPage(deps, PAGE_SLUGS.learn, locale), listLearnResources(deps.db)]);
  const mine = (language: string) => language === locale || language.startsWith(`${locale}-`);
  const resources = [...all.filter((r) => mine(r.language)), ...all.filter((r) => !mine(r.language))];
  const lessons = LESSONS.map((l) => ({ slug: l.slug, ...lessonIn(l, locale) }));
  return { intro, lessons, resources };
}
