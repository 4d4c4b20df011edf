import { usePage } from "../../../views/context.ts";
import { ErrorSummary, Field, type FieldError, Form } from "../../../views/Form.tsx";
import { Markdown } from "../../../views/Markdown.tsx";
import { EmailField, NameField } from "../../../views/PersonFields.tsx";
import type { SafeHtml } from "../../content/markdown.ts";
import type { PublicEvent } from "../../events/events.repo.ts";
import { EventCard } from "../../events/views/EventCard.tsx";
import { localisedPath } from "../../i18n/locales.ts";
import { LIMITS } from "../../petitions/signature-input.ts";
import { type ContactForm, GROUP_LIMITS, type JoinGroupForm } from "../group-input.ts";
import type { PublicGroup } from "../groups.repo.ts";

export interface GroupPageProps {
  group: PublicGroup;
  description: SafeHtml;
  events: PublicEvent[];
  join: JoinGroupForm;
  contact: ContactForm;
  errors: FieldError[];
  /** Which form the errors belong to. */
  errorsOf: "join" | "contact" | null;
  /** The contact form's message went. */
  contacted: boolean;
}

function JoinSection({ group, values, errors }: { group: PublicGroup; values: JoinGroupForm; errors: FieldError[] }) {
  const { i18n } = usePage();
  const t = i18n.t;
  const error = (field: string) => errors.find((e) => e.field === field)?.message;
  return (
    <section aria-labelledby="join-heading" id="join">
      <h2 id="join-heading">{t("groups.join.heading")}</h2>
      <ErrorSummary errors={errors} />
      <Form action={localisedPath(i18n.locale, `/groups/${group.slug}/join`)}>
        <NameField value={values.name} error={error("name")} required />
        <EmailField value={values.email} error={error("email")} hint={t("groups.join.emailHint")} required />
        <div class="checkbox">
          <input type="checkbox" id="field-share" name="share" value="yes" checked={values.share} />
          <label for="field-share">{t("groups.join.share")}</label>
        </div>
        <p class="sign__privacy">{t("groups.join.privacy")}</p>
        <button type="submit" class="button button--large" id="join-submit">
          {t("groups.join.submit")}
        </button>
      </Form>
    </section>
  );
}

function ContactSection({
  group,
  values,
  errors,
  sent,
}: {
  group: PublicGroup;
  values: ContactForm;
  errors: FieldError[];
  sent: boolean;
}) {
  const { i18n } = usePage();
  const t = i18n.t;
  const error = (field: string) => errors.find((e) => e.field === field)?.message;
  return (
    <section aria-labelledby="contact-heading" id="contact">
      <h2 id="contact-heading">{t("groups.contact.heading")}</h2>
      {sent ? (
        <p class="notice" role="status" id="contact-sent">
          {t("groups.contact.sent")}
        </p>
      ) : null}
      <p id="contact-what-is-shared">{t("groups.contact.shared")}</p>
      <ErrorSummary errors={errors} />
      <Form action={localisedPath(i18n.locale, `/groups/${group.slug}/contact`)}>
        <NameField
          field="contactName"
          inputName="contact_name"
          value={values.name}
          error={error("contactName")}
          required
        />
        <EmailField
          field="contactEmail"
          inputName="contact_email"
          value={values.email}
          error={error("contactEmail")}
          required
        />
        <Field name="message" label={t("groups.contact.message")} error={error("message")}>
          {(a) => (
            <textarea {...a} rows={6} dir="auto" maxLength={GROUP_LIMITS.message} required>
              {values.message}
            </textarea>
          )}
        </Field>
        <button type="submit" class="button" id="contact-submit">
          {t("groups.contact.submit")}
        </button>
      </Form>
    </section>
  );
}

export function GroupPage(p: GroupPageProps) {
  const { i18n } = usePage();
  const t = i18n.t;
  const { group } = p;
  const at = (path: string) => localisedPath(i18n.locale, path);
  return (
    <div class="page group">
      <h1 dir="auto">{group.name}</h1>
      <dl class="event-facts">
        <dt>{t("events.where")}</dt>
        <dd>{t("groups.place", { town: group.town, country: i18n.countryName(group.country) })}</dd>
      </dl>
      <h2>{t("groups.about")}</h2>
      <div lang={group.locale} dir="auto">
        <Markdown html={p.description} />
      </div>
      <h2 id="group-events">{t("groups.events")}</h2>
      {p.events.length === 0 ? (
        <p>{t("groups.noEvents")}</p>
      ) : (
        <ol class="event-list" aria-labelledby="group-events">
          {p.events.map((e) => (
            <EventCard key={e.id} event={e} />
          ))}
        </ol>
      )}
      <p>
        <a href={at(`/groups/${group.slug}/events.ics`)}>{t("groups.feed")}</a>
      </p>
      <JoinSection group={group} values={p.join} errors={p.errorsOf === "join" ? p.errors : []} />
      {group.hasOrganiser ? (
        <ContactSection
          group={group}
          values={p.contact}
          errors={p.errorsOf === "contact" ? p.errors : []}
          sent={p.contacted}
        />
      ) : null}
      {group.hasOrganiser ? (
        <section aria-labelledby="organiser-heading">
          <h2 id="organiser-heading">{t("groups.organiser.heading")}</h2>
          <p>{t("groups.organiser.text")}</p>
          <Form action={at(`/groups/${group.slug}/organiser-link`)}>
            <div class="field">
              <label for="organiser-email">{t("sign.email.label")}</label>
              <input
                id="organiser-email"
                name="email"
                type="email"
                autocomplete="email"
                dir="ltr"
                maxLength={LIMITS.email}
              />
            </div>
            <button type="submit" class="button button--secondary" id="organiser-link">
              {t("manage.sendLink")}
            </button>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
