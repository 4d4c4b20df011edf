import type { Config } from "../../config.ts";
import type { I18n } from "../i18n/i18n.ts";
import { eventPlace } from "./event-format.ts";
import type { PublicEvent } from "./events.repo.ts";
import { googleCalendarLink, type IcsEvent, outlookCalendarLink } from "./ics.ts";

/**
 * An event as a calendar entry. The public one says the town or "Online"; an attendee's own
 * says the exact address or joining link.
 */
export function calendarEntry(
  config: Pick<Config, "publicUrl">,
  i18n: I18n,
  event: PublicEvent,
  exactLocation: string | null = null,
): IcsEvent {
  const page = new URL(`/events/${event.slug}`, config.publicUrl).toString();
  return {
    uid: `event-${event.id}@${config.publicUrl.hostname}`,
    start: event.starts_at,
    end: event.ends_at,
    summary: event.title,
    description: `${event.description_md}\n\n${page}`,
    location: exactLocation ?? eventPlace(i18n, event),
    url: page,
    cancelled: event.status === "cancelled",
    sequence: event.sequence,
    updatedAt: event.updated_at,
  };
}

export function calendarLinks(entry: IcsEvent, icsPath: string) {
  return { ics: icsPath, google: googleCalendarLink(entry), outlook: outlookCalendarLink(entry) };
}
