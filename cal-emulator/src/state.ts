// The emulator's whole memory: Cal.com's rows (clients, users, schedules, event types, bookings, tokens,
// authorization codes, user webhooks, slot reservations) held in Maps, built from the fixtures and rebuilt on reset.
import type { Fixtures, StoredBookingField, WebhookScopeReading } from "./schemas/fixtures.schema.js";
import type { WeekDay } from "./schemas/common.schema.js";

export interface OAuthClient {
  id: string;
  secret: string;
  name: string;
  redirectUris: string[];
  organizationId: number;
}

export interface Organization {
  id: number;
  name: string;
  slug: string | null;
  isPlatform: boolean;
}

export interface User {
  id: number;
  email: string;
  username: string;
  name: string;
  bio: string | null;
  timeZone: string;
  weekStart: WeekDay;
  timeFormat: 12 | 24;
  locale: string | null;
  avatarUrl: string | null;
  defaultScheduleId: number | null;
  createdDate: string;
  metadata: Record<string, unknown>;
  /** Set for platform managed users; null for an ordinary Cal.com account. */
  oauthClientId: string | null;
  organizationId: number | null;
}

export interface Schedule {
  id: number;
  userId: number;
  name: string;
  timeZone: string;
  availability: { days: WeekDay[]; startTime: string; endTime: string }[];
}

export interface EventType {
  id: number;
  ownerId: number;
  slug: string;
  title: string;
  lengthInMinutes: number;
  description: string;
  locations: { type: string; [key: string]: unknown }[];
  bookingFields: StoredBookingField[];
  minimumBookingNotice: number;
  slotInterval: number | null;
  beforeEventBuffer: number;
  afterEventBuffer: number;
  hidden: boolean;
  requiresConfirmation: boolean;
  disableGuests: boolean;
  metadata: Record<string, unknown>;
  /** The created calendar event is private (Google `visibility: private`, `.ics` CLASS:PRIVATE). */
  hideCalendarEventDetails: boolean;
  /** The booker's notes are replaced in the calendar event by "Notes have been hidden by the organizer". */
  hideCalendarNotes: boolean;
  /** The organizer's address is left out of the calendar description and emails. */
  hideOrganizerEmail: boolean;
  /** Prisma `EventType.eventName` (API v2's `customName`): the booking and calendar title, with variables. */
  customName: string | null;
}

/** Prisma `HashedLink`: a private link to one event type, limited by time or by uses. */
export interface PrivateLink {
  link: string;
  eventTypeId: number;
  expiresAt: Date | null;
  maxUsageCount: number | null;
  usageCount: number;
}

/** The event Cal.com would write to the organizer's calendar for a booking (see calendar-event.ts). */
export interface CalendarEventCopy {
  bookingUid: string;
  iCalUID: string;
  title: string;
  description: string;
  visibility: "private" | "default";
  start: string;
  end: string;
  location: string | null;
  /** `email` is null when the event type hides the organizer's address. */
  organizer: { name: string; email: string | null };
  attendees: { name: string; email: string }[];
  /** Cal.com deletes the calendar event when the booking is cancelled (or moved). */
  deleted: boolean;
}

export type BookingStatus = "accepted" | "pending" | "cancelled" | "rejected";

export interface Attendee {
  name: string;
  email: string;
  timeZone: string;
  locale: string;
  phoneNumber: string | null;
}

export interface Booking {
  id: number;
  uid: string;
  eventTypeId: number;
  organizerId: number;
  title: string;
  /** The booker's notes: Cal.com's `description` column. */
  description: string;
  start: Date;
  end: Date;
  status: BookingStatus;
  attendees: Attendee[];
  guests: string[];
  /** Every booking-field answer by field name, as the booker sent it (name, email, notes, custom fields…). */
  responses: Record<string, unknown>;
  location: string | null;
  metadata: Record<string, unknown>;
  createdAt: Date;
  updatedAt: Date;
  cancellationReason: string | null;
  cancelledByEmail: string | null;
  reschedulingReason: string | null;
  rescheduledByEmail: string | null;
  rescheduledFromUid: string | null;
  rescheduledToUid: string | null;
  platformClientId: string | null;
  /** `<uid>@Cal.com`; a rescheduled booking keeps its predecessor's and bumps the sequence. */
  iCalUID: string;
  iCalSequence: number;
  /** The private link it was booked through, if any. */
  hashedLink: string | null;
}

export interface TokenRecord {
  clientId: string;
  userId: number;
  expiresAt: Date;
}

/** An OAuth 2.0 client for ordinary accounts (Prisma `OAuthClient`); Cal.com stores the secret hashed. */
export interface OAuth2Client {
  clientId: string;
  secret: string | null;
  name: string;
  clientType: "CONFIDENTIAL" | "PUBLIC";
  redirectUris: string[];
  scopes: string[];
  status: "APPROVED" | "PENDING" | "REJECTED";
}

/** An authorization code (Prisma `AccessCode`): single use, 10 minutes, bound to client, redirect URI and PKCE challenge. */
export interface AuthorizationCode {
  clientId: string;
  userId: number;
  redirectUri: string;
  scopes: string[];
  codeChallenge: string | null;
  codeChallengeMethod: string | null;
  expiresAt: Date;
}

/** An OAuth 2.0 access or refresh token issued to a client for an ordinary account. */
export interface OAuth2TokenRecord {
  clientId: string;
  userId: number;
  scopes: string[];
  expiresAt: Date;
  /** Set when a refresh token was rotated away or revoked: using it again is `refresh_token_already_used`. */
  revokedAt: Date | null;
}

/** A user-level webhook subscription (`POST /v2/webhooks`), Prisma `Webhook` with `userId` set. */
export interface UserWebhook {
  id: string;
  userId: number;
  subscriberUrl: string;
  triggers: string[];
  active: boolean;
  payloadTemplate: string | null;
  secret: string | null;
  /** Prisma `Webhook.version`, default "2021-10-20": sent as X-Cal-Webhook-Version. */
  version: WebhookVersion;
  createdAt: Date;
}

/** Cal.com's only webhook payload version (Prisma `WebhookVersion`, the column's default). */
export type WebhookVersion = "2021-10-20";

/**
 * A platform OAuth client's webhook (`/v2/oauth-clients/{clientId}/webhooks`), Prisma `Webhook` with
 * `platformOAuthClientId` set: it hears bookings whose `platformClientId` is that client (managed users').
 */
export interface PlatformWebhook {
  id: string;
  oAuthClientId: string;
  subscriberUrl: string;
  triggers: string[];
  active: boolean;
  payloadTemplate: string | null;
  secret: string | null;
  version: WebhookVersion;
  createdAt: Date;
}

export interface SlotReservation {
  uid: string;
  eventTypeId: number;
  start: Date;
  end: Date;
  releaseAt: Date;
}

export interface EmulatorState {
  /** Which scope /v2/webhooks needs of an OAuth 2.0 token (see fixtures.schema.ts). */
  webhookScopeReading: WebhookScopeReading;
  bookingsListPagination: Fixtures["bookingsListPagination"];
  organization: Organization;
  oauthClients: Map<string, OAuthClient>;
  users: Map<number, User>;
  schedules: Map<number, Schedule>;
  eventTypes: Map<number, EventType>;
  bookings: Map<string, Booking>;
  accessTokens: Map<string, TokenRecord>;
  refreshTokens: Map<string, TokenRecord>;
  reservations: Map<string, SlotReservation>;
  oauth2Clients: Map<string, OAuth2Client>;
  authorizationCodes: Map<string, AuthorizationCode>;
  oauth2AccessTokens: Map<string, OAuth2TokenRecord>;
  oauth2RefreshTokens: Map<string, OAuth2TokenRecord>;
  userWebhooks: Map<string, UserWebhook>;
  platformWebhooks: Map<string, PlatformWebhook>;
  privateLinks: Map<string, PrivateLink>;
  /** By booking uid. */
  calendarEvents: Map<string, CalendarEventCopy>;
  defaultEventTypesForNewManagedUsers: Fixtures["defaultEventTypesForNewManagedUsers"];
  nextIds: { user: number; schedule: number; eventType: number; booking: number };
}

const maxId = (ids: number[], floor: number) => Math.max(floor, ...ids) + 1;

export function createState(fixtures: Fixtures, now: Date): EmulatorState {
  const { organization, oauthClient } = fixtures;
  const users = new Map<number, User>();
  for (const user of fixtures.managedUsers) {
    users.set(user.id, { ...user, oauthClientId: oauthClient.id, organizationId: organization.id });
  }
  for (const user of fixtures.ordinaryAccounts)
    users.set(user.id, { ...user, oauthClientId: null, organizationId: null });

  const schedules = new Map(fixtures.schedules.map((schedule) => [schedule.id, structuredClone(schedule)]));
  const eventTypes = new Map(fixtures.eventTypes.map((eventType) => [eventType.id, structuredClone(eventType)]));

  const bookings = new Map<string, Booking>();
  let bookingId = 5001;
  for (const seed of fixtures.bookings) {
    const eventType = eventTypes.get(seed.eventTypeId);
    if (!eventType)
      throw new Error(`fixtures: booking ${seed.uid} names event type ${seed.eventTypeId}, which does not exist`);
    const start = new Date(seed.start);
    bookings.set(seed.uid, {
      id: bookingId++,
      uid: seed.uid,
      eventTypeId: eventType.id,
      organizerId: eventType.ownerId,
      title: `${eventType.title} between ${users.get(eventType.ownerId)?.name ?? ""} and ${seed.attendee.name}`,
      description: "",
      start,
      end: new Date(start.getTime() + eventType.lengthInMinutes * 60_000),
      status: seed.status,
      attendees: [{ ...seed.attendee, locale: "en", phoneNumber: null }],
      guests: [],
      responses: { name: seed.attendee.name, email: seed.attendee.email },
      location: null,
      metadata: {},
      createdAt: now,
      updatedAt: now,
      cancellationReason: null,
      cancelledByEmail: null,
      reschedulingReason: null,
      rescheduledByEmail: null,
      rescheduledFromUid: null,
      rescheduledToUid: null,
      platformClientId: users.get(eventType.ownerId)?.oauthClientId ?? null,
      iCalUID: `${seed.uid}@Cal.com`,
      iCalSequence: 0,
      hashedLink: null,
    });
  }

  return {
    webhookScopeReading: fixtures.webhookScopeReading,
    bookingsListPagination: fixtures.bookingsListPagination,
    organization: { ...organization },
    oauthClients: new Map([[oauthClient.id, { ...oauthClient, redirectUris: [...oauthClient.redirectUris] }]]),
    users,
    schedules,
    eventTypes,
    bookings,
    accessTokens: new Map(),
    refreshTokens: new Map(),
    reservations: new Map(),
    oauth2Clients: new Map(
      fixtures.oauth2Clients.map((client) => [
        client.clientId,
        { ...client, redirectUris: [...client.redirectUris], scopes: [...client.scopes] },
      ]),
    ),
    authorizationCodes: new Map(),
    oauth2AccessTokens: new Map(),
    oauth2RefreshTokens: new Map(),
    userWebhooks: new Map(),
    platformWebhooks: new Map(),
    privateLinks: new Map(),
    calendarEvents: new Map(),
    defaultEventTypesForNewManagedUsers: structuredClone(fixtures.defaultEventTypesForNewManagedUsers),
    nextIds: {
      user: maxId([...users.keys()], 7000),
      schedule: maxId([...schedules.keys()], 8000),
      eventType: maxId([...eventTypes.keys()], 9000),
      booking: maxId(
        [...bookings.values()].map((booking) => booking.id),
        5000,
      ),
    },
  };
}

export function takeId(state: EmulatorState, kind: keyof EmulatorState["nextIds"]): number {
  const id = state.nextIds[kind];
  state.nextIds[kind] = id + 1;
  return id;
}
