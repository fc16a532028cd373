// The title Cal.com gives a booking and its calendar event: the event type's `customName` (Prisma
// `eventName`) with its variables filled in, or "<event type> between <host> and <attendee>" without one.
// Source: packages/features/eventtypes/lib/eventNaming.ts (`getEventName`) and the `event_between_users`
// text of packages/i18n/locales/en/common.json, read at 00134d8.
export interface EventNameInput {
  customName: string | null;
  eventTypeTitle: string;
  hostName: string;
  attendeeName: string;
  lengthMinutes: number;
  /** A label for the location ({Location}); Cal.com guesses the app's name from the stored value. */
  locationLabel: string;
  /** The booking's answers by field name: `{fieldName}` variables read them. */
  responses: Record<string, unknown>;
}

const firstNameOf = (name: string) => name.trim().split(/\s+/)[0] ?? "";

export function eventName(input: EventNameInput): string {
  if (!input.customName) return `${input.eventTypeTitle} between ${input.hostName} and ${input.attendeeName}`;
  let title = input.customName.replace("{Location}", input.locationLabel).replace("{LOCATION}", input.locationLabel);
  title = title
    .replaceAll("{Event type title}", input.eventTypeTitle)
    .replaceAll("{Scheduler}", input.attendeeName)
    .replaceAll("{Organiser}", input.hostName)
    .replaceAll("{Organiser first name}", firstNameOf(input.hostName))
    .replaceAll("{Organiser given name}", firstNameOf(input.hostName))
    .replaceAll("{USER}", input.attendeeName)
    .replaceAll("{ATTENDEE}", input.attendeeName)
    .replaceAll("{HOST}", input.hostName)
    // The organizer's own calendar shows the attendee's view's opposite: the attendee.
    .replaceAll("{HOST/ATTENDEE}", input.attendeeName)
    .replaceAll("{Event duration}", `${input.lengthMinutes} mins`)
    .replaceAll("{Scheduler first name}", firstNameOf(input.attendeeName));
  // Any other {variable} names a booking field: its answer, or nothing.
  for (const variable of title.match(/\{(.+?)}/g) ?? []) {
    const value = input.responses[variable.slice(1, -1)];
    const text =
      value === undefined || value === null || value === ""
        ? ""
        : typeof value === "object" && value !== null && "value" in value
          ? String((value as { value: unknown }).value ?? "")
          : String(value);
    title = title.replace(variable, text);
  }
  return title;
}
