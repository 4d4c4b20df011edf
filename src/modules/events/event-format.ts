import type { I18n } from "../i18n/i18n.ts";
import { localeInfo } from "../i18n/locales.ts";

const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * When an event happens, in the reader's language and the event's own time zone (the zone's
 * abbreviation or offset shown, so summer time is plain): "Saturday, 27 March 2027, 18:00–20:00 CET".
 */
export function eventWhen(i18n: I18n, event: { starts_at: string; ends_at: string; time_zone: string }): string {
  const id = `${i18n.locale}\u0000${event.time_zone}`;
  let format = formats.get(id);
  if (!format) {
    format = new Intl.DateTimeFormat(localeInfo(i18n.locale).intl, {
      timeZone: event.time_zone,
      weekday: "long",
      year: "numeric",
      month: "long",
      day: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      timeZoneName: "short",
    });
    formats.set(id, format);
  }
  return format.formatRange(new Date(event.starts_at), new Date(event.ends_at));
}

/** Where, as the public may know it: the town and country, or "Online". */
export function eventPlace(i18n: I18n, event: { online: number; town: string | null; country: string | null }): string {
  if (event.online === 1) return i18n.t("events.online");
  if (event.town && event.country)
    return i18n.t("events.place", { town: event.town, country: i18n.countryName(event.country) });
  return event.town ?? (event.country ? i18n.countryName(event.country) : "");
}
