// Unit test of the pure rule: which of an event type's settings keep it from being sensitive.
import { describe, expect, it } from "vitest";
import type { CalOwnedEventType } from "@churchhub/cal-client";
import { NEUTRAL_EVENT_TITLE, sensitiveEventTypeChanges, sensitiveSettingsDrift } from "./sensitive-event-settings.js";

const field = (slug: string, isDefault: boolean, hidden?: boolean) => ({
  slug,
  type: "text",
  isDefault,
  ...(hidden === undefined ? {} : { hidden }),
});

const sensitive: CalOwnedEventType = {
  id: 1,
  slug: "care",
  title: "Care",
  ownerId: 7,
  hidden: false,
  hideCalendarEventDetails: true,
  hideCalendarNotes: true,
  hideOrganizerEmail: true,
  customName: NEUTRAL_EVENT_TITLE,
  bookingFields: [
    field("name", true),
    field("email", true, false),
    field("location", true, false),
    field("title", true, true),
    field("notes", true, true),
    field("guests", true, true),
    field("rescheduleReason", true, true),
  ],
};

describe("sensitiveSettingsDrift", () => {
  it("finds nothing on an event type in the sensitive state", () => {
    expect(sensitiveSettingsDrift(sensitive)).toEqual([]);
  });

  it("names every setting that differs", () => {
    expect(
      sensitiveSettingsDrift({
        ...sensitive,
        hideCalendarEventDetails: false,
        hideOrganizerEmail: undefined,
        customName: "{Event type title} with {Scheduler}",
      }),
    ).toEqual(["hideCalendarEventDetails", "hideOrganizerEmail", "customName"]);
  });

  it("flags a visible custom question and visible notes, not a hidden custom one", () => {
    expect(
      sensitiveSettingsDrift({ ...sensitive, bookingFields: [...sensitive.bookingFields, field("x", false)] }),
    ).toEqual(["bookingFields"]);
    expect(
      sensitiveSettingsDrift({ ...sensitive, bookingFields: [...sensitive.bookingFields, field("x", false, true)] }),
    ).toEqual([]);
    const notesShown = sensitive.bookingFields.map((entry) =>
      entry.slug === "notes" ? { ...entry, hidden: false } : entry,
    );
    expect(sensitiveSettingsDrift({ ...sensitive, bookingFields: notesShown })).toEqual(["bookingFields"]);
  });

  it("the changes it applies name no attendee variable and hide the extra questions", () => {
    const changes = sensitiveEventTypeChanges();
    expect(changes.customName).not.toMatch(/\{/);
    expect(changes.bookingFields).toEqual([
      { slug: "notes", hidden: true },
      { slug: "guests", hidden: true },
      { slug: "rescheduleReason", hidden: true },
    ]);
  });
});
