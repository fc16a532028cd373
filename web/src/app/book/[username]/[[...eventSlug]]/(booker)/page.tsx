// The Booker for the host and event type the layout found (the lookup is shared within a request).
import { BookerLoader } from "../../../../../booking/booker-loader";
import { bookingTargetOrNotFound } from "../../../../../hosts/host-directory";
import { fetchEventTypeQuestionnaire } from "../../../../../questionnaires/public-questionnaire-api";
import { isPrivateBookingEventType } from "../../../../../private-booking/private-booking-api";
import { PrivateBookingFlow } from "../../../../../private-booking/private-booking-flow";
import type { BookingRouteParams } from "../layout";

export default async function BookingPage({ params }: { params: BookingRouteParams }) {
  const { host, eventType } = await bookingTargetOrNotFound(await params);
  // Both api questions at once. Without its questionnaire the page still books (the reminder mail carries
  // the private link). A sensitive event type is
  // booked privately; unknown (the api unreachable) is not "ordinary": the page fails rather than send the
  // person's identity to Cal.com on a guess.
  const [questionnaire, privateBooking] = await Promise.all([
    fetchEventTypeQuestionnaire(eventType.id).catch((error: unknown) => {
      console.error(`questionnaire for event type ${eventType.id} unavailable: ${(error as Error).message}`);
      return null;
    }),
    isPrivateBookingEventType(eventType.id),
  ]);
  // Only public identifiers cross to the browser; the api's answer is never passed whole.
  const props = {
    calApiUrl: host.calApiUrl,
    calClientId: host.calClientId,
    calProvider: host.calProvider,
    calUsername: host.username,
    eventSlug: eventType.slug,
    eventTypeId: eventType.id,
    questionnaire,
    eventTitle: eventType.title,
    lengthInMinutes: eventType.lengthInMinutes,
    hostName: host.name,
  };
  return privateBooking ? <PrivateBookingFlow {...props} /> : <BookerLoader {...props} />;
}
