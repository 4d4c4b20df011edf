/**
 * Times of events: stored as UTC instants with the IANA zone the host gave, entered and
 * shown as the wall-clock time of that zone. Intl knows every zone's rules (summer time
 * included), so nothing here keeps a table of offsets.
 */

/** Every IANA zone this runtime knows, for the host's select. */
export const TIME_ZONES: readonly string[] = [...Intl.supportedValuesOf("timeZone")].sort();

const KNOWN = new Set(TIME_ZONES);

export function isTimeZone(value: string): boolean {
  return KNOWN.has(value) || value === "UTC";
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function wallFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock time at an instant in a zone, as milliseconds of a UTC date with the same fields. */
function wallMs(instantMs: number, timeZone: string): number {
  const parts = Object.fromEntries(
    wallFormatter(timeZone)
      .formatToParts(new Date(instantMs))
      .map((p) => [p.type, p.value]),
  );
  return Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
}

const WALL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * The instant a wall-clock time ("2027-03-28T02:30", as a datetime-local field sends it)
 * names in a zone; null when it is malformed or does not exist there (the hour skipped
 * when summer time starts). An hour that happens twice (when it ends) is the first one.
 */
export function wallTimeToUtc(wall: string, timeZone: string): Date | null {
  const m = WALL.exec(wall);
  if (!m || !isTimeZone(timeZone)) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  const target = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(target);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59) return null;
  const offsetAt = (ms: number) => wallMs(ms, timeZone) - ms;
  const candidates = new Set([target - offsetAt(target - 36e5 * 12), target - offsetAt(target + 36e5 * 12)]);
  const matching = [...candidates].filter((ms) => wallMs(ms, timeZone) === target).sort((a, b) => a - b);
  return matching[0] === undefined ? null : new Date(matching[0]);
}

/** The wall-clock time of an instant in a zone, as a datetime-local field shows it. */
export function utcToWallTime(instant: string | Date, timeZone: string): string {
  return new Date(wallMs(new Date(instant).getTime(), timeZone)).toISOString().slice(0, 16);
}
