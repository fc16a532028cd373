// A booking's page in the staff area: who booked, when, its status history and audit trail. The api
// answers 404 for a booking the person may not see, and this page shows the same 404 as for none.
import type { Metadata } from "next";
import Link from "next/link";
import type { StaffBookingDetail } from "../../../../../staff/staff-api";
import { loadStaffData } from "../../../../../staff/staff-page-data";
import { BookingAnswers } from "../../../../../staff/questionnaires/booking-answers";

export const metadata: Metadata = { title: "Booking" };
export const dynamic = "force-dynamic";

const when = (iso: string) =>
  new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(new Date(iso));

export default async function StaffBookingPage({ params }: { params: Promise<{ uid: string }> }) {
  const { uid } = await params;
  const { booking } = await loadStaffData<{ booking: StaffBookingDetail }>(
    `/staff/bookings/${encodeURIComponent(decodeURIComponent(uid))}`,
  );
  return (
    <>
      <p>
        <Link href="/staff">← All bookings</Link>
      </p>
      <h1>{booking.title ?? "Booking"}</h1>
      <dl className="staff-facts">
        <dt>When (UTC)</dt>
        <dd>
          {when(booking.startTime)} – {when(booking.endTime)}
        </dd>
        <dt>Status</dt>
        <dd>{booking.status}</dd>
        <dt>Event</dt>
        <dd>{booking.eventTypeSlug ?? "—"}</dd>
        {booking.location && (
          <>
            <dt>Location</dt>
            <dd>{booking.location}</dd>
          </>
        )}
        {booking.cancellationReason && (
          <>
            <dt>Cancellation reason</dt>
            <dd>{booking.cancellationReason}</dd>
          </>
        )}
      </dl>
      <h2>Attendees</h2>
      <ul>
        {booking.attendees.map((attendee, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: attendees have no id and keep their order
          <li key={index}>
            {attendee.name ?? "(no name)"}
            {attendee.email && <> — {attendee.email}</>}
            {attendee.timeZone && <> ({attendee.timeZone})</>}
          </li>
        ))}
      </ul>
      <BookingAnswers bookingUid={booking.uid} />
      <h2>Status history</h2>
      <ol>
        {booking.statusHistory.map((change) => (
          <li key={`${change.occurredAt}-${change.triggerEvent}`}>
            {when(change.occurredAt)}: {change.status} ({change.triggerEvent})
          </li>
        ))}
      </ol>
      <h2>Audit trail</h2>
      {booking.auditTrail.length === 0 ? (
        <p>No events recorded yet.</p>
      ) : (
        <ol>
          {booking.auditTrail.map((entry) => (
            <li key={entry.deliveryId}>
              {when(entry.occurredAt)}: {entry.triggerEvent} — {entry.outcome} ({entry.source})
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
