// The one Cal.com API v2 client (axios, keep-alive, timeouts). One base URL serves both the real
// Cal.com (https://api.cal.com/v2) and the local emulator; every call validates the response shape.
import { z } from "zod";
import { CalApiError } from "./cal-api-error.js";
import { decideNextBookingsPage, type BookingsPagePosition } from "./bookings-paging.js";
import { createCalHttp } from "./cal-http.js";
import {
  bookingsPageSchema,
  calApiBookingSchema,
  eventTypeSchema,
  managedUserSchema,
  managedUserTokensSchema,
  meSchema,
  ownedEventTypeSchema,
  platformWebhookSchema,
  privateLinkSchema,
  successEnvelope,
  userWebhookSchema,
  type CalMe,
  type CalPlatformWebhook,
  type CalUserWebhook,
  type CalApiBooking,
  type CalEventType,
  type CalOwnedEventType,
  type CalPrivateLink,
  type ManagedUser,
  type ManagedUserTokens,
} from "./cal-schemas.js";

interface CalClientOptions {
  /** e.g. https://api.cal.com/v2 */
  baseUrl: string;
  /** Platform OAuth client (managed users); absent when only OAuth-connected accounts are used. */
  platformClient?: { clientId: string; secretKey: string };
  timeoutMs?: number;
}

/**
 * Cal.com routes by the `cal-api-version` header, and a missing or unknown one gets the oldest handler
 * (2024-04-15) with its own shapes (cal-emulator/README.md), so every call names the version whose shape we read.
 * /v2/me and /v2/webhooks serve every version alike; they are named too, so no call relies on the default.
 * The Platform endpoints (/v2/oauth-clients/…, /v2/oauth/…) are not versioned.
 */
export const CAL_API_VERSIONS = {
  bookings: "2024-08-13",
  eventTypes: "2024-06-14",
  me: "2024-08-13",
  webhooks: "2024-08-13",
} as const;

/** What `POST /v2/webhooks` takes (cal-emulator/README.md). */
/** The part of UpdateEventTypeInput_2024_06_14 we send (bookingFields replaces the whole list). */
export interface EventTypeChanges {
  hideCalendarEventDetails?: boolean;
  hideCalendarNotes?: boolean;
  hideOrganizerEmail?: boolean;
  customName?: string;
  hidden?: boolean;
  bookingFields?: Array<Record<string, unknown>>;
}

interface UserWebhookInput {
  subscriberUrl: string;
  triggers: readonly string[];
  active: boolean;
  secret: string;
  payloadTemplate?: string | null;
}

export function createCalClient(options: CalClientOptions) {
  const { call } = createCalHttp(options);

  function bearer(accessToken: string) {
    return { authorization: `Bearer ${accessToken}` };
  }

  function platformHeaders() {
    const { clientId, secretKey } = platform();
    return { "x-cal-client-id": clientId, "x-cal-secret-key": secretKey };
  }

  function platform() {
    if (!options.platformClient)
      throw new CalApiError("rejected", null, "NO_PLATFORM_CLIENT", "platform call (no OAuth client configured)");
    return options.platformClient;
  }

  return {
    baseUrl: options.baseUrl,
    platformClientId: options.platformClient?.clientId ?? null,

    async listManagedUsers(page: { limit: number; offset: number }): Promise<ManagedUser[]> {
      const { clientId, secretKey } = platform();
      const body = await call("list managed users", successEnvelope(managedUserSchema.array()), {
        method: "GET",
        url: `/oauth-clients/${encodeURIComponent(clientId)}/users`,
        params: page,
        headers: { "x-cal-secret-key": secretKey },
      });
      return body.data;
    },

    async forceRefreshManagedUser(userId: number): Promise<ManagedUserTokens> {
      const { clientId, secretKey } = platform();
      const body = await call("force-refresh managed user", successEnvelope(managedUserTokensSchema), {
        method: "POST",
        url: `/oauth-clients/${encodeURIComponent(clientId)}/users/${userId}/force-refresh`,
        headers: { "x-cal-secret-key": secretKey },
      });
      return body.data;
    },

    async refreshManagedUserTokens(refreshToken: string): Promise<ManagedUserTokens> {
      const { clientId, secretKey } = platform();
      const body = await call("refresh managed-user token", successEnvelope(managedUserTokensSchema), {
        method: "POST",
        url: `/oauth/${encodeURIComponent(clientId)}/refresh`,
        headers: { "x-cal-secret-key": secretKey },
        data: { refreshToken },
      });
      return body.data;
    },

    /**
     * One page of bookings updated in a window (for reconciliation): the Platform client's managed
     * users' bookings, or with `accessToken` one connected account's own. Bookings whose shape we cannot
     * read are returned apart, counted, never silently dropped.
     */
    async listBookingsUpdatedBetween(
      window: { after: Date; before: Date; take: number; position: BookingsPagePosition },
      credentials?: { accessToken: string },
    ): Promise<{ bookings: CalApiBooking[]; unreadable: number; next: BookingsPagePosition | null }> {
      const auth = credentials ? bearer(credentials.accessToken) : platformHeaders();
      const operation = "list bookings";
      let body;
      try {
        body = await call(operation, bookingsPageSchema, {
          method: "GET",
          url: "/bookings",
          params: {
            afterUpdatedAt: window.after.toISOString(),
            beforeUpdatedAt: window.before.toISOString(),
            sortUpdatedAt: "asc",
            take: window.take,
            ...window.position,
          },
          headers: { "cal-api-version": CAL_API_VERSIONS.bookings, ...auth },
        });
      } catch (error) {
        // A 2xx we cannot read as a page will not read better on a retry.
        if (error instanceof CalApiError && error.code === "UNEXPECTED_RESPONSE_SHAPE")
          throw new CalApiError("unexpected", error.status, "UNEXPECTED_BOOKINGS_PAGE", `${operation}: no data array`);
        throw error;
      }
      const decision = decideNextBookingsPage(body.pagination, {
        position: window.position,
        returned: body.data.length,
      });
      if (decision.kind === "unexpected")
        throw new CalApiError("unexpected", 200, "UNEXPECTED_PAGINATION", `${operation}: ${decision.detail}`);
      const parsed = body.data.map((item) => calApiBookingSchema.safeParse(item));
      return {
        bookings: parsed.flatMap((result) => (result.success ? [result.data] : [])),
        unreadable: parsed.filter((result) => !result.success).length,
        next: decision.kind === "next" ? decision.position : null,
      };
    },

    /**
     * POST /v2/bookings/{uid}/cancel, without a token: Cal.com lets whoever holds a booking's uid cancel it
     * (its own booking pages do so for attendees), and a token would make Cal.com record its owner as the
     * one who cancelled (cal-emulator/README.md, bookings table). The reason is shown to the host by Cal.com.
     */
    async cancelBooking(bookingUid: string, cancellationReason: string): Promise<void> {
      await call("cancel booking", successEnvelope(z.unknown()), {
        method: "POST",
        url: `/bookings/${encodeURIComponent(bookingUid)}/cancel`,
        data: { cancellationReason },
        headers: { "cal-api-version": CAL_API_VERSIONS.bookings },
      });
    },

    /** The account an access token (OAuth 2.0 or managed user) acts as. */
    async getMe(accessToken: string): Promise<CalMe> {
      const body = await call("get me", successEnvelope(meSchema), {
        method: "GET",
        url: "/me",
        headers: { "cal-api-version": CAL_API_VERSIONS.me, ...bearer(accessToken) },
      });
      return body.data;
    },

    /** The account's own webhooks (Cal.com pages at 250; a connection has one of ours). */
    async listWebhooks(accessToken: string): Promise<CalUserWebhook[]> {
      const body = await call("list webhooks", successEnvelope(userWebhookSchema.array()), {
        method: "GET",
        url: "/webhooks",
        params: { take: 250, skip: 0 },
        headers: { "cal-api-version": CAL_API_VERSIONS.webhooks, ...bearer(accessToken) },
      });
      return body.data;
    },

    async createWebhook(accessToken: string, webhook: UserWebhookInput): Promise<CalUserWebhook> {
      const body = await call("create webhook", successEnvelope(userWebhookSchema), {
        method: "POST",
        url: "/webhooks",
        data: webhook,
        headers: { "cal-api-version": CAL_API_VERSIONS.webhooks, ...bearer(accessToken) },
      });
      return body.data;
    },

    async updateWebhook(
      accessToken: string,
      webhookId: string,
      webhook: Partial<UserWebhookInput>,
    ): Promise<CalUserWebhook> {
      const body = await call("update webhook", successEnvelope(userWebhookSchema), {
        method: "PATCH",
        url: `/webhooks/${encodeURIComponent(webhookId)}`,
        data: webhook,
        headers: { "cal-api-version": CAL_API_VERSIONS.webhooks, ...bearer(accessToken) },
      });
      return body.data;
    },

    async deleteWebhook(accessToken: string, webhookId: string): Promise<void> {
      await call("delete webhook", successEnvelope(userWebhookSchema), {
        method: "DELETE",
        url: `/webhooks/${encodeURIComponent(webhookId)}`,
        headers: { "cal-api-version": CAL_API_VERSIONS.webhooks, ...bearer(accessToken) },
      });
    },

    /**
     * The Platform client's own webhooks, which hear its managed users' bookings (deprecated with the
     * rest of the Platform endpoints, still served; not versioned). 250 is Cal.com's page maximum.
     */
    async listPlatformWebhooks(): Promise<CalPlatformWebhook[]> {
      const { clientId, secretKey } = platform();
      const body = await call("list platform webhooks", successEnvelope(platformWebhookSchema.array()), {
        method: "GET",
        url: `/oauth-clients/${encodeURIComponent(clientId)}/webhooks`,
        params: { take: 250, skip: 0 },
        headers: { "x-cal-secret-key": secretKey },
      });
      return body.data;
    },

    async createPlatformWebhook(webhook: UserWebhookInput): Promise<CalPlatformWebhook> {
      const { clientId, secretKey } = platform();
      const body = await call("create platform webhook", successEnvelope(platformWebhookSchema), {
        method: "POST",
        url: `/oauth-clients/${encodeURIComponent(clientId)}/webhooks`,
        data: webhook,
        headers: { "x-cal-secret-key": secretKey },
      });
      return body.data;
    },

    async updatePlatformWebhook(webhookId: string, webhook: Partial<UserWebhookInput>): Promise<CalPlatformWebhook> {
      const { clientId, secretKey } = platform();
      const body = await call("update platform webhook", successEnvelope(platformWebhookSchema), {
        method: "PATCH",
        url: `/oauth-clients/${encodeURIComponent(clientId)}/webhooks/${encodeURIComponent(webhookId)}`,
        data: webhook,
        headers: { "x-cal-secret-key": secretKey },
      });
      return body.data;
    },

    /** The token owner's event types (2024-06-14; an OAuth 2.0 token needs EVENT_TYPE_READ). */
    async listOwnEventTypes(accessToken: string): Promise<CalOwnedEventType[]> {
      try {
        const body = await call("list own event types", successEnvelope(ownedEventTypeSchema.array()), {
          method: "GET",
          url: "/event-types",
          headers: { "cal-api-version": CAL_API_VERSIONS.eventTypes, ...bearer(accessToken) },
        });
        return body.data;
      } catch (error) {
        // Cal.com answers 404 "Event types not found" for an account without event types.
        if (error instanceof CalApiError && error.kind === "not_found") return [];
        throw error;
      }
    },

    async getEventType(accessToken: string, eventTypeId: number): Promise<CalOwnedEventType> {
      const body = await call("get event type", successEnvelope(ownedEventTypeSchema), {
        method: "GET",
        url: `/event-types/${eventTypeId}`,
        headers: { "cal-api-version": CAL_API_VERSIONS.eventTypes, ...bearer(accessToken) },
      });
      return body.data;
    },

    /** PATCH /v2/event-types/{id}: the owner's token (an OAuth 2.0 token needs EVENT_TYPE_WRITE). */
    async updateEventType(
      accessToken: string,
      eventTypeId: number,
      changes: EventTypeChanges,
    ): Promise<CalOwnedEventType> {
      const body = await call("update event type", successEnvelope(ownedEventTypeSchema), {
        method: "PATCH",
        url: `/event-types/${eventTypeId}`,
        data: changes,
        headers: { "cal-api-version": CAL_API_VERSIONS.eventTypes, ...bearer(accessToken) },
      });
      return body.data;
    },

    /** The private-links controller is not versioned; the event-types version is named anyway. */
    async listPrivateLinks(accessToken: string, eventTypeId: number): Promise<CalPrivateLink[]> {
      const body = await call("list private links", successEnvelope(privateLinkSchema.array()), {
        method: "GET",
        url: `/event-types/${eventTypeId}/private-links`,
        headers: { "cal-api-version": CAL_API_VERSIONS.eventTypes, ...bearer(accessToken) },
      });
      return body.data;
    },

    async createPrivateLink(
      accessToken: string,
      eventTypeId: number,
      limits: { expiresAt?: string; maxUsageCount?: number },
    ): Promise<CalPrivateLink> {
      const body = await call("create private link", successEnvelope(privateLinkSchema), {
        method: "POST",
        url: `/event-types/${eventTypeId}/private-links`,
        data: limits,
        headers: { "cal-api-version": CAL_API_VERSIONS.eventTypes, ...bearer(accessToken) },
      });
      return body.data;
    },

    async deletePrivateLink(accessToken: string, eventTypeId: number, linkId: string): Promise<void> {
      await call("delete private link", successEnvelope(z.looseObject({ linkId: z.string() })), {
        method: "DELETE",
        url: `/event-types/${eventTypeId}/private-links/${encodeURIComponent(linkId)}`,
        headers: { "cal-api-version": CAL_API_VERSIONS.eventTypes, ...bearer(accessToken) },
      });
    },

    async listPublicEventTypes(username: string): Promise<CalEventType[]> {
      try {
        const body = await call("list event types", successEnvelope(eventTypeSchema.array()), {
          method: "GET",
          url: "/event-types",
          params: { username },
          headers: { "cal-api-version": CAL_API_VERSIONS.eventTypes },
        });
        return body.data;
      } catch (error) {
        // Cal.com answers 404 for a user without public event types.
        if (error instanceof CalApiError && error.kind === "not_found") return [];
        throw error;
      }
    },
  };
}

export type CalClient = ReturnType<typeof createCalClient>;
