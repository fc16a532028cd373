// What "sensitive" means for an event type at Cal.com, and how far an event type is from it: the created
// calendar event is private, notes and the organizer's address are left out of it, its title names nobody,
// and the booking form asks for nothing beyond name and email (our own questionnaire asks the rest, and
// Cal.com copies the answers to visible questions into the calendar description).
// Facts: cal-emulator/README.md "Event type privacy settings, private links and the calendar copy".
import type { CalOwnedEventType, EventTypeChanges } from "@churchhub/cal-client";

/** The title of every booking of a sensitive event type: no variable, so no attendee's name. */
export const NEUTRAL_EVENT_TITLE = "Pastoral appointment";

/** Default booking questions Cal.com would otherwise show (and copy answers of); name, email, location stay. */
const QUESTIONS_TO_HIDE = ["notes", "guests", "rescheduleReason"] as const;
/** Hidden already by Cal.com, and left so. */
const ALWAYS_HIDDEN = ["title"] as const;

/** The PATCH body that makes an event type sensitive (bookingFields replaces the list: custom questions go). */
export function sensitiveEventTypeChanges(): EventTypeChanges {
  return {
    hideCalendarEventDetails: true,
    hideCalendarNotes: true,
    hideOrganizerEmail: true,
    customName: NEUTRAL_EVENT_TITLE,
    bookingFields: QUESTIONS_TO_HIDE.map((slug) => ({ slug, hidden: true })),
  };
}

/** The settings in which Cal.com's event type differs from a sensitive one (empty: nothing to do). */
export function sensitiveSettingsDrift(eventType: CalOwnedEventType): string[] {
  const drift: string[] = [];
  if (eventType.hideCalendarEventDetails !== true) drift.push("hideCalendarEventDetails");
  if (eventType.hideCalendarNotes !== true) drift.push("hideCalendarNotes");
  if (eventType.hideOrganizerEmail !== true) drift.push("hideOrganizerEmail");
  if (eventType.customName !== NEUTRAL_EVENT_TITLE) drift.push("customName");
  const visibleQuestions = eventType.bookingFields.filter(
    (field) =>
      field.hidden !== true &&
      (!field.isDefault || (QUESTIONS_TO_HIDE as readonly string[]).includes(field.slug)) &&
      !(ALWAYS_HIDDEN as readonly string[]).includes(field.slug),
  );
  if (visibleQuestions.length > 0) drift.push("bookingFields");
  return drift;
}
