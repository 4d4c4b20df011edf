import { usePage } from "../../../views/context.ts";
import { Form } from "../../../views/Form.tsx";
import type { PublicEvent } from "../../events/events.repo.ts";
import { EventCard } from "../../events/views/EventCard.tsx";
import { localisedPath } from "../../i18n/locales.ts";
import type { PublicGroup } from "../groups.repo.ts";

const NOTICES = {
  waiting: "groups.edit.done.waiting",
  published: "groups.edit.done.published",
  unchanged: "groups.edit.done.unchanged",
  accepted: "groups.claims.done.accepted",
  declined: "groups.claims.done.declined",
} as const;

export type OrganiserNotice = keyof typeof NOTICES;

export const isOrganiserNotice = (value: string): value is OrganiserNotice => Object.hasOwn(NOTICES, value);

/** An event that names the group, waiting for the organiser's answer. */
export interface EventClaim {
  slug: string;
  title: string;
  host_name: string;
  starts_at: string;
  time_zone: string;
}

/** The organiser's own page: members who agreed to share their details, the group's events, and what to do. */
export function OrganiserPage({
  group,
  members,
  total,
  events,
  claims,
  editWaitingSince,
  notice,
}: {
  group: PublicGroup;
  members: { name: string; email: string; confirmed_at: string | null }[];
  total: number;
  events: PublicEvent[];
  claims: EventClaim[];
  editWaitingSince: string | null;
  notice: OrganiserNotice | null;
}) {
  const { i18n } = usePage();
  const t = i18n.t;
  const at = (path: string) => localisedPath(i18n.locale, path);
  return (
    <div class="page organiser">
      <h1 dir="auto">{t("groups.organiser.pageHeading", { group: group.name })}</h1>
      {notice ? (
        <p class="notice" role="status">
          {t(NOTICES[notice])}
        </p>
      ) : null}
      {editWaitingSince && notice !== "waiting" ? (
        <p class="notice">{t("groups.edit.waiting", { date: i18n.formatDate(editWaitingSince) })}</p>
      ) : null}
      <p>
        <a href={at("/groups/organiser/edit")} id="edit-group">
          {t("groups.edit.link")}
        </a>
      </p>
      {group.status !== "published" ? (
        <p class="notice notice--warning" role="status">
          {t("groups.organiser.unpublished")}
        </p>
      ) : (
        <p>
          <a href={localisedPath(i18n.locale, `/groups/${group.slug}`)}>{t("groups.organiser.publicPage")}</a>
        </p>
      )}
      <h2 id="members-heading">{t("groups.organiser.members")}</h2>
      <p>{t("groups.organiser.membersText", { total, sharing: members.length })}</p>
      {members.length === 0 ? null : (
        <table class="admin-table" aria-labelledby="members-heading" id="members">
          <thead>
            <tr>
              <th scope="col">{t("sign.name.label")}</th>
              <th scope="col">{t("sign.email.label")}</th>
              <th scope="col">{t("groups.organiser.since")}</th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.email}>
                <td dir="auto">{m.name}</td>
                <td dir="ltr">{m.email}</td>
                <td>{m.confirmed_at ? i18n.formatDate(m.confirmed_at) : ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p class="sign__privacy">{t("groups.organiser.keepPrivate")}</p>
      {claims.length === 0 ? null : (
        <>
          <h2 id="claims-heading">{t("groups.claims.heading")}</h2>
          <p>{t("groups.claims.text")}</p>
          <ul class="claims" aria-labelledby="claims-heading">
            {claims.map((c) => (
              <li key={c.slug}>
                <p dir="auto">
                  <a href={at(`/events/${c.slug}`)}>{c.title}</a>{" "}
                  {t("groups.claims.by", {
                    host: c.host_name,
                    date: i18n.formatDate(c.starts_at, { dateStyle: "long", timeZone: c.time_zone }),
                  })}
                </p>
                <Form action={at(`/groups/organiser/events/${c.slug}/accept`)} class="inline-form">
                  <button type="submit" class="button">
                    {t("groups.claims.accept", { event: c.title })}
                  </button>
                </Form>{" "}
                <Form action={at(`/groups/organiser/events/${c.slug}/decline`)} class="inline-form">
                  <button type="submit" class="button button--secondary">
                    {t("groups.claims.decline", { event: c.title })}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        </>
      )}
      <h2 id="organiser-events">{t("groups.events")}</h2>
      {events.length === 0 ? (
        <p>{t("groups.noEvents")}</p>
      ) : (
        <ol class="event-list" aria-labelledby="organiser-events">
          {events.map((e) => (
            <EventCard key={e.id} event={e} />
          ))}
        </ol>
      )}
    </div>
  );
}
