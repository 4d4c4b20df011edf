import { usePage } from "../../../views/context.ts";
import { ErrorSummary, type FieldError, Form } from "../../../views/Form.tsx";
import type { StaffViewer } from "../../admin/staff-area.ts";
import { AdminFrame } from "../../admin/views/AdminPages.tsx";
import { localisedPath } from "../../i18n/locales.ts";
import { eventPlace, eventWhen } from "../event-format.ts";
import type { WhenWhereForm } from "../event-input.ts";
import type { PublicEvent } from "../events.repo.ts";
import type { Attendee } from "../events-admin.service.ts";
import { EventLocationFields, EventTimeFields, EventTownFields } from "./EventFields.tsx";

function StatusText({ status }: { status: PublicEvent["status"] }) {
  const { i18n } = usePage();
  return <>{i18n.t(status === "cancelled" ? "events.admin.status.cancelled" : "events.admin.status.published")}</>;
}

export function AdminEventsPage({ staff, events }: { staff: StaffViewer; events: PublicEvent[] }) {
  const { i18n } = usePage();
  const t = i18n.t;
  return (
    <AdminFrame staff={staff}>
      <h1>{t("events.heading")}</h1>
      {events.length === 0 ? (
        <p>{t("events.admin.none")}</p>
      ) : (
        <table class="admin-table">
          <thead>
            <tr>
              <th scope="col">{t("events.admin.col.event")}</th>
              <th scope="col">{t("events.when")}</th>
              <th scope="col">{t("events.admin.col.status")}</th>
              <th scope="col">{t("events.admin.col.going")}</th>
              <th scope="col">{t("events.admin.col.waitlist")}</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr key={e.id}>
                <td dir="auto">
                  <a href={localisedPath(i18n.locale, `/admin/events/${e.id}`)}>{e.title}</a>
                </td>
                <td>{eventWhen(i18n, e)}</td>
                <td>
                  <StatusText status={e.status} />
                </td>
                <td>
                  {i18n.formatNumber(e.going)}
                  {e.capacity !== null ? ` / ${i18n.formatNumber(e.capacity)}` : ""}
                </td>
                <td>{i18n.formatNumber(e.waitlist)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </AdminFrame>
  );
}

/** The form that changes an event's time, place, location or capacity. */
function ChangeForm({ event, values, errors }: { event: PublicEvent; values: WhenWhereForm; errors: FieldError[] }) {
  const { i18n } = usePage();
  const t = i18n.t;
  const error = (field: string) => errors.find((e) => e.field === field)?.message;
  return (
    <section aria-labelledby="change-event-heading">
      <h2 id="change-event-heading">{t("events.admin.changeHeading")}</h2>
      <p>{t("events.admin.changeText")}</p>
      <ErrorSummary errors={errors} />
      <Form action={localisedPath(i18n.locale, `/admin/events/${event.id}/change`)}>
        <input type="hidden" name="mode" value={values.mode} />
        <EventTimeFields values={values} error={error} />
        {values.mode === "online" ? null : <EventTownFields values={values} error={error} autofill={false} />}
        <EventLocationFields values={values} error={error} />
        <button type="submit" class="button">
          {t("events.admin.changeButton")}
        </button>
      </Form>
    </section>
  );
}

export function AdminEventPage({
  staff,
  event,
  attendees,
  notice,
  change,
  errors,
}: {
  staff: StaffViewer;
  event: PublicEvent;
  attendees: Attendee[];
  notice: "cancelled" | "changed" | null;
  change: WhenWhereForm;
  errors: FieldError[];
}) {
  const { i18n } = usePage();
  const t = i18n.t;
  return (
    <AdminFrame staff={staff}>
      <p>
        <a href={localisedPath(i18n.locale, "/admin/events")}>{t("events.admin.back")}</a>
      </p>
      <h1 dir="auto">{event.title}</h1>
      {notice ? (
        <p class="notice" role="status">
          {t(notice === "cancelled" ? "events.admin.cancelledNotice" : "events.admin.changedNotice")}
        </p>
      ) : null}
      <dl class="event-facts">
        <dt>{t("events.when")}</dt>
        <dd>{eventWhen(i18n, event)}</dd>
        <dt>{t("events.where")}</dt>
        <dd>{eventPlace(i18n, event)}</dd>
        <dt>{t("events.host")}</dt>
        <dd>
          <bdi>{event.host_name}</bdi>
        </dd>
        <dt>{t("events.admin.col.status")}</dt>
        <dd>
          <StatusText status={event.status} />
        </dd>
      </dl>
      <h2 id="attendees-heading">{t("events.admin.attendees")}</h2>
      {attendees.length === 0 ? (
        <p>{t("events.admin.noAttendees")}</p>
      ) : (
        <table class="admin-table" aria-labelledby="attendees-heading">
          <thead>
            <tr>
              <th scope="col">{t("events.admin.col.name")}</th>
              <th scope="col">{t("events.admin.col.email")}</th>
              <th scope="col">{t("events.admin.col.reply")}</th>
            </tr>
          </thead>
          <tbody>
            {attendees.map((a) => (
              <tr key={a.email}>
                <td>
                  <bdi>{a.name}</bdi>
                </td>
                <td dir="ltr">{a.email}</td>
                <td>{t(a.status === "going" ? "events.admin.col.going" : "events.admin.col.waitlist")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {event.status === "published" ? <ChangeForm event={event} values={change} errors={errors} /> : null}
      {event.status === "published" ? (
        <section aria-labelledby="cancel-event-heading">
          <h2 id="cancel-event-heading">{t("events.admin.cancelHeading")}</h2>
          <p>{t("events.admin.cancelText")}</p>
          <Form action={localisedPath(i18n.locale, `/admin/events/${event.id}/cancel`)}>
            <button type="submit" class="button button--secondary">
              {t("events.admin.cancelButton")}
            </button>
          </Form>
        </section>
      ) : null}
    </AdminFrame>
  );
}
