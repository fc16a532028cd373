// How the administrators' screens write a moment: day and time in UTC, the same everywhere on the page.
const format = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export function utcTime(iso: string | null, whenMissing = "—"): string {
  return iso ? `${format.format(new Date(iso))} UTC` : whenMissing;
}
