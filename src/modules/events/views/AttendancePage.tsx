import { usePage } from "../../../views/context.ts";
import { Form } from "../../../views/Form.tsx";
import { localisedPath } from "../../i18n/locales.ts";
import type { PublicEvent } from "../events.repo.ts";
import type { Attendance } from "../rsvp.service.ts";
import { type CalendarLinks, CalendarLinksList, EventFacts } from "./EventPage.tsx";

/** An attendee's own page: their reply, the exact address or link while they hold a place, and cancelling. */
export function AttendancePage({
  event,
  attendance,
  attendanceKey,
  calendar,
}: {
  event: PublicEvent;
  attendance: Attendance;
  attendanceKey: string;
  calendar: CalendarLinks;
}) {
  const { i18n } = usePage();
  const t = i18n.t;
  const status =
    event.status === "cancelled"
      ? t("events.attendance.eventCancelled")
      : attendance.status === "going"
        ? t("events.attendance.going")
        : attendance.status === "waitlist"
          ? t("events.attendance.waitlist")
          : attendance.status === "cancelled"
            ? t("events.attendance.cancelled")
            : t("events.attendance.pending");
  const active = event.status === "published" && (attendance.status === "going" || attendance.status === "waitlist");
  return (
    <div class="page attendance">
      <h1 dir="auto">{event.title}</h1>
      <p class="lead" role="status" id="attendance-status">
        {status}
      </p>
      <EventFacts event={event} />
      {attendance.location ? (
        <section aria-labelledby="location-heading">
          <h2 id="location-heading">
            {t(event.online === 1 ? "events.attendance.link" : "events.attendance.address")}
          </h2>
          <p class="event__location" id="event-location" dir="auto">
            {attendance.location}
          </p>
          <p>{t("events.attendance.keepPrivate")}</p>
          <h2>{t("events.calendar.heading")}</h2>
          <CalendarLinksList links={calendar} />
        </section>
      ) : null}
      <p>
        <a href={localisedPath(i18n.locale, `/events/${event.slug}`)}>{t("events.attendance.eventPage")}</a>
      </p>
      {active ? (
        <section aria-labelledby="cancel-heading">
          <h2 id="cancel-heading">{t("events.attendance.cancelHeading")}</h2>
          <p>{t("events.attendance.cancelText")}</p>
          <Form action={localisedPath(i18n.locale, "/events/attendance/cancel")}>
            <input type="hidden" name="a" value={attendanceKey} />
            <button type="submit" class="button button--secondary" id="cancel-rsvp">
              {t("events.attendance.cancelButton")}
            </button>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
