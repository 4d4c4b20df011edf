import { usePage } from "../../../views/context.ts";
import { ErrorSummary, Field, type FieldError, Form } from "../../../views/Form.tsx";
import { LOCALES, localisedPath } from "../../i18n/locales.ts";
import { TopicChoices } from "./TopicChoices.tsx";

/** Asks for an address to send the link to, for a supporter who is not signed in. */
export function AskForLinkPage({
  heading,
  text,
  action,
  sent,
}: {
  heading: string;
  text: string;
  action: string;
  sent: boolean;
}) {
  const { i18n } = usePage();
  const t = i18n.t;
  return (
    <div class="page">
      <h1>{heading}</h1>
      <p class="lead">{text}</p>
      {sent ? (
        <p class="notice" role="status">
          {t("manage.linkSent")}
        </p>
      ) : null}
      <Form action={action}>
        <Field name="email" label={t("sign.email.label")}>
          {(a) => <input {...a} type="email" autocomplete="email" dir="ltr" maxLength={254} required />}
        </Field>
        <button type="submit" class="button">
          {t("manage.sendLink")}
        </button>
      </Form>
    </div>
  );
}

export interface PreferencesPageProps {
  values: { name: string; email: string; locale: string; topics: string[]; emails: boolean };
  topics: { slug: string; name: string }[];
  saved: boolean;
  errors: FieldError[];
}

export function PreferencesPage({ values, topics, saved, errors }: PreferencesPageProps) {
  const { i18n } = usePage();
  const t = i18n.t;
  return (
    <div class="page preferences">
      <h1>{t("preferences.heading")}</h1>
      <p class="lead">
        {t("preferences.for", { name: values.name })} <bdi dir="ltr">{values.email}</bdi>
      </p>
      {saved ? (
        <p class="notice" role="status">
          {t("preferences.saved")}
        </p>
      ) : null}
      <ErrorSummary errors={errors} />
      <Form action={localisedPath(i18n.locale, "/preferences")}>
        <Field name="language" label={t("join.language.label")}>
          {(a) => (
            <select {...a}>
              {LOCALES.map((l) => (
                <option key={l.code} value={l.code} lang={l.code} selected={l.code === values.locale}>
                  {l.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <fieldset class="field" id="field-topics">
          <legend>{t("join.topics.legend")}</legend>
          <TopicChoices topics={topics} chosen={values.topics} />
        </fieldset>
        <div class="checkbox">
          <input type="checkbox" id="field-emails" name="emails" value="yes" checked={values.emails} />
          <label for="field-emails">{t("preferences.emails.label")}</label>
        </div>
        <button type="submit" class="button">
          {t("preferences.save")}
        </button>
      </Form>
      <p>
        <a href={localisedPath(i18n.locale, "/your-data")}>{t("preferences.yourData")}</a>
      </p>
    </div>
  );
}

/** What a signed-in supporter can do with their data: download it, or erase it (after a second press). */
export function YourDataPage({ confirmErase }: { confirmErase: boolean }) {
  const { i18n } = usePage();
  const t = i18n.t;
  const at = (path: string) => localisedPath(i18n.locale, path);
  return (
    <div class="page your-data">
      <h1>{t("yourData.heading")}</h1>
      <p class="lead">{t("yourData.text")}</p>
      <h2>{t("yourData.export.heading")}</h2>
      <p>{t("yourData.export.text")}</p>
      <p>
        <a class="button" href={at("/your-data/export.json")} download="iwelcome-my-data.json">
          {t("yourData.export.button")}
        </a>
      </p>
      <h2>{t("yourData.erase.heading")}</h2>
      <p>{t("yourData.erase.text")}</p>
      <p>{t("yourData.erase.stories")}</p>
      {confirmErase ? (
        <div class="error-summary" role="alert" tabindex={-1} data-autofocus>
          <p>{t("yourData.erase.confirmText")}</p>
          <Form action={at("/your-data/erase")}>
            <input type="hidden" name="confirm" value="yes" />
            <button type="submit" class="button">
              {t("yourData.erase.confirmButton")}
            </button>
          </Form>
        </div>
      ) : (
        <p>
          <a class="button button--secondary" href={`${at("/your-data")}?erase=1`}>
            {t("yourData.erase.button")}
          </a>
        </p>
      )}
    </div>
  );
}
