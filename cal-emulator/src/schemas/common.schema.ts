// Small building blocks every other schema shares: week days, IANA time zones, ISO instants.
import { z } from "zod";
import { isValidTimeZone } from "../time-zone.js";

export const WEEK_DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;
export const weekDaySchema = z.enum(WEEK_DAYS);
export type WeekDay = z.infer<typeof weekDaySchema>;

export const timeZoneSchema = z.string().refine(isValidTimeZone, "must be a valid IANA time zone");

/** Any ISO 8601 date-time with an offset or Z, e.g. what dayjs().format() or toISOString() produce. */
export const isoInstantSchema = z.iso.datetime({ offset: true });

/** "HH:mm", 24-hour, as Cal.com schedules store availability windows. */
export const wallClockSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be HH:mm");
