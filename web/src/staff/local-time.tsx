"use client";
// Times in the viewer's own time zone, which only the browser knows: the server's first render says UTC,
// the browser then redraws in its zone (useSyncExternalStore's server snapshot, so no hydration mismatch).
import { useSyncExternalStore } from "react";
import { formatInstant, formatInstantRange } from "./booking-time";

const neverChanges = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

export function useViewerTimeZone(): string {
  return useSyncExternalStore(neverChanges, browserZone, () => "UTC");
}

export function LocalTime({ iso }: { iso: string }) {
  return <time dateTime={iso}>{formatInstant(iso, useViewerTimeZone())}</time>;
}

export function LocalTimeRange({ start, end }: { start: string; end: string }) {
  return <time dateTime={start}>{formatInstantRange(start, end, useViewerTimeZone())}</time>;
}

/** "Times in Europe/London": said once near a list of times. */
export function ViewerTimeZoneNote({ className }: { className?: string }) {
  return (
    <p className={className} data-testid="staff-time-zone">
      Times in {useViewerTimeZone().replaceAll("_", " ")}
    </p>
  );
}

/** The form's hidden field carrying the viewer's zone, so the server reads its dates as the person meant. */
export function ViewerTimeZoneField() {
  return <input type="hidden" name="tz" value={useViewerTimeZone()} />;
}
