// OpenAPI entries of the private booking endpoints (tag `private-bookings`), reached by our web server
// with its bearer token: whether an event type is booked privately, a new private booking, and the
// private link's page and cancel. A function, called while the document is built, because it shares the
// document's helpers (ZOD_SCHEMA) and the document imports it.
import { z } from "zod";
import {
  privateBookingBodySchema,
  privateEventTypeParamsSchema,
  privateLinkParamsSchema,
} from "../private-bookings/private-booking-request-schemas.js";

type Schema = z.ZodType;

const createdSchema = z.object({
  pseudonym: z.string().describe('What Cal.com calls the person, e.g. "Guest 4821"'),
  relayAddress: z.email().describe("The address made for this one booking, given to Cal.com as the attendee's"),
  metadata: z
    .record(z.string(), z.string())
    .describe("For the Cal.com booking's metadata: names the intent (a random id, no personal data)"),
  token: z.string().describe("The private link's token (shown once; only its hash is stored)"),
  url: z.url().describe("The private link's page"),
});
const linkViewSchema = z.object({
  pseudonym: z.string(),
  booking: z
    .object({
      uid: z.string(),
      status: z.string(),
      startTime: z.iso.datetime(),
      endTime: z.iso.datetime(),
      title: z.string().nullable(),
      hostName: z.string().nullable(),
      cancellable: z.boolean(),
      reschedule: z
        .object({ hostUsername: z.string(), eventTypeSlug: z.string() })
        .nullable()
        .describe("Whom and what the Booker books again to move it (rescheduleUid = uid); null when it cannot move"),
    })
    .nullable()
    .describe("The newest booking of its reschedule chain; null until Cal.com's webhook for it has arrived"),
});

export function privateBookingPaths(helpers: {
  json: (schema: Schema) => Record<string, unknown>;
  ok: (description: string, schema: Schema) => unknown;
  error: (description: string) => unknown;
  parametersOf: (location: "path" | "query", schema: z.ZodObject) => unknown[];
}): Record<string, unknown> {
  const { json, ok, error, parametersOf } = helpers;
  const webServer = { security: [{ webServerToken: [] }], tags: ["private-bookings"] };
  const webServerErrors = {
    "401": error("Not our web server"),
    "429": error("Too many requests (Retry-After says when to retry)"),
  };
  const linkErrors = { "400": error("Not a private link token"), "404": error("No such link, or it expired unused") };

  return {
    "/private-bookings/event-types/{eventTypeId}": {
      get: {
        ...webServer,
        summary: "Whether an event type is booked privately (it is marked sensitive)",
        parameters: parametersOf("path", privateEventTypeParamsSchema),
        responses: {
          "200": ok("Booked privately", z.object({ eventTypeId: z.number().int(), privateBooking: z.literal(true) })),
          "400": error("Not an event type id"),
          ...webServerErrors,
          "404": error("Not a sensitive event type"),
        },
      },
    },
    "/private-bookings": {
      post: {
        ...webServer,
        summary:
          "Starts a private booking of a sensitive event type: a pseudonym and relay address for Cal.com, the optional details the person leaves us (sealed), and the private link",
        requestBody: { required: true, content: json(privateBookingBodySchema) },
        responses: {
          "201": ok("The identity to book with, and the private link", createdSchema),
          "400": error("A field is wrong (the message names it, never its value)"),
          ...webServerErrors,
          "404": error("Not a sensitive event type"),
          "413": error("Body over the size limit"),
          "415": error("Not JSON in UTF-8"),
        },
      },
    },
    "/private-bookings/{token}": {
      get: {
        ...webServer,
        summary: "The appointment a private link shows",
        parameters: parametersOf("path", privateLinkParamsSchema),
        responses: { "200": ok("The appointment", linkViewSchema), ...linkErrors, ...webServerErrors },
      },
    },
    "/private-bookings/{token}/cancel": {
      post: {
        ...webServer,
        summary: "Cancels the appointment at Cal.com (our booking follows through Cal.com's webhook)",
        parameters: parametersOf("path", privateLinkParamsSchema),
        responses: {
          "202": ok("Cancelled at Cal.com", z.object({ status: z.literal("cancelling") })),
          ...linkErrors,
          ...webServerErrors,
          "409": error("Not arrived yet, already cancelled, or past"),
          "502": error("Cal.com refused"),
          "503": error("Cal.com unavailable (Retry-After)"),
        },
      },
    },
  };
}
