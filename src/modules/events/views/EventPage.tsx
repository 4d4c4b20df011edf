import { usePage } from "../../../views/context.ts";
import { ErrorSummary, type FieldError, Form } from "../../../views/Form.tsx";
import { Markdown } from "../../../views/Markdown.tsx";
import { EmailField, NameField } from "../../../views/PersonFields.tsx";
import type { SafeHtml } from "../../content/markdown.ts";
import { localisedPath } from "../../i18n/locales.ts";
import { eventPlace, eventWhen } from "../event-format.ts";
import type { RsvpForm } from "../event-input.ts";
import type { PublicEvent } from "../events.repo.ts";
import { PlacesLeft } from "./EventCard.tsx";

export interface CalendarLinks {
  ics: string;
  google: string;
  outlook: string;
}

/** The facts of an event every page about it shows: when, where, who hosts it, places. */
export function EventFacts({ event }: { event: PublicEvent }) {
  const { i18n } = usePage();
  const t = i18n.t;
  return (
    <dl class="event-facts">
      <dt>{t("events.when")}</dt>
      <dd>
        {eventWhen(i18n, event)}
        <br />
        <span class="event-facts__zone">{t("events.timeZone", { zone: event.time_zone })}</span>
      </dd>
      <dt>{t("events.where")}</dt>
      <dd>{eventPlace(i18n, event)}</dd>
      {event.host_name ? (
        <>
          <dt>{t("events.host")}</dt>
          <dd>
            <bdi>{event.host_name}</bdi>
          </dd>
        </>
      ) : null}
      <dt>{t("events.places")}</dt>
      <dd>{event.capacity === null ? t("events.noLimit") : <PlacesLeft event={event} />}</dd>
    </dl>
  );
}

export function CalendarLinksList({ links }: { links: CalendarLinks }) {
  const { i18n } = usePage();
  const t = i18n.t;
  return (
    <ul class="event-calendar">
      <li>
        <a href={links.ics} download id="calendar-ics">
          {t("events.calendar.ics")}
        </a>
      </li>
      <li>
        <a href={links.google} rel="noopener noreferrer">
          {t("events.calendar.google")}
        </a>
      </li>
      <li>
        <a href={links.outlook} rel="noopener noreferrer">
          {t("events.calendar.outlook")}
        </a>
      </li>
    </ul>
  );
}

export function EventPage({
  event,
  description,
  calendar,
  open,
  values,
  errors,
}: {
  event: PublicEvent;
  description: SafeHtml;
  calendar: CalendarLinks;
  /** Whether it still takes RSVPs. */
  open: boolean;
  values: RsvpForm;
  errors: FieldError[];
}) {
  const { i18n } = usePage();
  const t = i18n.t;
  const error = (field: string) => errors.find((e) => e.field === field)?.message;
  const full = event.capacity !== null && event.going >= event.capacity;
  return (
    <div class="page event">
      <h1 dir="auto">{event.title}</h1>
      {event.status === "cancelled" ? (
        <p class="notice notice--warning" role="status">
          {t("events.cancelledNotice")}
        </p>
      ) : null}
      <EventFacts event={event} />
      <p class="event__private">{t(event.online === 1 ? "events.linkPrivate" : "events.addressPrivate")}</p>
      <div lang={event.locale} dir="auto">
        <Markdown html={description} />
      </div>
      <h2>{t("events.calendar.heading")}</h2>
      <CalendarLinksList links={calendar} />
      <section aria-labelledby="rsvp-heading" id="rsvp">
        <h2 id="rsvp-heading">{t("events.rsvp.heading")}</h2>
        {open ? (
          <>
            {full ? <p>{t("events.rsvp.waitlistNote")}</p> : null}
            <ErrorSummary errors={errors} />
            <Form action={localisedPath(i18n.locale, `/events/${event.slug}/rsvp`)}>
              <NameField value={values.name} error={error("name")} required />
              <EmailField value={values.email} error={error("email")} hint={t("events.rsvp.emailHint")} required />
              <div class="checkbox">
                <input type="checkbox" id="field-reminders" name="reminders" value="yes" checked={values.reminders} />
                <label for="field-reminders">{t("events.rsvp.reminders")}</label>
              </div>
              <p class="sign__privacy">{t("events.rsvp.privacy")}</p>
              <button type="submit" class="button button--large" id="rsvp-submit">
                {t("events.rsvp.submit")}
              </button>
            </Form>
          </>
        ) : (
          <>
            <ErrorSummary errors={errors} />
            <p id="field-event">{t("events.rsvp.closed")}</p>
          </>
        )}
      </section>
    </div>
  );
}
