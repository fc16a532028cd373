// The event Cal.com writes to the organizer's calendar for a booking, so tests can read what a church
// calendar (or a volunteer's phone) would hold. Built the way Cal.com builds it:
// - title: the booking's title (event-name.ts: `customName` with its variables, else "<event> between
//   <host> and <attendee>");
// - description: packages/lib/CalEventParser.ts `getRichDescription` (at 0367067): What, Invitee Time Zone,
//   Who (organizer, without their email when `hideOrganizerEmail`; each attendee's name, phone and email),
//   Where, the event type's description, Additional notes (replaced by "Notes have been hidden by the
//   organizer" when `hideCalendarNotes`: packages/features/calendars/lib/CalendarManager.ts `createEvent`),
//   the answers to visible custom booking questions (packages/lib/getLabelValueMapFromResponses.ts), and the
//   manage link of a non-platform booking;
// - visibility "private" when `hideCalendarEventDetails` (packages/app-store/googlecalendar/lib/
//   CalendarService.ts `createEvent`: `payload.visibility = "private"`), else the calendar's default.
import { bookingFieldsWithSystemFields, SYSTEM_FIELD_NAMES } from "./booking-fields.js";
import type { Booking, CalendarEventCopy, EventType, User } from "./state.js";

/** Cal.com's `WEBAPP_URL` as the manage link's origin (the booking payload's `bookerUrl`). */
const BOOKER_URL = "https://cal.com";
export const HIDDEN_NOTES_TEXT = "Notes have been hidden by the organizer";

function customAnswers(booking: Booking, eventType: EventType): string {
  return bookingFieldsWithSystemFields(eventType)
    .filter((field) => !(SYSTEM_FIELD_NAMES as readonly string[]).includes(field.name) && field.hidden !== true)
    .map((field) => {
      const value = booking.responses[field.name];
      if (value === undefined || value === null || value === "") return "";
      const text = Array.isArray(value) ? value.join(", ") : String(value);
      return `\n${field.label ?? field.name}:\n${text}\n  `;
    })
    .join("");
}

function whereOf(booking: Booking): string {
  const videoCallUrl = booking.metadata.videoCallUrl;
  if (typeof videoCallUrl === "string") return videoCallUrl;
  return booking.location ?? "";
}

export function buildCalendarEventCopy(booking: Booking, eventType: EventType, organizer: User): CalendarEventCopy {
  const attendees = [
    ...booking.attendees.map((person) => ({
      name: person.name,
      email: person.email,
      phoneNumber: person.phoneNumber,
    })),
    ...booking.guests.map((email) => ({ name: "", email, phoneNumber: null })),
  ];
  const who = [
    eventType.hideOrganizerEmail
      ? `${organizer.name} - Organizer`
      : `${organizer.name} - Organizer\n${organizer.email}`,
    ...attendees.map(
      (person) => `${person.name || "Guest"}${person.phoneNumber ? ` - ${person.phoneNumber}` : ""}\n${person.email}`,
    ),
  ].join("\n");
  const notes = typeof booking.responses.notes === "string" ? booking.responses.notes : "";
  const shownNotes = eventType.hideCalendarNotes ? HIDDEN_NOTES_TEXT : notes;
  const description = [
    `What:\n${booking.title}`,
    `Invitee Time Zone:\n${booking.attendees[0]?.timeZone ?? organizer.timeZone}`,
    `Who:\n${who}`,
    `Where:\n${whereOf(booking)}`,
    eventType.description ? `Description\n${eventType.description.replace(/<\/?[^>]+(>|$)/g, "")}` : "",
    shownNotes ? `Additional notes:\n${shownNotes}` : "",
    customAnswers(booking, eventType),
    booking.platformClientId ? "" : `Need to make a change? ${BOOKER_URL}/booking/${booking.uid}?changes=true`,
  ]
    .filter(Boolean)
    .join("\n\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return {
    bookingUid: booking.uid,
    iCalUID: booking.iCalUID,
    title: booking.title,
    description,
    visibility: eventType.hideCalendarEventDetails ? "private" : "default",
    start: booking.start.toISOString(),
    end: booking.end.toISOString(),
    location: whereOf(booking) || null,
    organizer: { name: organizer.name, email: eventType.hideOrganizerEmail ? null : organizer.email },
    attendees: attendees.map(({ name, email }) => ({ name, email })),
    deleted: false,
  };
}
