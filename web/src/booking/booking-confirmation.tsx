// The booked view: what, when (in the booker's own time zone) and with whom.
"use client";

import { useEffect, useRef } from "react";

export interface ConfirmedBooking {
  uid: string;
  eventTitle: string;
  hostName: string;
  start: Date;
  end: Date;
  /** The time zone the visitor booked in (the Booker's choice), used to show the time back to them. */
  timeZone: string;
  attendeeEmail: string | null;
}

export function BookingConfirmation({ booking }: { booking: ConfirmedBooking }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  // The Booker disappears; move focus to the news so keyboard and screen-reader users land on it.
  useEffect(() => headingRef.current?.focus(), []);

  const date = new Intl.DateTimeFormat(undefined, { dateStyle: "full", timeZone: booking.timeZone }).format(
    booking.start,
  );
  const time = new Intl.DateTimeFormat(undefined, { timeStyle: "short", timeZone: booking.timeZone });

  return (
    <section className="confirmation" aria-labelledby="confirmation-heading" data-testid="booking-confirmed">
      <h2 id="confirmation-heading" ref={headingRef} tabIndex={-1}>
        You’re booked
      </h2>
      <dl className="confirmation-details">
        <div>
          <dt>What</dt>
          <dd>{booking.eventTitle}</dd>
        </div>
        <div>
          <dt>With</dt>
          <dd>{booking.hostName}</dd>
        </div>
        <div>
          <dt>When</dt>
          <dd>
            {date}, {time.format(booking.start)} – {time.format(booking.end)}
            <span className="confirmation-zone"> ({booking.timeZone.replaceAll("_", " ")})</span>
          </dd>
        </div>
      </dl>
      <p>
        {booking.hostName} can now see your booking
        {booking.attendeeEmail ? (
          <>
            , made under <strong>{booking.attendeeEmail}</strong>
          </>
        ) : null}
        . Nothing else is needed from you.
      </p>
    </section>
  );
}
