import { usePage } from "../../../views/context.ts";
import { localisedPath } from "../../i18n/locales.ts";
import { eventPlace, eventWhen } from "../event-format.ts";
import type { PublicEvent } from "../events.repo.ts";

/** The places still free, or nothing when the event has no limit. */
export function PlacesLeft({ event }: { event: PublicEvent }) {
  const { i18n } = usePage();
  if (event.capacity === null) return null;
  const left = Math.max(0, event.capacity - event.going);
  return (
    <span>
      {left > 0
        ? i18n.t("events.placesLeft", { count: left, capacity: event.capacity })
        : i18n.t("events.full", { capacity: event.capacity })}
    </span>
  );
}

/** One event in the list: title, when, where, who hosts it, places left. */
export function EventCard({ event, headingLevel = 2 }: { event: PublicEvent; headingLevel?: 2 | 3 }) {
  const { i18n } = usePage();
  const t = i18n.t;
  const Heading = headingLevel === 3 ? "h3" : "h2";
  return (
    <li class="event-card">
      <Heading class="event-card__title" dir="auto">
        <a href={localisedPath(i18n.locale, `/events/${event.slug}`)}>{event.title}</a>
      </Heading>
      <dl class="event-facts">
        <dt>{t("events.when")}</dt>
        <dd>{eventWhen(i18n, event)}</dd>
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
        {event.capacity !== null ? (
          <>
            <dt>{t("events.places")}</dt>
            <dd>
              <PlacesLeft event={event} />
            </dd>
          </>
        ) : null}
      </dl>
    </li>
  );
}
