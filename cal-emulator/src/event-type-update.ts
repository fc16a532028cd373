// PATCH /v2/event-types/{id} (2024-06-14): the part of UpdateEventTypeInput_2024_06_14 the emulator keeps.
// `bookingFields` replaces the whole list ("This array replaces all existing booking fields"): default
// fields are named by slug (name, email, location, title, notes, guests, rescheduleReason) and may change
// label, placeholder, required and hidden; any other slug is a custom field stored with its type.
// A property the emulator does not model is refused (400), so a test never believes it was applied.
// Source: packages/platform/types/event-types/event-types_2024_06_14/inputs/update-event-type.input.ts
// (at 00134d8) and booking-fields.input.ts.
import { z } from "zod";
import { SYSTEM_FIELD_NAMES } from "./booking-fields.js";
import type { StoredBookingField } from "./schemas/fixtures.schema.js";
import type { EventType } from "./state.js";

const SYSTEM_FIELD_TYPES: Record<(typeof SYSTEM_FIELD_NAMES)[number], string> = {
  name: "name",
  email: "email",
  location: "radioInput",
  title: "text",
  notes: "textarea",
  guests: "multiemail",
  rescheduleReason: "textarea",
};

const defaultFieldInput = z.strictObject({
  slug: z.enum(SYSTEM_FIELD_NAMES),
  required: z.boolean().optional(),
  hidden: z.boolean().optional(),
  label: z.string().optional(),
  placeholder: z.string().optional(),
  disableOnPrefill: z.boolean().optional(),
});

const customFieldInput = z.strictObject({
  type: z.enum(["text", "textarea", "phone", "number", "select", "multiselect", "checkbox", "radio", "boolean"]),
  slug: z.string().min(1),
  label: z.string(),
  required: z.boolean(),
  placeholder: z.string().optional(),
  hidden: z.boolean().optional(),
  disableOnPrefill: z.boolean().optional(),
  options: z.array(z.string()).optional(),
});

export const updateEventTypeInputSchema = z.strictObject({
  lengthInMinutes: z.number().int().min(1).optional(),
  title: z.string().optional(),
  slug: z.string().optional(),
  description: z.string().optional(),
  bookingFields: z.array(z.union([defaultFieldInput, customFieldInput])).optional(),
  disableGuests: z.boolean().optional(),
  slotInterval: z.number().int().optional(),
  minimumBookingNotice: z.number().int().min(0).optional(),
  beforeEventBuffer: z.number().int().optional(),
  afterEventBuffer: z.number().int().optional(),
  hidden: z.boolean().optional(),
  hideCalendarNotes: z.boolean().optional(),
  hideCalendarEventDetails: z.boolean().optional(),
  hideOrganizerEmail: z.boolean().optional(),
  customName: z.string().optional(),
});

export type UpdateEventTypeInput = z.infer<typeof updateEventTypeInputSchema>;

function toStoredField(field: NonNullable<UpdateEventTypeInput["bookingFields"]>[number]): StoredBookingField {
  if ((SYSTEM_FIELD_NAMES as readonly string[]).includes(field.slug) && !("type" in field)) {
    const { slug, disableOnPrefill: _ignored, ...overrides } = field as z.infer<typeof defaultFieldInput>;
    return { name: slug, type: SYSTEM_FIELD_TYPES[slug], ...overrides };
  }
  const { slug, disableOnPrefill: _ignored, ...rest } = field as z.infer<typeof customFieldInput>;
  return { ...rest, name: slug, editable: "user" };
}

export function applyEventTypeUpdate(eventType: EventType, input: UpdateEventTypeInput): void {
  const { bookingFields, ...scalars } = input;
  Object.assign(eventType, Object.fromEntries(Object.entries(scalars).filter(([, value]) => value !== undefined)));
  if (bookingFields) eventType.bookingFields = bookingFields.map(toStoredField);
}
