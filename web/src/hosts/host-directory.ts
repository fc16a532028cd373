// Server-only entry to host lookups: the api address from the settings, one lookup per request.
import "server-only";
import { notFound, permanentRedirect } from "next/navigation";
import { cache } from "react";
import { webSettings } from "../config/web-settings";
import { fetchHost, HostNotFoundError } from "./fetch-host";
import type { Host, PublicEventType } from "./host.schema";

// cache(): metadata, layout and page ask for the same host in one request; the api is asked once.
const loadHost = cache((username: string) => {
  const settings = webSettings();
  return fetchHost(username, { apiUrl: settings.API_URL, webServerToken: settings.WEB_SERVER_TOKEN, fetch });
});

interface BookingTarget {
  host: Host;
  eventType: PublicEventType;
}

/**
 * The host and the event type a booking path names (`/book/{publicName or username}[/{eventSlug}]`; without
 * a slug, the host's first public event type), a redirect to the host's current public name, or the
 * not-found page. Other failures reach the error boundary.
 */
export async function bookingTargetOrNotFound(params: {
  username: string;
  eventSlug?: string[];
}): Promise<BookingTarget> {
  const slugs = params.eventSlug ?? [];
  if (slugs.length > 1) notFound();
  let host: Host;
  try {
    host = await loadHost(pathSegment(params.username));
  } catch (error) {
    if (error instanceof HostNotFoundError) notFound();
    throw error;
  }
  const eventSlug = slugs[0] === undefined ? undefined : pathSegment(slugs[0]);
  // The managed-user username, an earlier public name or another spelling: links keep working, and
  // land on the host's current address (308, so browsers and search engines update it).
  if (host.publicName !== null && pathSegment(params.username) !== host.publicName)
    permanentRedirect(
      `/book/${encodeURIComponent(host.publicName)}${eventSlug === undefined ? "" : `/${encodeURIComponent(eventSlug)}`}`,
    );
  const eventType =
    eventSlug === undefined ? host.eventTypes[0] : host.eventTypes.find((candidate) => candidate.slug === eventSlug);
  if (!eventType) notFound();
  return { host, eventType };
}

/** Next.js hands dynamic segments over still percent-encoded; a malformed one cannot name a host. */
function pathSegment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    notFound();
  }
}

/**
 * The host and event type a booking is moved with (a private booking's page): null when the api no longer
 * knows the host or the event type; other failures are thrown.
 */
export async function rescheduleTarget(hostUsername: string, eventSlug: string): Promise<BookingTarget | null> {
  try {
    const host = await loadHost(hostUsername);
    const eventType = host.eventTypes.find((candidate) => candidate.slug === eventSlug);
    return eventType ? { host, eventType } : null;
  } catch (error) {
    if (error instanceof HostNotFoundError) return null;
    throw error;
  }
}
