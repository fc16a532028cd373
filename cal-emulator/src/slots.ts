// Slot computation, pure: weekly availability windows placed in the host's time zone, stepped by the
// slot interval, minus the minimum booking notice and anything busy. A simplified form of Cal.com's
// packages/lib/slots.ts + getUserAvailability (no date overrides, calendars, limits or seats).
import { addDays, calendarDateIn, weekDayOf, zonedTimeToInstant } from "./time-zone.js";
import type { Schedule } from "./state.js";

export interface Interval {
  start: Date;
  end: Date;
}

export interface SlotQuery {
  schedule: Pick<Schedule, "timeZone" | "availability">;
  lengthMinutes: number;
  /** Cal.com's slotInterval; defaults to the event length. */
  intervalMinutes: number;
  /** Slots whose start lies in [rangeStart, rangeEnd). */
  rangeStart: Date;
  rangeEnd: Date;
  now: Date;
  minimumBookingNoticeMinutes: number;
  beforeBufferMinutes: number;
  afterBufferMinutes: number;
  busy: Interval[];
}

const MINUTE = 60_000;

const overlaps = (a: Interval, b: Interval) => a.start < b.end && b.start < a.end;

export function availableSlotStarts(query: SlotQuery): Date[] {
  const { schedule } = query;
  const earliest = query.now.getTime() + query.minimumBookingNoticeMinutes * MINUTE;
  const slots: Date[] = [];
  // Walk the host's calendar days that can hold a slot inside the range (a day either side for offsets).
  const lastDay = calendarDateIn(new Date(query.rangeEnd.getTime() + 86_400_000), schedule.timeZone);
  for (
    let day = calendarDateIn(new Date(query.rangeStart.getTime() - 86_400_000), schedule.timeZone);
    day <= lastDay;
    day = addDays(day, 1)
  ) {
    const weekDay = weekDayOf(day);
    for (const window of schedule.availability) {
      if (!window.days.includes(weekDay)) continue;
      const windowStart = zonedTimeToInstant(day, window.startTime, schedule.timeZone).getTime();
      // "00:00" as an end means midnight at the end of the day.
      const windowEnd =
        window.endTime === "00:00"
          ? zonedTimeToInstant(addDays(day, 1), "00:00", schedule.timeZone).getTime()
          : zonedTimeToInstant(day, window.endTime, schedule.timeZone).getTime();
      for (
        let start = windowStart;
        start + query.lengthMinutes * MINUTE <= windowEnd;
        start += query.intervalMinutes * MINUTE
      ) {
        if (start < query.rangeStart.getTime() || start >= query.rangeEnd.getTime() || start < earliest) continue;
        const occupied = {
          start: new Date(start - query.beforeBufferMinutes * MINUTE),
          end: new Date(start + (query.lengthMinutes + query.afterBufferMinutes) * MINUTE),
        };
        if (query.busy.some((busy) => overlaps(occupied, busy))) continue;
        slots.push(new Date(start));
      }
    }
  }
  return slots
    .sort((a, b) => a.getTime() - b.getTime())
    .filter((slot, index, all) => index === 0 || slot.getTime() !== all[index - 1]!.getTime());
}

/** Slots keyed by their calendar date in the viewer's time zone, as both slot APIs return them. */
export function groupByDate<T>(slots: Date[], timeZone: string, present: (slot: Date) => T): Record<string, T[]> {
  const grouped: Record<string, T[]> = {};
  for (const slot of slots) {
    const date = calendarDateIn(slot, timeZone);
    grouped[date] ??= [];
    grouped[date].push(present(slot));
  }
  return grouped;
}
