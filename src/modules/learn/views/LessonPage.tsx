import { usePage } from "../../../views/context.ts";
import { FallbackNote } from "../../../views/FallbackNote.tsx";
import { Markdown } from "../../../views/Markdown.tsx";
import type { SafeHtml } from "../../content/markdown.ts";
import { localisedPath } from "../../i18n/locales.ts";
import type { LessonText } from "../lessons/index.ts";
import { LessonProgress } from "./LessonProgress.tsx";

/** One page of a lesson, with the way to the next one (the quiz after the last). */
export function LessonPage({
  slug,
  locale,
  text,
  page,
  body,
}: {
  slug: string;
  locale: string;
  text: LessonText;
  /** From 1. */
  page: number;
  body: SafeHtml;
}) {
  const { i18n } = usePage();
  const t = i18n.t;
  const pages = text.pages.length;
  const at = (path: string) => localisedPath(i18n.locale, `/learn/${slug}${path}`);
  const current = text.pages[page - 1];
  return (
    <article class="page lesson" data-lesson={slug} data-lesson-page={page}>
      <FallbackNote shownIn={locale} />
      <p class="lesson__crumbs">
        <a href={localisedPath(i18n.locale, "/learn")}>{t("nav.learn")}</a>
      </p>
      <div lang={locale === i18n.locale ? undefined : locale}>
        <h1>{text.title}</h1>
        <p class="lesson__step">{t("learn.pageOf", { page, pages })}</p>
        <h2>{current?.title}</h2>
        <Markdown html={body} />
      </div>
      <LessonProgress slug={slug} pages={pages} questions={text.quiz.length} />
      <nav class="lesson__nav" aria-label={t("learn.lessonNav")}>
        {page > 1 ? (
          <a href={at(page === 2 ? "" : `/${page - 1}`)} rel="prev">
            {t("learn.previous")}
          </a>
        ) : null}
        {page < pages ? (
          <a class="button" href={at(`/${page + 1}`)} rel="next">
            {t("learn.next")}
          </a>
        ) : (
          <a class="button" href={at("/quiz")}>
            {t("learn.toQuiz")}
          </a>
        )}
      </nav>
    </article>
  );
}
