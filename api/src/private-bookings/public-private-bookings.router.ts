// Private booking (issue 19, part 2), served to our web server only (bearer WEB_SERVER_TOKEN): whether an
// event type is booked privately, a new private booking's intent (pseudonym, relay address, the details
// the person chose to leave us, sealed, and the private link), and the private link's view and cancel.
//
// Against abuse: the caller must be our web server; bodies are capped at 8 KB; new intents are limited
// per client address (the web server names the client in X-Forwarded-For, believed only from the
// trusted proxies, as for the staff area), the private link's endpoints per link. A refused detail is
// named in the 400, never echoed. Unknown and expired links are the same 404.
import express, { type Request, Router } from "express";
import { CalApiError } from "@churchhub/cal-client";
import { PRIVATE_BOOKING_METADATA_KEY, type PrivateBookingIntents } from "@churchhub/database";
import { HttpError, notFound, serviceUnavailable } from "../http/http-errors.js";
import { createRateLimit } from "../http/rate-limit.js";
import { validateRequest } from "../http/validate-request.js";
import { clientAddress } from "../staff/client-address.js";
import { newPrivateIdentity, newPrivateLinkToken } from "./private-identity.js";
import {
  privateBookingBodySchema,
  privateEventTypeParamsSchema,
  privateLinkParamsSchema,
} from "./private-booking-request-schemas.js";

export interface PublicPrivateBookingDependencies {
  intents: PrivateBookingIntents;
  /** Whether the event type is marked sensitive (sensitive_event_types): only those are booked privately. */
  isSensitive: (eventTypeId: number) => Promise<boolean>;
  /** Starts the run that deletes the intent at `expiresAt` if nobody booked with it. */
  scheduleExpiry: (intentId: string, expiresAt: Date) => Promise<void>;
  /** Cancels the booking at Cal.com (its delivery then marks our row cancelled). */
  cancelAtCal: (bookingUid: string) => Promise<void>;
  clock: () => Date;
  /** PRIVATE_RELAY_DOMAIN. */
  relayDomain: string;
  /** PRIVATE_BOOKING_INTENT_HOURS, in ms. */
  intentTtlMs: number;
  /** RATE_LIMIT_PRIVATE_BOOKINGS_PER_MINUTE. */
  perMinute: number;
  /** The proxies (our web server) whose X-Forwarded-For names the client. */
  trustedProxies: readonly string[];
  webPublicUrl: string;
}

/** The page a private link opens on our site. */
export function privateBookingUrl(webPublicUrl: string, token: string): string {
  return `${webPublicUrl.replace(/\/+$/, "")}/private/${encodeURIComponent(token)}`;
}

/** Statuses whose booking may still be cancelled. */
const CANCELLABLE = new Set(["accepted", "pending", "awaiting_host"]);

const eventTypeRequest = validateRequest({ params: privateEventTypeParamsSchema });
const intentRequest = validateRequest({ body: privateBookingBodySchema });
const linkRequest = validateRequest({ params: privateLinkParamsSchema });

const noSuchLink = () => notFound("This link is not valid");

export function createPublicPrivateBookingsRouter(deps: PublicPrivateBookingDependencies): Router {
  const router = Router();
  const json = express.json({ limit: "8kb" });
  const perClient = createRateLimit(deps.perMinute, (request: Request) =>
    String(clientAddress(request, deps.trustedProxies) ?? "unknown"),
  );
  const perLink = createRateLimit(deps.perMinute * 3, (request) => String(request.params.token ?? "").slice(0, 64));

  async function sensitiveOrNotFound(eventTypeId: number) {
    if (!(await deps.isSensitive(eventTypeId)))
      throw notFound("That event type is not booked privately (it is not marked sensitive)");
  }

  router.get("/private-bookings/event-types/:eventTypeId", eventTypeRequest, async (_request, response) => {
    const { eventTypeId } = eventTypeRequest.parsed(response).params;
    await sensitiveOrNotFound(eventTypeId);
    response.json({ eventTypeId, privateBooking: true });
  });

  router.post("/private-bookings", json, perClient, intentRequest, async (_request, response) => {
    const { eventTypeId, name, email, phone } = intentRequest.parsed(response).body;
    await sensitiveOrNotFound(eventTypeId);
    const identity = newPrivateIdentity(deps.relayDomain);
    const token = newPrivateLinkToken();
    const details = { name: name ?? null, email: email ?? null, phone: phone ?? null };
    const expiresAt = new Date(deps.clock().getTime() + deps.intentTtlMs);
    const { intentId } = await deps.intents.create({ eventTypeId, ...identity, details, linkToken: token, expiresAt });
    try {
      await deps.scheduleExpiry(intentId, expiresAt);
    } catch {
      // Without its expiry the details could stay forever: keep nothing, and say to try again.
      await deps.intents.discard(intentId);
      throw serviceUnavailable("Private booking is unavailable for a moment; try again", 5);
    }
    response.status(201).json({
      pseudonym: identity.pseudonym,
      relayAddress: identity.relayAddress,
      // Goes into the Cal.com booking's metadata as it is: a random id, no personal data.
      metadata: { [PRIVATE_BOOKING_METADATA_KEY]: intentId },
      token,
      url: privateBookingUrl(deps.webPublicUrl, token),
    });
  });

  async function usableLink(token: string) {
    const found = await deps.intents.byLinkToken(token);
    if (!found) throw noSuchLink();
    return found;
  }

  router.get("/private-bookings/:token", perLink, linkRequest, async (_request, response) => {
    const found = await usableLink(linkRequest.parsed(response).params.token);
    const booking = found.booking;
    const changeable =
      booking !== null && CANCELLABLE.has(booking.status) && booking.startTime.getTime() > deps.clock().getTime();
    response.json({
      pseudonym: found.pseudonym,
      booking: booking && {
        uid: booking.uid,
        status: booking.status,
        startTime: booking.startTime.toISOString(),
        endTime: booking.endTime.toISOString(),
        title: booking.title,
        hostName: booking.hostName,
        cancellable: changeable,
        // For our web server's Booker (rescheduleUid): whom and what to book again; absent when it cannot be moved.
        reschedule:
          changeable && booking.hostUsername && booking.eventTypeSlug
            ? { hostUsername: booking.hostUsername, eventTypeSlug: booking.eventTypeSlug }
            : null,
      },
    });
  });

  router.post("/private-bookings/:token/cancel", perLink, linkRequest, async (_request, response) => {
    const found = await usableLink(linkRequest.parsed(response).params.token);
    const booking = found.booking;
    if (!booking)
      throw new HttpError(409, "booking_not_arrived", "The booking is still being confirmed; try again in a minute");
    if (!CANCELLABLE.has(booking.status) || booking.startTime.getTime() <= deps.clock().getTime())
      throw new HttpError(409, "not_cancellable", "This appointment can no longer be cancelled here");
    try {
      await deps.cancelAtCal(booking.uid);
    } catch (error) {
      if (error instanceof CalApiError && error.kind === "unavailable")
        throw new HttpError(503, "cal_unavailable", "Cal.com is unavailable; retry later", { "Retry-After": "10" });
      // Cal.com answers 400 for a booking cancelled already (its webhook has not reached us yet).
      if (error instanceof CalApiError && error.status === 400)
        throw new HttpError(409, "not_cancellable", "This appointment has already been cancelled");
      if (error instanceof CalApiError) throw new HttpError(502, "cal_error", "Cal.com refused to cancel the booking");
      throw error;
    }
    response.status(202).json({ status: "cancelling" });
  });

  return router;
}
