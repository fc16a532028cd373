// Private links of an event type (Prisma `HashedLink`): a hash a host hands out, bookable until it expires
// (`expiresAt`) or is used up (`maxUsageCount`, one use by default). Sources (calcom/cal.com at 0367067):
// apps/api/v2/src/ee/event-types-private-links/services/private-links{,-output}.service.ts (output shapes,
// `bookingUrl` = `<WEBAPP_URL>/d/<link>`, "Deleted link not found"); the document's CreatePrivateLinkInput
// (maxUsageCount "defaults to 1" when neither is given); packages/features/hashedLink/lib/service/
// HashedLinkService.ts (`validateAndIncrementUsage`: "Link has expired"); packages/features/bookings/lib/
// handleNewBooking/validateBookingTimeIsWithinHashedLinkWindow.ts ("The private link does not belong to
// this event type"); handleNewBooking answers an unusable link with HttpError 410.
import { randomBytes } from "node:crypto";
import type { EmulatorState, PrivateLink } from "./state.js";

const WEBAPP_URL = "https://cal.com";

export function isLinkExpired(link: PrivateLink, now: Date): boolean {
  if (link.expiresAt && link.expiresAt < now) return true;
  return link.maxUsageCount !== null && link.maxUsageCount > 0 && link.usageCount >= link.maxUsageCount;
}

/** TimeBasedPrivateLinkOutput when the link has an expiry, else UsageBasedPrivateLinkOutput. */
export function toPrivateLinkOutput(link: PrivateLink, now: Date) {
  const base = {
    linkId: link.link,
    eventTypeId: link.eventTypeId,
    isExpired: isLinkExpired(link, now),
    bookingUrl: `${WEBAPP_URL}/d/${link.link}`,
  };
  if (link.expiresAt) return { ...base, expiresAt: link.expiresAt.toISOString() };
  return { ...base, maxUsageCount: link.maxUsageCount ?? 0, usageCount: link.usageCount };
}

export function createPrivateLink(
  state: EmulatorState,
  eventTypeId: number,
  input: { expiresAt?: Date; maxUsageCount?: number },
): PrivateLink {
  const link: PrivateLink = {
    link: randomBytes(16).toString("base64url"),
    eventTypeId,
    expiresAt: input.expiresAt ?? null,
    maxUsageCount: input.maxUsageCount ?? (input.expiresAt ? null : 1),
    usageCount: 0,
  };
  state.privateLinks.set(link.link, link);
  return link;
}

/** Checks a booking's private link and counts the use; a refusal says how Cal.com answers. */
export function usePrivateLink(
  state: EmulatorState,
  hash: string,
  eventTypeId: number,
  now: Date,
  options: { dryRun: boolean },
): { status: 400 | 410; message: string } | null {
  const link = state.privateLinks.get(hash);
  if (!link || isLinkExpired(link, now)) return { status: 410, message: "Link has expired" };
  if (link.eventTypeId !== eventTypeId)
    return { status: 400, message: "The private link does not belong to this event type" };
  if (!options.dryRun) link.usageCount++;
  return null;
}
