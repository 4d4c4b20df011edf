import { usePage } from "../../../views/context.ts";
import { Field, type FieldError, Form } from "../../../views/Form.tsx";
import { countriesByName } from "../../i18n/countries.ts";
import { LOCALES, localisedPath } from "../../i18n/locales.ts";
import { MAILING_LIMITS, type MailingForm } from "../mailings.service.ts";

export interface AudienceChoices {
  petitions: { id: number; title: string }[];
  topics: { id: number; name: string }[];
}

/** One checkbox of a group, with its own label. */
function Choice({ name, value, label, checked }: { name: string; value: string; label: string; checked: boolean }) {
  const id = `${name}-${value}`;
  return (
    <div class="checkbox">
      <input type="checkbox" id={id} name={name} value={value} checked={checked} />
      <label for={id} dir="auto">
        {label}
      </label>
    </div>
  );
}

/** The words of a mailing and who it goes to; saving shows how many it will reach. */
export function MailingFormFields({
  action,
  form,
  errors,
  choices,
}: {
  action: string;
  form: MailingForm;
  errors: FieldError[];
  choices: AudienceChoices;
}) {
  const { i18n } = usePage();
  const t = i18n.t;
  const error = (field: string) => errors.find((e) => e.field === field)?.message;
  const a = form.audience;
  return (
    <Form action={localisedPath(i18n.locale, action)}>
      <Field name="subject" label={t("admin.mailings.subject")} error={error("subject")}>
        {(attrs) => (
          <input {...attrs} type="text" dir="auto" maxLength={MAILING_LIMITS.subject} value={form.subject} required />
        )}
      </Field>
      <Field name="body" label={t("admin.mailings.body")} hint={t("admin.mailings.bodyHint")} error={error("body")}>
        {(attrs) => (
          <textarea {...attrs} rows={14} dir="auto" maxLength={MAILING_LIMITS.body} required>
            {form.body}
          </textarea>
        )}
      </Field>
      <Field name="locale" label={t("admin.mailings.language")} error={error("locale")}>
        {(attrs) => (
          <select {...attrs}>
            {LOCALES.map((l) => (
              <option key={l.code} value={l.code} lang={l.code} selected={l.code === form.locale}>
                {l.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <h2>{t("admin.mailings.audience")}</h2>
      <p>{t("admin.mailings.audienceHint")}</p>
      <fieldset>
        <legend>{t("admin.mailings.who")}</legend>
        <Choice name="members" value="yes" label={t("admin.mailings.members")} checked={a.members} />
        {choices.petitions.map((p) => (
          <Choice
            key={p.id}
            name="campaign"
            value={String(p.id)}
            label={t("admin.mailings.signersOf", { title: p.title })}
            checked={a.campaignIds.includes(p.id)}
          />
        ))}
      </fieldset>
      {choices.topics.length > 0 ? (
        <fieldset>
          <legend>{t("admin.mailings.interests")}</legend>
          {choices.topics.map((topic) => (
            <Choice
              key={topic.id}
              name="topic"
              value={String(topic.id)}
              label={topic.name}
              checked={a.topicIds.includes(topic.id)}
            />
          ))}
        </fieldset>
      ) : null}
      <fieldset>
        <legend>{t("admin.mailings.languages")}</legend>
        {LOCALES.map((l) => (
          <Choice key={l.code} name="language" value={l.code} label={l.name} checked={a.locales.includes(l.code)} />
        ))}
      </fieldset>
      <Field name="country" label={t("admin.mailings.countries")} hint={t("admin.mailings.countriesHint")}>
        {(attrs) => (
          <select {...attrs} multiple size={6}>
            {countriesByName(i18n.locale, i18n.countryName).map((c) => (
              <option key={c.code} value={c.code} selected={a.countries.includes(c.code)}>
                {c.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        name="joinedSince"
        label={t("admin.mailings.joinedSince")}
        hint={t("admin.mailings.joinedSinceHint")}
        error={error("joinedSince")}
      >
        {(attrs) => <input {...attrs} type="date" value={form.joinedSince} />}
      </Field>
      <button type="submit" class="button">
        {t("admin.mailings.save")}
      </button>
    </Form>
  );
}
