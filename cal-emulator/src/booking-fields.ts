// Booking fields the way Cal.com serves them: the stored custom fields wrapped in the system fields
// (name, email, location before; title, notes, guests, rescheduleReason after), as
// packages/features/bookings/lib/getBookingFields.ts `ensureBookingInputsHaveSystemFields` does.
// The Booker renders its form from this list.
import type { StoredBookingField } from "./schemas/fixtures.schema.js";
import type { EventType } from "./state.js";

const DEFAULT_SOURCE = [{ label: "Default", id: "default", type: "default" }];

export type BookingField = StoredBookingField & { defaultLabel?: string; sources?: unknown[]; [key: string]: unknown };

export const SYSTEM_FIELD_NAMES = [
  "name",
  "email",
  "location",
  "title",
  "notes",
  "guests",
  "rescheduleReason",
] as const;

function systemFieldsBefore(): BookingField[] {
  return [
    {
      type: "name",
      name: "name",
      editable: "system",
      defaultLabel: "your_name",
      required: true,
      sources: DEFAULT_SOURCE,
    },
    {
      type: "email",
      name: "email",
      editable: "system",
      defaultLabel: "email_address",
      required: true,
      sources: DEFAULT_SOURCE,
    },
    {
      type: "radioInput",
      name: "location",
      editable: "system",
      defaultLabel: "location",
      hideWhenJustOneOption: true,
      required: false,
      getOptionsAt: "locations",
      optionsInputs: {
        attendeeInPerson: { type: "address", required: true, placeholder: "" },
        phone: { type: "phone", required: true, placeholder: "" },
      },
      sources: DEFAULT_SOURCE,
    },
  ];
}

function systemFieldsAfter(eventType: EventType): BookingField[] {
  return [
    {
      type: "text",
      name: "title",
      editable: "system-but-optional",
      defaultLabel: "what_is_this_meeting_about",
      required: true,
      hidden: true,
      defaultPlaceholder: "",
      sources: DEFAULT_SOURCE,
    },
    {
      type: "textarea",
      name: "notes",
      editable: "system-but-optional",
      defaultLabel: "additional_notes",
      required: false,
      defaultPlaceholder: "share_additional_notes",
      sources: DEFAULT_SOURCE,
    },
    {
      type: "multiemail",
      name: "guests",
      editable: "system-but-optional",
      defaultLabel: "additional_guests",
      required: false,
      hidden: eventType.disableGuests,
      defaultPlaceholder: "email",
      sources: DEFAULT_SOURCE,
    },
    {
      type: "textarea",
      name: "rescheduleReason",
      editable: "system-but-optional",
      defaultLabel: "reason_for_reschedule",
      required: false,
      defaultPlaceholder: "reschedule_placeholder",
      views: [{ id: "reschedule", label: "Reschedule View" }],
      sources: DEFAULT_SOURCE,
    },
  ];
}

/** System fields stored on the event type override the code's defaults property by property, as in Cal.com. */
export function bookingFieldsWithSystemFields(eventType: EventType): BookingField[] {
  const stored = eventType.bookingFields.map((field) => ({ ...field }) as BookingField);
  const merge = (defaults: BookingField[]) =>
    defaults.filter((field) => {
      const index = stored.findIndex((existing) => existing.name === field.name);
      if (index === -1) return true;
      stored[index] = { ...field, ...stored[index]! };
      return false;
    });
  const before = merge(systemFieldsBefore());
  const after = merge(systemFieldsAfter(eventType));
  return [...before, ...stored, ...after];
}

/**
 * English texts of the i18n keys the system fields use (packages/i18n/locales/en/common.json; wording
 * not checked key by key against a release, README "Known differences").
 */
const ENGLISH: Record<string, string> = {
  your_name: "Your name",
  email_address: "Email address",
  location: "Location",
  what_is_this_meeting_about: "What is this meeting about?",
  additional_notes: "Additional notes",
  additional_guests: "Add guests",
  reason_for_reschedule: "Reason for reschedule",
  share_additional_notes: "Please share anything that will help prepare for our meeting.",
  email: "Email",
  reschedule_placeholder: "Let others know why you need to reschedule",
};

function englishText(key: string | undefined): string {
  return key === undefined ? "" : (ENGLISH[key] ?? key);
}

/** The label a webhook shows for a field: its own label, else Cal.com's i18n key (e.g. "your_name"). */
export function fieldLabel(field: BookingField): string {
  return field.label ?? field.defaultLabel ?? field.name;
}

/**
 * API v2 2024-06-14's output form of a booking field (packages/platform/types/event-types/
 * event-types_2024_06_14/outputs/booking-fields.output.ts): system fields become `isDefault: true` with
 * a `slug`; custom fields keep their type with `isDefault: false`.
 */
export function toBookingFieldOutput(field: BookingField): Record<string, unknown> {
  const isDefault = (SYSTEM_FIELD_NAMES as readonly string[]).includes(field.name);
  // Every field carries label and placeholder (OpenAPI NameDefaultFieldOutput_2024_06_14, TextFieldOutput_2024_06_14
  // etc. require them): its own, else the English text of Cal.com's i18n key, else "".
  const label = field.label ?? englishText(field.defaultLabel);
  const placeholder = field.placeholder ?? englishText(field.defaultPlaceholder as string | undefined);
  const common = {
    isDefault,
    slug: field.name,
    type: field.type,
    required: field.required ?? false,
    label,
    placeholder,
  };
  if (field.name === "name") return { ...common, disableOnPrefill: false };
  if (field.name === "email") return { ...common, hidden: field.hidden ?? false, disableOnPrefill: false };
  if (field.name === "location")
    return {
      isDefault,
      slug: "location",
      type: "radioInput",
      required: common.required,
      hidden: field.hidden ?? false,
      label,
    };
  return { ...common, hidden: field.hidden ?? false, disableOnPrefill: false };
}
