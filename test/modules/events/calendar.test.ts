import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../../src/config.ts";
import { calendarEntry } from "../../../src/modules/events/calendar.ts";
import { wallTimeToUtc } from "../../../src/modules/events/event-times.ts";
import type { PublicEvent } from "../../../src/modules/events/events.repo.ts";
import { escapeText, foldLine, icsCalendar } from "../../../src/modules/events/ics.ts";
import { i18nFor } from "../../../src/modules/i18n/i18n.ts";

const config = loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", PUBLIC_URL: "https://iwelcome.example" });

function event(e: Partial<PublicEvent>): PublicEvent {
  return {
    id: 7,
    slug: "night-walk",
    locale: "en",
    title: "Night walk",
    description_md: "Meet at the gate",
    starts_at: "2027-03-27T23:00:00.000Z",
    ends_at: "2027-03-28T03:00:00.000Z",
    time_zone: "Europe/Oslo",
    online: 0,
    town: "Oslo",
    country: "NO",
    capacity: null,
    host_name: "Ingrid",
    status: "published",
    sequence: 0,
    updated_at: "2027-01-01T10:00:00.000Z",
    going: 0,
    waitlist: 0,
    ...e,
  };
}

/** Parses with a real iCalendar parser (ical.js) and returns its one event's times as UTC. */
function parsed(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const vevent = calendar.getFirstSubcomponent("vevent");
  if (!vevent) throw new Error("no VEVENT");
  const e = new ICAL.Event(vevent);
  return {
    uid: e.uid,
    start: e.startDate.toJSDate().toISOString(),
    end: e.endDate.toJSDate().toISOString(),
    summary: e.summary,
    location: e.location,
    description: e.description,
    stamp: vevent.getFirstPropertyValue("dtstamp"),
  };
}

describe("times in an event's own zone", () => {
  it("turns a wall-clock time into the right instant on both sides of a summer-time change", () => {
    // Oslo moves from UTC+1 to UTC+2 at 02:00 on 28 March 2027, and back at 03:00 on 31 October.
    expect(wallTimeToUtc("2027-03-28T01:30", "Europe/Oslo")?.toISOString()).toBe("2027-03-28T00:30:00.000Z");
    expect(wallTimeToUtc("2027-03-28T03:30", "Europe/Oslo")?.toISOString()).toBe("2027-03-28T01:30:00.000Z");
    expect(wallTimeToUtc("2027-10-31T12:00", "Europe/Oslo")?.toISOString()).toBe("2027-10-31T11:00:00.000Z");
    expect(wallTimeToUtc("2027-10-30T12:00", "Europe/Oslo")?.toISOString()).toBe("2027-10-30T10:00:00.000Z");
  });

  it("refuses a time the summer-time change skips, and dates that do not exist", () => {
    expect(wallTimeToUtc("2027-03-28T02:30", "Europe/Oslo")).toBeNull();
    expect(wallTimeToUtc("2027-02-30T18:00", "Europe/Oslo")).toBeNull();
    expect(wallTimeToUtc("2027-06-01T18:00", "Mars/Olympus")).toBeNull();
  });

  it("knows a zone half an hour off the hour with no summer time (Kabul, UTC+4:30)", () => {
    expect(wallTimeToUtc("2027-01-15T18:00", "Asia/Kabul")?.toISOString()).toBe("2027-01-15T13:30:00.000Z");
    expect(wallTimeToUtc("2027-07-15T18:00", "Asia/Kabul")?.toISOString()).toBe("2027-07-15T13:30:00.000Z");
  });
});

describe("the calendar file", () => {
  const i18n = i18nFor("en");

  it("places an event that crosses the night summer time starts at the right instants", () => {
    const ics = icsCalendar([calendarEntry(config, i18n, event({}))]);
    const e = parsed(ics);
    expect(e).toMatchObject({
      uid: "event-7@iwelcome.example",
      start: "2027-03-27T23:00:00.000Z",
      end: "2027-03-28T03:00:00.000Z",
      summary: "Night walk",
      location: "Oslo, Norway",
    });
    expect(ics).toContain("DTSTART:20270327T230000Z\r\nDTEND:20270328T030000Z\r\n");
    expect(String(e.stamp)).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it("places an event in Kabul at the right instant", () => {
    const start = wallTimeToUtc("2027-04-02T17:00", "Asia/Kabul")?.toISOString() as string;
    const end = wallTimeToUtc("2027-04-02T19:30", "Asia/Kabul")?.toISOString() as string;
    const ics = icsCalendar([
      calendarEntry(
        config,
        i18n,
        event({ starts_at: start, ends_at: end, time_zone: "Asia/Kabul", town: "Kabul", country: "AF" }),
      ),
    ]);
    expect(parsed(ics)).toMatchObject({ start: "2027-04-02T12:30:00.000Z", end: "2027-04-02T15:00:00.000Z" });
  });

  it("escapes commas, semicolons, backslashes and line breaks, and a parser reads them back", () => {
    expect(escapeText("a,b;c\\d\ne")).toBe("a\\,b\\;c\\\\d\\ne");
    const title = "Dinner; music, and talk \\ all welcome";
    const description = "Line one\nLine two, with a comma; and a semicolon";
    const ics = icsCalendar([calendarEntry(config, i18n, event({ title, description_md: description }))]);
    const e = parsed(ics);
    expect(e.summary).toBe(title);
    expect(e.description).toBe(`${description}\n\nhttps://iwelcome.example/events/night-walk`);
  });

  it("folds long lines at 75 octets without splitting a character, with CRLF line ends", () => {
    const title = "مهمانی خوش‌آمدگویی برای خانواده‌های تازه‌رسیده در کابل و اسلو، با موسیقی و غذا";
    const ics = icsCalendar([calendarEntry(config, i18n, event({ title }))]);
    expect(ics.endsWith("\r\n")).toBe(true);
    expect(ics.replace(/\r\n/g, "")).not.toContain("\n");
    for (const line of ics.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    expect(parsed(ics).summary).toBe(title);
    expect(foldLine("x".repeat(80))).toBe(`${"x".repeat(75)}\r\n ${"x".repeat(5)}`);
  });

  it("marks a cancelled event as cancelled with a higher sequence", () => {
    const ics = icsCalendar([calendarEntry(config, i18n, event({ status: "cancelled", sequence: 1 }))]);
    expect(ics).toContain("STATUS:CANCELLED\r\n");
    expect(ics).toContain("SEQUENCE:1\r\n");
  });
});
