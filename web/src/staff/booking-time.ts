// How the staff pages write a booking's time: in the viewer's own time zone, with the zone named.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string, withDate: boolean): Intl.DateTimeFormat {
  const key = `${timeZone}|${withDate}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-GB", {
      ...(withDate ? { weekday: "short", day: "numeric", month: "short", year: "numeric" } : {}),
      hour: "2-digit",
      minute: "2-digit",
      timeZone,
    });
    formatters.set(key, formatter);
  }
  return formatter;
}

/** "Tue, 1 Dec 2026, 14:30" in the zone. */
export function formatInstant(iso: string, timeZone: string): string {
  return formatterFor(timeZone, true).format(new Date(iso));
}

/** "Tue, 1 Dec 2026, 14:30–15:00", or both dates in full when the end falls on another day in the zone. */
export function formatInstantRange(startIso: string, endIso: string, timeZone: string): string {
  const start = formatInstant(startIso, timeZone);
  const end = formatInstant(endIso, timeZone);
  const dayOf = (text: string) => text.slice(0, text.lastIndexOf(","));
  if (dayOf(start) === dayOf(end)) return `${start}–${formatterFor(timeZone, false).format(new Date(endIso))}`;
  return `${start} – ${end}`;
}

/** The IANA name if the runtime knows it, else UTC (a zone sent by a browser is checked before use). */
export function knownTimeZone(candidate: string | undefined | null): string {
  if (!candidate) return "UTC";
  try {
    return new Intl.DateTimeFormat("en-GB", { timeZone: candidate }).resolvedOptions().timeZone;
  } catch {
    return "UTC";
  }
}

/** The instant a calendar day (YYYY-MM-DD) begins in the zone, allowing for daylight-saving changes. */
export function startOfDayIn(day: string, timeZone: string): Date {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const midnightUtc = Date.UTC(year, month - 1, date);
  // The zone's offset at a guess, then again at the corrected instant (a change may fall in between).
  let instant = midnightUtc - offsetAt(midnightUtc, timeZone);
  instant = midnightUtc - offsetAt(instant, timeZone);
  return new Date(instant);
}

/** Milliseconds the zone's wall clock is ahead of UTC at the instant. */
function offsetAt(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(instant));
  const value = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value);
  const wall = Date.UTC(
    value("year"),
    value("month") - 1,
    value("day"),
    value("hour"),
    value("minute"),
    value("second"),
  );
  return wall - Math.floor(instant / 1000) * 1000;
}
