import { usePage } from "../../../views/context.ts";
import { ErrorSummary, Field, type FieldError, Form } from "../../../views/Form.tsx";
import { EmailField, NameField, ShownAsField } from "../../../views/PersonFields.tsx";
import { localisedPath } from "../../i18n/locales.ts";
import { SHOWN_AS, STORY_LIMITS, type StoryForm } from "../story-input.ts";

const SHOWN_AS_LABEL = {
  full: "stories.new.shownAs.full",
  first: "stories.new.shownAs.first",
  anonymous: "stories.new.shownAs.anonymous",
} as const;

/** The form that sends a story: words, an optional photo, and how the name is shown. */
export function NewStoryPage({ values, errors }: { values: StoryForm; errors: FieldError[] }) {
  const { i18n } = usePage();
  const t = i18n.t;
  const error = (field: string) => errors.find((e) => e.field === field)?.message;
  const consentError = error("consent");
  return (
    <div class="page new-story">
      <h1>{t("stories.new.heading")}</h1>
      <p class="lead">{t("stories.new.intro")}</p>
      <ErrorSummary errors={errors} />
      <Form action={localisedPath(i18n.locale, "/stories/new")} enctype="multipart/form-data">
        <h2>{t("stories.new.story")}</h2>
        <Field name="title" label={t("stories.new.title")} error={error("title")}>
          {(a) => <input {...a} type="text" dir="auto" maxLength={STORY_LIMITS.title} value={values.title} />}
        </Field>
        <Field name="body" label={t("stories.new.body")} hint={t("stories.new.bodyHint")} error={error("body")}>
          {(a) => (
            <textarea {...a} rows={10} dir="auto" maxLength={STORY_LIMITS.body}>
              {values.body}
            </textarea>
          )}
        </Field>
        <h2>{t("stories.new.photoHeading")}</h2>
        <Field name="photo" label={t("stories.new.photo")} hint={t("stories.new.photoHint")} error={error("photo")}>
          {(a) => <input {...a} type="file" accept="image/jpeg,image/png,image/webp,image/avif,image/gif" />}
        </Field>
        <Field name="alt" label={t("stories.new.alt")} hint={t("stories.new.altHint")} error={error("alt")}>
          {(a) => <input {...a} type="text" dir="auto" maxLength={STORY_LIMITS.alt} value={values.alt} />}
        </Field>
        <div class={consentError ? "field field--error" : "field"}>
          {consentError ? (
            <p class="field__error" id="field-consent-error">
              {t("form.errorPrefix", { message: consentError })}
            </p>
          ) : null}
          <div class="checkbox">
            <input
              type="checkbox"
              id="field-consent"
              name="photo_consent"
              value="yes"
              checked={values.consent}
              {...(consentError ? { "aria-invalid": "true", "aria-describedby": "field-consent-error" } : {})}
            />
            <label for="field-consent">{t("stories.new.consent")}</label>
          </div>
        </div>
        <h2>{t("stories.new.you")}</h2>
        <NameField value={values.name} error={error("name")} />
        <EmailField value={values.email} error={error("email")} hint={t("stories.new.emailHint")} />
        <ShownAsField
          legend={t("stories.new.shownAs")}
          error={error("shownAs")}
          choices={SHOWN_AS.map((s) => ({ value: s, label: t(SHOWN_AS_LABEL[s]) }))}
          checked={values.shownAs}
        />
        <p class="sign__privacy">{t("stories.new.privacy")}</p>
        <button type="submit" class="button button--large">
          {t("stories.new.submit")}
        </button>
      </Form>
    </div>
  );
}
