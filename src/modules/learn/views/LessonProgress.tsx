import { usePage } from "../../../views/context.ts";

/**
 * Where the reader is in a lesson, as remembered by their own browser (localStorage): empty
 * and hidden without JavaScript. Every sentence the script may show is written here, in
 * the page's language, so the script only picks one.
 */
export function LessonProgress({ slug, pages, questions }: { slug: string; pages: number; questions: number }) {
  const { i18n } = usePage();
  const t = i18n.t;
  const read: Record<string, string> = {};
  for (let n = 1; n <= pages; n++) read[`data-read-${n}`] = t("learn.progress.read", { read: n, pages });
  const scores: Record<string, string> = {};
  for (let s = 0; s <= questions; s++)
    scores[`data-score-${s}`] = t("learn.progress.quiz", { score: s, total: questions });
  return <p class="lesson-progress" data-lesson-progress={slug} data-pages={pages} hidden {...read} {...scores} />;
}
