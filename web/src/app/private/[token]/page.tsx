// The private page of a private booking: its link (shown once, after booking) is the only key. It shows
// the appointment (host, what, when in the viewer's own time zone, status) and lets the person cancel
// it. An unknown or expired link is the site's ordinary 404, which says nothing about bookings.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { fetchPrivateBooking } from "../../../private-booking/private-booking-api";
import { PrivateBookingCancel } from "../../../private-booking/private-booking-cancel";
import { PrivateBookingReschedule } from "../../../private-booking/private-booking-reschedule";
import { rescheduleTarget } from "../../../hosts/host-directory";
import { LocalTimeRange } from "../../../staff/local-time";
import "../../../private-booking/private-booking.css";
import { decodePathToken } from "../../path-token";

export const metadata: Metadata = { title: "Your appointment" };
export const dynamic = "force-dynamic";

const STATUS_WORDS: Record<string, string> = {
  accepted: "Booked",
  pending: "Waiting for your host to confirm",
  awaiting_host: "Waiting for your host",
  cancelled: "Cancelled",
  rejected: "Declined by your host",
};

export default async function PrivateBookingPage({ params }: { params: Promise<{ token: string }> }) {
  const token = decodePathToken((await params).token);
  const view = await fetchPrivateBooking(token);
  if (!view) notFound();
  const booking = view.booking;
  // Moving the booking needs Cal.com's Booker for its host and event type; without them, cancel only.
  const target = booking?.reschedule
    ? await rescheduleTarget(booking.reschedule.hostUsername, booking.reschedule.eventTypeSlug).catch(
        (error: unknown) => {
          console.error(`private page: reschedule target unavailable: ${(error as Error).message}`);
          return null;
        },
      )
    : null;
  return (
    <main id="main" className="page page--narrow">
      <header className="host-header">
        <h1>Your appointment</h1>
      </header>
      <section className="booker-card private-booking-page" data-testid="private-booking">
        {booking ? (
          <>
            <dl className="confirmation-details">
              <div>
                <dt>What</dt>
                <dd>{booking.title ?? "Appointment"}</dd>
              </div>
              <div>
                <dt>With</dt>
                <dd>{booking.hostName ?? "Your host"}</dd>
              </div>
              <div>
                <dt>When</dt>
                <dd>
                  <LocalTimeRange start={booking.startTime} end={booking.endTime} />
                </dd>
              </div>
              <div>
                <dt>Status</dt>
                <dd data-testid="private-booking-status">{STATUS_WORDS[booking.status] ?? booking.status}</dd>
              </div>
            </dl>
            <p>Your host and Cal.com know you as {view.pseudonym}.</p>
            {target ? (
              <PrivateBookingReschedule
                calApiUrl={target.host.calApiUrl}
                calClientId={target.host.calClientId}
                calProvider={target.host.calProvider}
                calUsername={target.host.username}
                eventSlug={target.eventType.slug}
                eventTypeId={target.eventType.id}
                eventTitle={target.eventType.title}
                lengthInMinutes={target.eventType.lengthInMinutes}
                hostName={target.host.name}
                rescheduleUid={booking.uid}
              />
            ) : null}
            <PrivateBookingCancel token={token} cancellable={booking.cancellable} />
          </>
        ) : (
          <p data-testid="private-booking-status">
            Your booking is still being confirmed. Please reload this page in a minute.
          </p>
        )}
      </section>
    </main>
  );
}
