// Event-type locations: Cal.com stores `{type:"integrations:daily"}`, `{type:"inPerson", address}`…;
// the public event hides private details, API v2 2024-06-14 prints its own form, and a booking
// stores one resolved location string.
import type { EventType } from "./state.js";

export type StoredLocation = EventType["locations"][number];

/** packages/app-store/locations.ts `privacyFilteredLocations`: address/link/phone only when shown publicly. */
export function privacyFilteredLocations(locations: StoredLocation[]): StoredLocation[] {
  return locations.map((location) => {
    if (location.displayLocationPublicly) return { ...location };
    const { address: _address, link: _link, hostPhoneNumber: _phone, ...rest } = location;
    return rest as StoredLocation;
  });
}

/** packages/platform/types/event-types/event-types_2024_06_14/outputs/locations.output.ts. */
export function toLocationOutput(location: StoredLocation): Record<string, unknown> {
  const shown = Boolean(location.displayLocationPublicly);
  switch (location.type) {
    case "integrations:daily":
      return { type: "integration", integration: "cal-video" };
    case "inPerson":
      return { type: "address", address: location.address ?? "", public: shown };
    case "link":
      return { type: "link", link: location.link ?? "", public: shown };
    case "userPhone":
      return { type: "phone", phone: location.hostPhoneNumber ?? "", public: shown };
    case "attendeeInPerson":
      return { type: "attendeeAddress" };
    case "phone":
      return { type: "attendeePhone" };
    default:
      return { type: "unknown", location: JSON.stringify(location) };
  }
}

/** The value stored on a booking for the chosen (or only) location: an address, a link, or the app type. */
export function resolveBookingLocation(eventType: EventType, chosen: string | undefined): string | null {
  const match =
    eventType.locations.find((location) => location.type === chosen) ?? (chosen ? undefined : eventType.locations[0]);
  if (!match) return chosen ?? null;
  if (match.type === "inPerson") return String(match.address ?? "inPerson");
  if (match.type === "link") return String(match.link ?? "link");
  return match.type;
}
