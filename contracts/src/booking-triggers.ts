// Cal.com webhook triggers whose payload is a booking (Cal.com's CalendarEvent plus booking fields).
// The webhook parser reads them; connection webhooks subscribe to exactly these.
export const BOOKING_TRIGGERS = [
  "BOOKING_CREATED",
  "BOOKING_REQUESTED",
  "BOOKING_RESCHEDULED",
  "BOOKING_CANCELLED",
  "BOOKING_REJECTED",
  "BOOKING_PAYMENT_INITIATED",
  "BOOKING_PAID",
] as const;
