// The one Cal.com API v2 client (axios, keep-alive, timeouts). One base URL serves both the real
// Cal.com (https://api.cal.com/v2) and the local emulator; every call validates the response shape.
import http from 'node:http';
import https from 'node:https';
import axios, { AxiosError, type AxiosInstance } from 'axios';
import type { z } from 'zod';
import { CalApiError, kindForStatus } from './cal-api-error.js';
import {
  bookingsPageSchema,
  calApiBookingSchema,
  eventTypeSchema,
  managedUserSchema,
  managedUserTokensSchema,
  successEnvelope,
  type CalApiBooking,
  type CalEventType,
  type ManagedUser,
  type ManagedUserTokens,
} from './cal-schemas.js';

export interface CalClientOptions {
  /** e.g. https://api.cal.com/v2 */
  baseUrl: string;
  /** Platform OAuth client (managed users); absent when only OAuth-connected accounts are used. */
  platformClient?: { clientId: string; secretKey: string };
  timeoutMs?: number;
}

// Cal.com routes requests by this header; these are the versions whose shapes we read.
const EVENT_TYPES_VERSION = '2024-06-14';
const BOOKINGS_VERSION = '2024-08-13';

export function createCalClient(options: CalClientOptions) {
  const httpClient: AxiosInstance = axios.create({
    baseURL: options.baseUrl.replace(/\/+$/, ''),
    timeout: options.timeoutMs ?? 10_000,
    httpAgent: new http.Agent({ keepAlive: true, maxSockets: 50 }),
    httpsAgent: new https.Agent({ keepAlive: true, maxSockets: 50 }),
    // We map every status ourselves, including Cal.com's non-standard 498 for expired tokens.
    validateStatus: () => true,
    maxRedirects: 0,
  });

  function platform() {
    if (!options.platformClient) throw new CalApiError('rejected', null, 'NO_PLATFORM_CLIENT', 'platform call (no OAuth client configured)');
    return options.platformClient;
  }

  async function call<T extends z.ZodType>(operation: string, schema: T, request: Parameters<AxiosInstance['request']>[0]): Promise<z.infer<T>> {
    let response;
    try {
      response = await httpClient.request(request);
    } catch (error) {
      const code = error instanceof AxiosError ? (error.code ?? null) : null;
      throw new CalApiError('unavailable', null, code, operation);
    }
    if (response.status < 200 || response.status >= 300) {
      const upstreamCode = typeof response.data?.error?.code === 'string' ? response.data.error.code : null;
      throw new CalApiError(kindForStatus(response.status), response.status, upstreamCode, operation);
    }
    const parsed = schema.safeParse(response.data);
    if (!parsed.success) throw new CalApiError('unavailable', response.status, 'UNEXPECTED_RESPONSE_SHAPE', operation);
    return parsed.data;
  }

  return {
    baseUrl: options.baseUrl,
    platformClientId: options.platformClient?.clientId ?? null,

    async listManagedUsers(page: { limit: number; offset: number }): Promise<ManagedUser[]> {
      const { clientId, secretKey } = platform();
      const body = await call('list managed users', successEnvelope(managedUserSchema.array()), {
        method: 'GET',
        url: `/oauth-clients/${encodeURIComponent(clientId)}/users`,
        params: page,
        headers: { 'x-cal-secret-key': secretKey },
      });
      return body.data;
    },

    async forceRefreshManagedUser(userId: number): Promise<ManagedUserTokens> {
      const { clientId, secretKey } = platform();
      const body = await call('force-refresh managed user', successEnvelope(managedUserTokensSchema), {
        method: 'POST',
        url: `/oauth-clients/${encodeURIComponent(clientId)}/users/${userId}/force-refresh`,
        headers: { 'x-cal-secret-key': secretKey },
      });
      return body.data;
    },

    async refreshManagedUserTokens(refreshToken: string): Promise<ManagedUserTokens> {
      const { clientId, secretKey } = platform();
      const body = await call('refresh managed-user token', successEnvelope(managedUserTokensSchema), {
        method: 'POST',
        url: `/oauth/${encodeURIComponent(clientId)}/refresh`,
        headers: { 'x-cal-secret-key': secretKey },
        data: { refreshToken },
      });
      return body.data;
    },

    /**
     * One page of the OAuth client's managed users' bookings updated in a window (for reconciliation).
     * Bookings whose shape we cannot read are returned apart, counted, never silently dropped.
     */
    async listBookingsUpdatedBetween(window: { after: Date; before: Date; skip: number; take: number }): Promise<{ bookings: CalApiBooking[]; unreadable: number; hasNextPage: boolean }> {
      const { clientId, secretKey } = platform();
      const body = await call('list bookings', bookingsPageSchema, {
        method: 'GET',
        url: '/bookings',
        params: { afterUpdatedAt: window.after.toISOString(), beforeUpdatedAt: window.before.toISOString(), sortUpdatedAt: 'asc', take: window.take, skip: window.skip },
        headers: { 'cal-api-version': BOOKINGS_VERSION, 'x-cal-client-id': clientId, 'x-cal-secret-key': secretKey },
      });
      const parsed = body.data.map((item) => calApiBookingSchema.safeParse(item));
      return {
        bookings: parsed.flatMap((result) => (result.success ? [result.data] : [])),
        unreadable: parsed.filter((result) => !result.success).length,
        hasNextPage: body.pagination.hasNextPage,
      };
    },

    async listPublicEventTypes(username: string): Promise<CalEventType[]> {
      try {
        const body = await call('list event types', successEnvelope(eventTypeSchema.array()), {
          method: 'GET',
          url: '/event-types',
          params: { username },
          headers: { 'cal-api-version': EVENT_TYPES_VERSION },
        });
        return body.data;
      } catch (error) {
        // Cal.com answers 404 for a user without public event types.
        if (error instanceof CalApiError && error.kind === 'not_found') return [];
        throw error;
      }
    },
  };
}

export type CalClient = ReturnType<typeof createCalClient>;
