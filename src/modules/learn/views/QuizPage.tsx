import { usePage } from "../../../views/context.ts";
import { ErrorSummary, type FieldError, Form } from "../../../views/Form.tsx";
import { localisedPath } from "../../i18n/locales.ts";
import type { LessonText } from "../lessons/index.ts";
import type { QuizAnswer } from "../quiz.ts";

/** The closing quiz: one question per fieldset; sent to the server, which marks it and keeps nothing. */
export function QuizPage({
  slug,
  locale,
  text,
  chosen,
  errors,
}: {
  slug: string;
  locale: string;
  text: LessonText;
  chosen: (number | null)[];
  errors: FieldError[];
}) {
  const { i18n } = usePage();
  const t = i18n.t;
  return (
    <div class="page quiz">
      <p class="lesson__crumbs">
        <a href={localisedPath(i18n.locale, `/learn/${slug}`)}>{text.title}</a>
      </p>
      <h1>{t("learn.quiz.heading")}</h1>
      <p class="lead">{t("learn.quiz.intro")}</p>
      <ErrorSummary errors={errors} />
      <Form action={localisedPath(i18n.locale, `/learn/${slug}/quiz`)}>
        {text.quiz.map((q, i) => {
          const error = errors.find((e) => e.field === `q${i}`)?.message;
          return (
            <fieldset
              key={q.question}
              id={`field-q${i}`}
              class={error ? "field field--error" : "field"}
              lang={locale === i18n.locale ? undefined : locale}
            >
              <legend>{q.question}</legend>
              {error ? <p class="field__error">{t("form.errorPrefix", { message: error })}</p> : null}
              {q.options.map((option, n) => (
                <div class="checkbox" key={option}>
                  <input type="radio" id={`q${i}-${n}`} name={`q${i}`} value={String(n)} checked={chosen[i] === n} />
                  <label for={`q${i}-${n}`}>{option}</label>
                </div>
              ))}
            </fieldset>
          );
        })}
        <button type="submit" class="button button--large">
          {t("learn.quiz.submit")}
        </button>
      </Form>
    </div>
  );
}

/** The marked quiz: each answer, right or not, with the explanation. */
export function QuizResultPage({
  slug,
  locale,
  text,
  answers,
  score,
  total,
}: {
  slug: string;
  locale: string;
  text: LessonText;
  answers: QuizAnswer[];
  score: number;
  total: number;
}) {
  const { i18n } = usePage();
  const t = i18n.t;
  return (
    <div class="page quiz-result" data-lesson-result={slug} data-score={score} data-total={total}>
      <p class="lesson__crumbs">
        <a href={localisedPath(i18n.locale, `/learn/${slug}`)}>{text.title}</a>
      </p>
      <h1>{t("learn.result.heading", { score, total })}</h1>
      <ol class="quiz-answers" lang={locale === i18n.locale ? undefined : locale}>
        {answers.map((a) => (
          <li key={a.question} class={a.right ? "quiz-answer quiz-answer--right" : "quiz-answer quiz-answer--wrong"}>
            <h2 class="quiz-answer__question">{a.question}</h2>
            <p lang={i18n.locale}>
              <strong>{a.right ? t("learn.result.right") : t("learn.result.wrong")}</strong>
            </p>
            <p>
              <span lang={i18n.locale}>{t("learn.result.yours")}</span> {a.chosen === null ? "—" : a.options[a.chosen]}
            </p>
            {a.right ? null : (
              <p>
                <span lang={i18n.locale}>{t("learn.result.answer")}</span> {a.options[a.answer]}
              </p>
            )}
            <p>{a.explanation}</p>
          </li>
        ))}
      </ol>
      <p>
        <a href={localisedPath(i18n.locale, `/learn/${slug}/quiz`)}>{t("learn.result.again")}</a>
        {" · "}
        <a href={localisedPath(i18n.locale, "/learn")}>{t("learn.result.more")}</a>
      </p>
    </div>
  );
}
