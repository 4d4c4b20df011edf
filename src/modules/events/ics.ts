/**
 * iCalendar (RFC 5545) for events: one event's file and the feed of all. Times are written
 * in UTC ("…Z"), which every calendar places right whatever the zone's summer time (RFC 5545
 * 3.3.5, form #2), so no VTIMEZONE is needed; each calendar shows them in its owner's zone.
 */

export interface IcsEvent {
  /** Stable across changes, so a calendar updates the event it already has. */
  uid: string;
  start: string;
  end: string;
  summary: string;
  description: string;
  /** Town and country, "Online", or (for an attendee) the exact address or joining link. */
  location: string;
  url: string;
  cancelled: boolean;
  sequence: number;
  updatedAt: string;
}

/** An instant as an RFC 5545 UTC date-time: 20270328T013000Z. */
export function icsTime(iso: string): string {
  return new Date(iso)
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

/** A TEXT value: backslashes, semicolons, commas and line breaks escaped (RFC 5545 3.3.11). */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n?|\n/g, "\\n");
}

/**
 * Folds a content line so no physical line is longer than 75 octets (RFC 5545 3.1): the
 * break never falls inside a UTF-8 character, and each continuation starts with a space.
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, "utf8");
    const limit = out.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      out.push(current);
      current = "";
      octets = 0;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join("\r\n ");
}

function eventLines(e: IcsEvent, stamp: string): string[] {
  return [
    "BEGIN:VEVENT",
    `UID:${e.uid}`,
    `DTSTAMP:${stamp}`,
    `DTSTART:${icsTime(e.start)}`,
    `DTEND:${icsTime(e.end)}`,
    `SEQUENCE:${e.sequence}`,
    `LAST-MODIFIED:${icsTime(e.updatedAt)}`,
    `STATUS:${e.cancelled ? "CANCELLED" : "CONFIRMED"}`,
    `SUMMARY:${escapeText(e.summary)}`,
    `DESCRIPTION:${escapeText(e.description)}`,
    `LOCATION:${escapeText(e.location)}`,
    `URL:${e.url}`,
    "END:VEVENT",
  ];
}

/** A whole VCALENDAR with CRLF line ends, every line folded. */
export function icsCalendar(events: IcsEvent[], options: { name?: string; now?: Date } = {}): string {
  const stamp = icsTime((options.now ?? new Date()).toISOString());
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//iwelcome//events//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    ...(options.name ? [`X-WR-CALNAME:${escapeText(options.name)}`] : []),
    ...events.flatMap((e) => eventLines(e, stamp)),
    "END:VCALENDAR",
  ];
  return `${lines.map(foldLine).join("\r\n")}\r\n`;
}

/** "Add to Google Calendar": its template link, with the times in UTC. */
export function googleCalendarLink(e: Pick<IcsEvent, "start" | "end" | "summary" | "description" | "location">) {
  const params = new URLSearchParams({
    action: "TEMPLATE",
    text: e.summary,
    dates: `${icsTime(e.start)}/${icsTime(e.end)}`,
    details: e.description,
    location: e.location,
  });
  return `https://calendar.google.com/calendar/render?${params}`;
}

/** "Add to Outlook": Outlook on the web's compose link, with the times in UTC. */
export function outlookCalendarLink(e: Pick<IcsEvent, "start" | "end" | "summary" | "description" | "location">) {
  const params = new URLSearchParams({
    path: "/calendar/action/compose",
    rru: "addevent",
    subject: e.summary,
    startdt: new Date(e.start).toISOString().replace(/\.\d{3}Z$/, "Z"),
    enddt: new Date(e.end).toISOString().replace(/\.\d{3}Z$/, "Z"),
    body: e.description,
    location: e.location,
  });
  return `https://outlook.live.com/calendar/0/action/compose?${params}`;
}
