import { usePage } from "../../../views/context.ts";
import { ErrorSummary, Field, type FieldError, Form } from "../../../views/Form.tsx";
import { Markdown } from "../../../views/Markdown.tsx";
import { PersonFields } from "../../../views/PersonFields.tsx";
import type { ContentPageView } from "../../content/content.service.ts";
import { LOCALES, localisedPath } from "../../i18n/locales.ts";
import type { JoinForm } from "../join-input.ts";
import { TopicChoices } from "./TopicChoices.tsx";

export interface JoinPageProps {
  intro: ContentPageView;
  topics: { slug: string; name: string }[];
  values: JoinForm;
  errors: FieldError[];
}

export function JoinPage({ intro, topics, values, errors }: JoinPageProps) {
  const { i18n } = usePage();
  const t = i18n.t;
  const error = (field: string) => errors.find((e) => e.field === field)?.message;
  const topicsError = error("topics");
  return (
    <div class="page join">
      <h1>{intro.title}</h1>
      {intro.summary ? <p class="lead">{intro.summary}</p> : null}
      <Markdown html={intro.body} />
      <section aria-labelledby="join-form-heading">
        <h2 id="join-form-heading">{t("join.formHeading")}</h2>
        <ErrorSummary errors={errors} />
        <Form action={localisedPath(i18n.locale, "/join")}>
          <PersonFields values={values} error={error} emailHint={t("join.email.hint")} />
          <Field name="language" label={t("join.language.label")} error={error("language")}>
            {(a) => (
              <select {...a} required>
                {LOCALES.map((l) => (
                  <option
                    key={l.code}
                    value={l.code}
                    lang={l.code}
                    selected={l.code === (values.language || i18n.locale)}
                  >
                    {l.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {topics.length > 0 ? (
            <fieldset
              class={topicsError ? "field field--error" : "field"}
              id="field-topics"
              aria-describedby={topicsError ? "field-topics-error" : undefined}
            >
              <legend>{t("join.topics.legend")}</legend>
              {topicsError ? (
                <p class="field__error" id="field-topics-error">
                  {t("form.errorPrefix", { message: topicsError })}
                </p>
              ) : null}
              <TopicChoices topics={topics} chosen={values.topics} />
            </fieldset>
          ) : null}
          <div class="checkbox">
            <input type="checkbox" id="field-updates" name="updates" value="yes" checked={values.updates} />
            <label for="field-updates">{t("join.updates.label")}</label>
          </div>
          <p class="sign__privacy">{t("join.privacy")}</p>
          <button type="submit" class="button button--large">
            {t("join.submit")}
          </button>
        </Form>
      </section>
    </div>
  );
}
