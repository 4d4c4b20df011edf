import { usePage } from "../../../views/context.ts";
import { ErrorSummary, Field, type FieldError, Form } from "../../../views/Form.tsx";
import { Markdown } from "../../../views/Markdown.tsx";
import type { ContentPageView } from "../../content/content.service.ts";
import { countriesByName } from "../../i18n/countries.ts";
import { LOCALES, localisedPath } from "../../i18n/locales.ts";
import { LIMITS } from "../../petitions/signature-input.ts";
import type { JoinForm } from "../join-input.ts";

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
          <Field name="name" label={t("sign.name.label")} error={error("name")}>
            {(a) => (
              <input {...a} type="text" autocomplete="name" maxLength={LIMITS.name} value={values.name} required />
            )}
          </Field>
          <Field name="email" label={t("sign.email.label")} hint={t("join.email.hint")} error={error("email")}>
            {(a) => (
              <input
                {...a}
                type="email"
                autocomplete="email"
                inputMode="email"
                spellcheck={false}
                dir="ltr"
                maxLength={LIMITS.email}
                value={values.email}
                required
              />
            )}
          </Field>
          <Field name="country" label={t("sign.country.label")} error={error("country")}>
            {(a) => (
              <select {...a} autocomplete="country" required>
                <option value="">{t("sign.country.choose")}</option>
                {countriesByName(i18n.locale, i18n.countryName).map((c) => (
                  <option key={c.code} value={c.code} selected={c.code === values.country}>
                    {c.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
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
              {topics.map((topic) => (
                <div class="checkbox" key={topic.slug}>
                  <input
                    type="checkbox"
                    id={`topic-${topic.slug}`}
                    name="topics"
                    value={topic.slug}
                    checked={values.topics.includes(topic.slug)}
                  />
                  <label for={`topic-${topic.slug}`}>{topic.name}</label>
                </div>
              ))}
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
