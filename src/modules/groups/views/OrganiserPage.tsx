import { usePage } from "../../../views/context.ts";
import type { PublicEvent } from "../../events/events.repo.ts";
import { EventCard } from "../../events/views/EventCard.tsx";
import { localisedPath } from "../../i18n/locales.ts";
import type { PublicGroup } from "../groups.repo.ts";

/** The organiser's own page: members who agreed to share their details, and the group's events. */
export function OrganiserPage({
  group,
  members,
  total,
  events,
}: {
  group: PublicGroup;
  members: { name: string; email: string; confirmed_at: string | null }[];
  total: number;
  events: PublicEvent[];
}) {
  const { i18n } = usePage();
  const t = i18n.t;
  return (
    <div class="page organiser">
      <h1 dir="auto">{t("groups.organiser.pageHeading", { group: group.name })}</h1>
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
