// Wall-clock arithmetic in IANA time zones with the built-in Intl API (no date library): enough to
// place weekly availability in a host's zone and to print instants the way Cal.com does.
const WEEK_DAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;

export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

export function wallTimeIn(instant: Date, timeZone: string): WallTime {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
  };
}

/** Minutes east of UTC at that instant (Cal.com's `utcOffset`: London in summer is 60, New York -240). */
export function utcOffsetMinutes(instant: Date, timeZone: string): number {
  const wall = wallTimeIn(instant, timeZone);
  const wallAsUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  const wholeSeconds = Math.floor(instant.getTime() / 1000) * 1000;
  return Math.round((wallAsUtc - wholeSeconds) / 60_000);
}

/** The instant a wall-clock time ("YYYY-MM-DD", "HH:mm") names in a zone; a time in a DST gap moves forward. */
export function zonedTimeToInstant(date: string, time: string, timeZone: string): Date {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const [hour, minute] = time.split(":").map(Number) as [number, number];
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  // Two passes: the offset at the first guess can differ from the offset at the answer near a DST change.
  const firstOffset = utcOffsetMinutes(new Date(asUtc), timeZone);
  let result = asUtc - firstOffset * 60_000;
  const secondOffset = utcOffsetMinutes(new Date(result), timeZone);
  if (secondOffset !== firstOffset) result = asUtc - secondOffset * 60_000;
  return new Date(result);
}

const pad = (value: number, width = 2) => String(Math.abs(value)).padStart(width, "0");

export function calendarDateIn(instant: Date, timeZone: string): string {
  const wall = wallTimeIn(instant, timeZone);
  return `${wall.year}-${pad(wall.month)}-${pad(wall.day)}`;
}

export function weekDayOf(date: string): (typeof WEEK_DAY_NAMES)[number] {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return WEEK_DAY_NAMES[new Date(Date.UTC(year, month - 1, day)).getUTCDay()]!;
}

export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/**
 * Luxon's `DateTime.setZone(zone).toISO()`, which Cal.com's slot output uses:
 * "2025-06-10T10:00:00.000+01:00", and "Z" only for the UTC zone itself.
 */
export function formatInstantInZone(instant: Date, timeZone: string): string {
  if (timeZone === "UTC" || timeZone === "Etc/UTC") return instant.toISOString();
  const wall = wallTimeIn(instant, timeZone);
  const offset = utcOffsetMinutes(instant, timeZone);
  const sign = offset < 0 ? "-" : "+";
  const millis = pad(instant.getUTCMilliseconds(), 3);
  return (
    `${wall.year}-${pad(wall.month)}-${pad(wall.day)}T${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}.${millis}` +
    `${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`
  );
}

/** dayjs.utc().format(): "2025-06-10T14:00:00Z", no milliseconds; the form Cal.com's webhook bodies carry. */
export function formatUtcWithoutMillis(instant: Date): string {
  return instant.toISOString().replace(/\.\d{3}Z$/, "Z");
}
