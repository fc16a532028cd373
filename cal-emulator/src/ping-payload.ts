// The body of Cal.com's webhook "Ping test": a fixed test event with the send time as start and end.
// Source: packages/trpc/server/routers/viewer/webhook/testTrigger.handler.ts (data), sendPayload.ts
// (utcOffset added in minutes; `description: "" || additionalNotes` is undefined, so JSON drops it);
// the UI sends type "PING" (packages/features/webhooks/components/WebhookTestDisclosure.tsx).
import { utcOffsetMinutes } from "./time-zone.js";

export function buildPingPayload(now: Date): Record<string, unknown> {
  const londonOffset = utcOffsetMinutes(now, "Europe/London");
  return {
    type: "Test",
    title: "Test trigger event",
    startTime: now.toISOString(),
    endTime: now.toISOString(),
    attendees: [
      {
        email: "jdoe@example.com",
        name: "John Doe",
        timeZone: "Europe/London",
        language: { locale: "en" },
        utcOffset: londonOffset,
      },
    ],
    organizer: {
      name: "Cal",
      email: "no-reply@cal.com",
      timeZone: "Europe/London",
      language: { locale: "en" },
      utcOffset: londonOffset,
    },
  };
}
