// How Cal.com prints an event type: API v2 2024-06-14's EventTypeOutput, and the atoms' PublicEventType
// (packages/features/eventtypes/lib/getPublicEvent.ts, single-user branch) that the Booker renders.
import { bookingFieldsWithSystemFields, toBookingFieldOutput } from "./booking-fields.js";
import { privacyFilteredLocations, toLocationOutput } from "./event-locations.js";
import type { EmulatorState, EventType, User } from "./state.js";

/** Cal.com's public booking pages (the document's example: https://cal.com/john-doe/30min). */
const BOOKING_PAGE_ORIGIN = "https://cal.com";

const DEFAULT_BOOKER_LAYOUTS = {
  enabledLayouts: ["month_view", "week_view", "column_view"],
  defaultLayout: "month_view",
};

/** packages/platform/types/event-types/event-types_2024_06_14/outputs/event-type.output.ts (common fields). */
export function toEventTypeOutput(eventType: EventType, owner: User) {
  return {
    id: eventType.id,
    ownerId: eventType.ownerId,
    lengthInMinutes: eventType.lengthInMinutes,
    title: eventType.title,
    slug: eventType.slug,
    description: eventType.description,
    locations: eventType.locations.map(toLocationOutput),
    bookingFields: bookingFieldsWithSystemFields(eventType).map(toBookingFieldOutput),
    disableGuests: eventType.disableGuests,
    slotInterval: eventType.slotInterval,
    minimumBookingNotice: eventType.minimumBookingNotice,
    beforeEventBuffer: eventType.beforeEventBuffer,
    afterEventBuffer: eventType.afterEventBuffer,
    recurrence: null,
    metadata: eventType.metadata,
    price: 0,
    currency: "usd",
    lockTimeZoneToggleOnBookingPage: false,
    seatsPerTimeSlot: null,
    forwardParamsSuccessRedirect: null,
    successRedirectUrl: null,
    isInstantEvent: false,
    seatsShowAvailabilityCount: null,
    scheduleId: null,
    hidden: eventType.hidden,
    hideCalendarNotes: eventType.hideCalendarNotes,
    hideCalendarEventDetails: eventType.hideCalendarEventDetails,
    hideOrganizerEmail: eventType.hideOrganizerEmail,
    // The output pipe maps the `eventName` column to `customName`; an unset one is left out.
    ...(eventType.customName ? { customName: eventType.customName } : {}),
    bookingRequiresAuthentication: false,
    // "Full URL to the booking page for this event type" (OpenAPI EventTypeOutput_2024_06_14.bookingUrl).
    bookingUrl: `${BOOKING_PAGE_ORIGIN}/${owner.username}/${eventType.slug}`,
    users: [
      {
        id: owner.id,
        name: owner.name,
        username: owner.username,
        avatarUrl: owner.avatarUrl,
        weekStart: owner.weekStart,
        brandColor: null,
        darkBrandColor: null,
        metadata: owner.metadata,
      },
    ],
  };
}

/**
 * The legacy (2024-04-15) EventTypeOutput: Cal.com's row with stored locations and booking fields.
 * apps/api/v2/src/ee/event-types/event-types_2024_04_15/outputs/event-type.output.ts.
 */
export function toLegacyEventTypeOutput(eventType: EventType) {
  return {
    id: eventType.id,
    length: eventType.lengthInMinutes,
    slug: eventType.slug,
    title: eventType.title,
    description: eventType.description,
    hidden: eventType.hidden,
    locations: eventType.locations,
    offsetStart: 0,
    userId: eventType.ownerId,
    teamId: null,
    eventName: eventType.customName,
    bookingFields: eventType.bookingFields.length > 0 ? eventType.bookingFields : null,
    timeZone: null,
    periodType: "UNLIMITED",
    periodStartDate: null,
    periodEndDate: null,
    periodDays: null,
    periodCountCalendarDays: null,
    lockTimeZoneToggleOnBookingPage: false,
    requiresConfirmation: eventType.requiresConfirmation,
    requiresBookerEmailVerification: false,
    recurringEvent: null,
    disableGuests: eventType.disableGuests,
    hideCalendarNotes: eventType.hideCalendarNotes,
    minimumBookingNotice: eventType.minimumBookingNotice,
    beforeEventBuffer: eventType.beforeEventBuffer,
    afterEventBuffer: eventType.afterEventBuffer,
    seatsPerTimeSlot: null,
    onlyShowFirstAvailableSlot: false,
    seatsShowAttendees: false,
    seatsShowAvailabilityCount: true,
    schedulingType: null,
    price: 0,
    currency: "usd",
    slotInterval: eventType.slotInterval,
    metadata: eventType.metadata,
    successRedirectUrl: null,
    durationLimits: null,
    isInstantEvent: false,
    assignAllTeamMembers: false,
    useEventTypeDestinationCalendarEmail: false,
    secondaryEmailId: null,
  };
}

function userProfile(user: User, state: EmulatorState) {
  const organization = user.organizationId === state.organization.id ? state.organization : null;
  return {
    username: user.username,
    upId: `usr-${user.id}`,
    id: null,
    organizationId: organization?.id ?? null,
    organization: organization
      ? { id: organization.id, name: organization.name, slug: organization.slug, calVideoLogo: null, bannerUrl: null }
      : null,
  };
}

export function toPublicEventType(eventType: EventType, owner: User, state: EmulatorState) {
  const profile = userProfile(owner, state);
  const schedule = owner.defaultScheduleId === null ? undefined : state.schedules.get(owner.defaultScheduleId);
  const bookerUser = {
    username: owner.username,
    name: owner.name,
    weekStart: owner.weekStart,
    organizationId: profile.organizationId,
    avatarUrl: owner.avatarUrl,
    profile,
    bookerUrl: "https://cal.com",
  };
  return {
    id: eventType.id,
    title: eventType.title,
    description: eventType.description,
    eventName: eventType.customName,
    slug: eventType.slug,
    isInstantEvent: false,
    instantMeetingParameters: [],
    aiPhoneCallConfig: null,
    schedulingType: null,
    length: eventType.lengthInMinutes,
    locations: privacyFilteredLocations(eventType.locations),
    customInputs: [],
    disableGuests: eventType.disableGuests,
    metadata: eventType.metadata,
    lockTimeZoneToggleOnBookingPage: false,
    requiresConfirmation: eventType.requiresConfirmation,
    requiresBookerEmailVerification: false,
    recurringEvent: null,
    price: 0,
    currency: "usd",
    seatsPerTimeSlot: null,
    seatsShowAvailabilityCount: true,
    bookingFields: bookingFieldsWithSystemFields(eventType),
    team: null,
    successRedirectUrl: null,
    forwardParamsSuccessRedirect: true,
    workflows: [],
    hosts: [],
    owner: {
      id: owner.id,
      avatarUrl: owner.avatarUrl,
      username: owner.username,
      name: owner.name,
      weekStart: owner.weekStart,
      brandColor: null,
      darkBrandColor: null,
      theme: null,
      metadata: {},
      defaultScheduleId: owner.defaultScheduleId,
      profile,
    },
    schedule: schedule ? { id: schedule.id, timeZone: schedule.timeZone } : null,
    hidden: eventType.hidden,
    assignAllTeamMembers: false,
    bookerLayouts: DEFAULT_BOOKER_LAYOUTS,
    profile: {
      username: owner.username,
      name: owner.name,
      weekStart: owner.weekStart,
      image: owner.avatarUrl ?? `https://cal.com/${owner.username}/avatar.png`,
      brandColor: null,
      darkBrandColor: null,
      theme: null,
      bookerLayouts: DEFAULT_BOOKER_LAYOUTS,
    },
    users: [bookerUser],
    subsetOfUsers: [bookerUser],
    entity: {
      fromRedirectOfNonOrgLink: true,
      considerUnpublished: false,
      orgSlug: null,
      teamSlug: null,
      name: profile.organization?.name ?? null,
      logoUrl: null,
      hideProfileLink: false,
    },
    isDynamic: false,
    fieldTranslations: [],
    restrictionScheduleId: null,
    useBookerTimezone: false,
  };
}
