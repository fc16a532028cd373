// Realistic Cal.com webhook bodies, shaped as Cal.com's sender builds them (see the api README for
// sources), with a builder per trigger. Values are fictional.
import { randomBytes } from "node:crypto";

export interface BookingFixture {
  uid: string;
  bookingId: number;
  organizerId: number;
  eventTypeId: number;
  startTime: string;
  endTime: string;
}

export function newBookingFixture(overrides: Partial<BookingFixture> = {}): BookingFixture {
  const bookingId = Math.floor(Math.random() * 1_000_000_000);
  return {
    uid: randomBytes(11).toString("base64url"),
    bookingId,
    organizerId: 4200 + Math.floor(Math.random() * 1000),
    eventTypeId: 1234,
    startTime: "2026-12-10T14:00:00Z",
    endTime: "2026-12-10T14:30:00Z",
    ...overrides,
  };
}

export function bookingPayload(fixture: BookingFixture, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    bookerUrl: "https://cal.com",
    type: "pastoral-care-30",
    title: "Pastoral care between Dana Host and Sam Lee",
    description: "Would like to talk about a family matter",
    additionalNotes: "Would like to talk about a family matter",
    customInputs: {},
    startTime: fixture.startTime,
    endTime: fixture.endTime,
    organizer: {
      id: fixture.organizerId,
      name: "Dana Host",
      email: "dana@example.org",
      username: "dana-host",
      timeZone: "America/New_York",
      language: { locale: "en" },
      timeFormat: "h:mma",
      utcOffset: -300,
    },
    attendees: [
      {
        email: "sam@example.org",
        name: "Sam Lee",
        firstName: "",
        lastName: "",
        timeZone: "Europe/London",
        language: { locale: "en" },
        utcOffset: 0,
      },
    ],
    responses: {
      name: { label: "your_name", value: "Sam Lee" },
      email: { label: "email_address", value: "sam@example.org" },
      notes: { label: "additional_notes", value: "Would like to talk about a family matter" },
      guests: { label: "additional_guests", value: [] },
    },
    userFieldsResponses: {},
    location: "integrations:daily",
    destinationCalendar: null,
    schedulingType: null,
    requiresConfirmation: false,
    eventTypeId: fixture.eventTypeId,
    uid: fixture.uid,
    iCalUID: `${fixture.uid}@Cal.com`,
    iCalSequence: 0,
    eventTitle: "Pastoral care",
    eventDescription: "A confidential conversation",
    price: 0,
    currency: "usd",
    length: 30,
    bookingId: fixture.bookingId,
    metadata: { videoCallUrl: `https://app.cal.com/video/${fixture.uid}` },
    status: "ACCEPTED",
    ...extra,
  };
}

export function envelope(
  triggerEvent: string,
  payload: unknown,
  createdAt = new Date().toISOString(),
): Record<string, unknown> {
  return { triggerEvent, createdAt, payload };
}

export const deliveries = {
  created: (fixture: BookingFixture, createdAt?: string) =>
    envelope("BOOKING_CREATED", bookingPayload(fixture), createdAt),
  requested: (fixture: BookingFixture, createdAt?: string) =>
    envelope(
      "BOOKING_REQUESTED",
      bookingPayload(fixture, { status: "PENDING", requiresConfirmation: true }),
      createdAt,
    ),
  cancelled: (fixture: BookingFixture, reason: string, createdAt?: string) =>
    envelope(
      "BOOKING_CANCELLED",
      bookingPayload(fixture, { status: "CANCELLED", cancellationReason: reason, cancelledBy: "sam@example.org" }),
      createdAt,
    ),
  rejected: (fixture: BookingFixture, reason: string, createdAt?: string) =>
    envelope("BOOKING_REJECTED", bookingPayload(fixture, { status: "REJECTED", rejectionReason: reason }), createdAt),
  rescheduled: (replacement: BookingFixture, original: BookingFixture, createdAt?: string) =>
    envelope(
      "BOOKING_RESCHEDULED",
      bookingPayload(replacement, {
        rescheduleId: original.bookingId,
        rescheduleUid: original.uid,
        rescheduleStartTime: original.startTime,
        rescheduleEndTime: original.endTime,
        rescheduledBy: "sam@example.org",
      }),
      createdAt,
    ),
  paymentInitiated: (fixture: BookingFixture, createdAt?: string) =>
    envelope("BOOKING_PAYMENT_INITIATED", bookingPayload(fixture, { paymentId: 77 }), createdAt),
  paid: (fixture: BookingFixture, createdAt?: string) =>
    envelope("BOOKING_PAID", bookingPayload(fixture, { paymentId: 77 }), createdAt),
  ping: () =>
    envelope("PING", {
      type: "Test",
      title: "Test trigger event",
      description: "",
      startTime: new Date().toISOString(),
      endTime: new Date().toISOString(),
      attendees: [
        {
          email: "jdoe@example.com",
          name: "John Doe",
          timeZone: "Europe/London",
          language: { locale: "en" },
          utcOffset: 0,
        },
      ],
      organizer: {
        name: "Cal",
        email: "no-reply@cal.com",
        timeZone: "Europe/London",
        language: { locale: "en" },
        utcOffset: 0,
      },
    }),
  /** MEETING_STARTED from Cal.com's legacy cron: booking fields at the top level, no payload envelope. */
  meetingStarted: (fixture: BookingFixture) => ({
    triggerEvent: "MEETING_STARTED",
    id: fixture.bookingId,
    uid: fixture.uid,
    title: "Pastoral care between Dana Host and Sam Lee",
    startTime: fixture.startTime,
    endTime: fixture.endTime,
    status: "ACCEPTED",
    createdAt: "2026-11-01T10:00:00.000Z",
    responses: {},
  }),
  noShowUpdated: (fixture: BookingFixture) =>
    envelope("BOOKING_NO_SHOW_UPDATED", {
      message: "x",
      bookingUid: fixture.uid,
      bookingId: fixture.bookingId,
      attendees: [{ email: "sam@example.org", noShow: true }],
    }),
};
