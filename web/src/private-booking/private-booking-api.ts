// The web server's calls to the api's private booking endpoints (tag `private-bookings`), with its own
// bearer token: whether an event type is booked privately, starting a private booking (the person's
// address named in X-Forwarded-For, which the api rate-limits by), and the private link's page and
// cancel. Server-only: the details the person leaves pass through here, never to Cal.com.
import "server-only";
import { cache } from "react";
import { z } from "zod";
import { callWebServerApi } from "../config/web-server-api";
import { readFieldErrors, type PrivateDetailsRefusal } from "./private-details-refusal";

/**
 * Whether the event type is booked privately (it is marked sensitive). cache(): the booking page's layout
 * (its footer) and page (the form) ask within one request; the api is asked once.
 */
export const isPrivateBookingEventType = cache(async (eventTypeId: number): Promise<boolean> => {
  const response = await callWebServerApi(`/private-bookings/event-types/${eventTypeId}`);
  if (response.status === 404) return false;
  if (!response.ok) throw new Error(`private booking for event type ${eventTypeId}: HTTP ${response.status}`);
  return true;
});

const startedSchema = z.object({
  pseudonym: z.string(),
  relayAddress: z.string(),
  metadata: z.record(z.string(), z.string()),
  token: z.string(),
});

/** What the Booker books with: no personal data (the details stay with the api). */
export type PrivateIdentity = { pseudonym: string; relayAddress: string; metadata: Record<string, string> };

export type StartedPrivateBooking =
  | { ok: true; identity: PrivateIdentity; linkPath: string }
  | ({ ok: false } & PrivateDetailsRefusal);

export async function startPrivateBooking(
  input: { eventTypeId: number; name: string; email: string; phone: string },
  forwardedFor: string | null,
): Promise<StartedPrivateBooking> {
  const response = await callWebServerApi("/private-bookings", { method: "POST", body: input, forwardedFor });
  if (response.status === 201) {
    const started = startedSchema.parse(await response.json());
    return {
      ok: true,
      identity: { pseudonym: started.pseudonym, relayAddress: started.relayAddress, metadata: started.metadata },
      linkPath: `/private/${encodeURIComponent(started.token)}`,
    };
  }
  if (response.status === 400) return { ok: false, ...readFieldErrors(await response.json().catch(() => undefined)) };
  if (response.status === 429)
    return { ok: false, fieldErrors: {}, message: "Too many attempts just now. Please wait a minute and try again." };
  return {
    ok: false,
    fieldErrors: {},
    message: "Private booking is not available just now. Please try again shortly.",
  };
}

const linkViewSchema = z.object({
  pseudonym: z.string(),
  booking: z
    .object({
      uid: z.string(),
      status: z.string(),
      startTime: z.string(),
      endTime: z.string(),
      title: z.string().nullable(),
      hostName: z.string().nullable(),
      cancellable: z.boolean(),
      reschedule: z.object({ hostUsername: z.string(), eventTypeSlug: z.string() }).nullable(),
    })
    .nullable(),
});
export type PrivateLinkView = z.infer<typeof linkViewSchema>;

/** The appointment a private link shows; null for an unknown or expired link (the page's 404). */
export async function fetchPrivateBooking(token: string): Promise<PrivateLinkView | null> {
  const response = await callWebServerApi(`/private-bookings/${encodeURIComponent(token)}`);
  if (response.status === 404 || response.status === 400) return null;
  if (!response.ok) throw new Error(`private link: HTTP ${response.status}`);
  return linkViewSchema.parse(await response.json());
}

/** Cancels through the private link; the message says why not when it could not. */
export async function cancelPrivateBooking(token: string): Promise<{ ok: true } | { ok: false; message: string }> {
  const response = await callWebServerApi(`/private-bookings/${encodeURIComponent(token)}/cancel`, { method: "POST" });
  if (response.ok) return { ok: true };
  if (response.status === 409) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    return { ok: false, message: body?.error?.message ?? "This appointment cannot be cancelled here." };
  }
  return { ok: false, message: "The appointment could not be cancelled just now. Please try again in a moment." };
}
