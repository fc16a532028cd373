// The Booker for the host and event type the layout found (the lookup is shared within a request).
import { BookerLoader } from "../../../../../booking/booker-loader";
import { bookingTargetOrNotFound } from "../../../../../hosts/host-directory";
import { fetchEventTypeQuestionnaire } from "../../../../../questionnaires/public-questionnaire-api";
import type { BookingRouteParams } from "../layout";

export default async function BookingPage({ params }: { params: BookingRouteParams }) {
  const { host, eventType } = await bookingTargetOrNotFound(await params);
  // Without its questionnaire the page still books; the reminder mail carries the private link.
  const questionnaire = await fetchEventTypeQuestionnaire(eventType.id).catch((error: unknown) => {
    console.error(`questionnaire for event type ${eventType.id} unavailable: ${(error as Error).message}`);
    return null;
  });
  // Only public identifiers cross to the browser; the api's answer is never passed whole.
  return (
    <BookerLoader
      calApiUrl={host.calApiUrl}
      calClientId={host.calClientId}
      calProvider={host.calProvider}
      calUsername={host.username}
      eventSlug={eventType.slug}
      eventTypeId={eventType.id}
      questionnaire={questionnaire}
      eventTitle={eventType.title}
      lengthInMinutes={eventType.lengthInMinutes}
      hostName={host.name}
    />
  );
}
