import { usePage } from "../../../views/context.ts";
import type { ContentPageView } from "../../content/content.service.ts";
import { PageIntro } from "../../content/views/ContentPage.tsx";
import { localisedPath } from "../../i18n/locales.ts";
import type { LessonText } from "../lessons/index.ts";
import type { LearnResource } from "../resources.repo.ts";
import { LessonProgress } from "./LessonProgress.tsx";

export interface LessonSummary {
  slug: string;
  locale: string;
  text: LessonText;
}

/** /learn: the page's words, the built-in lessons, and the courses and readings elsewhere. */
export function LearnPage({
  intro,
  lessons,
  resources,
}: {
  intro: ContentPageView;
  lessons: LessonSummary[];
  resources: LearnResource[];
}) {
  const { i18n } = usePage();
  const t = i18n.t;
  return (
    <div class="page learn">
      <PageIntro page={intro} />
      <section aria-labelledby="lessons-heading">
        <h2 id="lessons-heading">{t("learn.lessons")}</h2>
        <ul class="lesson-list">
          {lessons.map((l) => (
            <li key={l.slug} class="lesson-card" lang={l.locale === i18n.locale ? undefined : l.locale}>
              <h3 class="lesson-card__title">
                <a href={localisedPath(i18n.locale, `/learn/${l.slug}`)}>{l.text.title}</a>
              </h3>
              <p>{l.text.summary}</p>
              <p>{t("learn.lessonSize", { pages: l.text.pages.length, questions: l.text.quiz.length })}</p>
              <LessonProgress slug={l.slug} pages={l.text.pages.length} questions={l.text.quiz.length} />
            </li>
          ))}
        </ul>
      </section>
      {resources.length > 0 ? (
        <section aria-labelledby="resources-heading">
          <h2 id="resources-heading">{t("learn.resources")}</h2>
          <ul class="resource-list">
            {resources.map((r) => (
              <li key={r.id} class="resource" lang={r.language}>
                <h3 class="resource__title">
                  <a href={r.url.startsWith("/") ? localisedPath(i18n.locale, r.url) : r.url} rel="noopener noreferrer">
                    {r.title}
                  </a>
                </h3>
                <p>{r.description}</p>
                <p class="resource__language" lang={i18n.locale}>
                  {t("learn.resourceLanguage", { language: i18n.languageName(r.language) })}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
