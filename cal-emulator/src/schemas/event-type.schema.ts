// Event type outputs: API v2 2024-06-14's EventTypeOutput and the atoms' PublicEventType.
// Sources: packages/platform/types/event-types/event-types_2024_06_14/outputs/event-type.output.ts,
// packages/features/eventtypes/lib/getPublicEvent.ts, and the fields the Booker reads in @calcom/atoms dist.
import { z } from "zod";

const bookingFieldOutput = z
  .object({ isDefault: z.boolean(), slug: z.string(), type: z.string(), required: z.boolean() })
  .loose();

export const eventTypeOutputSchema = z.strictObject({
  id: z.number().int(),
  ownerId: z.number().int(),
  lengthInMinutes: z.number().int().min(1),
  title: z.string(),
  slug: z.string(),
  description: z.string(),
  locations: z.array(z.object({ type: z.string() }).loose()),
  bookingFields: z.array(bookingFieldOutput),
  disableGuests: z.boolean(),
  slotInterval: z.number().int().nullable(),
  minimumBookingNotice: z.number().int(),
  beforeEventBuffer: z.number().int(),
  afterEventBuffer: z.number().int(),
  recurrence: z.null(),
  metadata: z.record(z.string(), z.unknown()),
  price: z.number(),
  currency: z.string(),
  lockTimeZoneToggleOnBookingPage: z.boolean(),
  seatsPerTimeSlot: z.number().int().nullable(),
  forwardParamsSuccessRedirect: z.boolean().nullable(),
  successRedirectUrl: z.string().nullable(),
  isInstantEvent: z.boolean(),
  seatsShowAvailabilityCount: z.boolean().nullable(),
  scheduleId: z.number().int().nullable(),
  hidden: z.boolean(),
  hideCalendarNotes: z.boolean(),
  hideCalendarEventDetails: z.boolean(),
  hideOrganizerEmail: z.boolean(),
  customName: z.string().optional(),
  bookingRequiresAuthentication: z.boolean(),
  bookingUrl: z.url(),
  users: z.array(
    z.strictObject({
      id: z.number().int(),
      name: z.string().nullable(),
      username: z.string().nullable(),
      avatarUrl: z.string().nullable(),
      weekStart: z.string(),
      brandColor: z.string().nullable(),
      darkBrandColor: z.string().nullable(),
      metadata: z.record(z.string(), z.unknown()),
    }),
  ),
});

/** One field in Cal.com's internal form, which the Booker's form builder renders. */
export const publicBookingFieldSchema = z
  .object({ name: z.string(), type: z.string(), editable: z.string().optional() })
  .loose();

const bookerLayouts = z.strictObject({ enabledLayouts: z.array(z.string()).min(1), defaultLayout: z.string() });

const bookerUser = z.strictObject({
  username: z.string(),
  name: z.string(),
  weekStart: z.string(),
  organizationId: z.number().int().nullable(),
  avatarUrl: z.string().nullable(),
  profile: z.object({ username: z.string(), organizationId: z.number().int().nullable() }).loose(),
  bookerUrl: z.string(),
});

export const publicEventTypeSchema = z.strictObject({
  id: z.number().int(),
  title: z.string(),
  description: z.string(),
  eventName: z.string().nullable(),
  slug: z.string(),
  isInstantEvent: z.boolean(),
  instantMeetingParameters: z.array(z.string()),
  aiPhoneCallConfig: z.null(),
  schedulingType: z.string().nullable(),
  length: z.number().int(),
  locations: z.array(z.object({ type: z.string() }).loose()),
  customInputs: z.array(z.unknown()),
  disableGuests: z.boolean(),
  metadata: z.record(z.string(), z.unknown()),
  lockTimeZoneToggleOnBookingPage: z.boolean(),
  requiresConfirmation: z.boolean(),
  requiresBookerEmailVerification: z.boolean(),
  recurringEvent: z.null(),
  price: z.number(),
  currency: z.string(),
  seatsPerTimeSlot: z.number().int().nullable(),
  seatsShowAvailabilityCount: z.boolean().nullable(),
  bookingFields: z.array(publicBookingFieldSchema),
  team: z.null(),
  successRedirectUrl: z.string().nullable(),
  forwardParamsSuccessRedirect: z.boolean().nullable(),
  workflows: z.array(z.unknown()),
  hosts: z.array(z.unknown()),
  owner: z.object({ id: z.number().int(), username: z.string(), name: z.string() }).loose(),
  schedule: z.strictObject({ id: z.number().int(), timeZone: z.string() }).nullable(),
  hidden: z.boolean(),
  assignAllTeamMembers: z.boolean(),
  bookerLayouts,
  profile: z.strictObject({
    username: z.string(),
    name: z.string(),
    weekStart: z.string(),
    image: z.string(),
    brandColor: z.string().nullable(),
    darkBrandColor: z.string().nullable(),
    theme: z.string().nullable(),
    bookerLayouts,
  }),
  users: z.array(bookerUser).min(1),
  subsetOfUsers: z.array(bookerUser).min(1),
  entity: z.strictObject({
    fromRedirectOfNonOrgLink: z.boolean(),
    considerUnpublished: z.boolean(),
    orgSlug: z.string().nullable(),
    teamSlug: z.string().nullable(),
    name: z.string().nullable(),
    logoUrl: z.string().nullable(),
    hideProfileLink: z.boolean(),
  }),
  isDynamic: z.boolean(),
  fieldTranslations: z.array(z.unknown()),
  restrictionScheduleId: z.number().int().nullable(),
  useBookerTimezone: z.boolean(),
});
