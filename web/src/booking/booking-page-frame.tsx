// The booking page around the Booker: church, host and event type (the Booker shows the details), then the card.
import type { ReactNode } from "react";
import type { Host, PublicEventType } from "../hosts/host.schema";

export function BookingPageFrame({
  host,
  eventType,
  privateBooking = false,
  children,
}: {
  host: Host;
  eventType: PublicEventType;
  /** A sensitive event type, booked privately: Cal.com gets a made-up name, the details stay with us. */
  privateBooking?: boolean;
  children: ReactNode;
}) {
  return (
    <main id="main" className="page">
      <header className="host-header">
        <p className="host-church">{host.church.name}</p>
        <h1>Book a time with {host.name}</h1>
        <p className="host-event">
          {eventType.title} <span aria-hidden="true">·</span> {eventType.lengthInMinutes} minutes
        </p>
      </header>
      <section className="booker-card" aria-label={`Choose a time for ${eventType.title}`}>
        {children}
      </section>
      <footer className="page-footer">
        <p>
          {privateBooking
            ? `Cal.com, our scheduling service, gets only a made-up name and an address made for this booking; what you choose to tell us stays with ${host.church.name}, for ${host.name} only.`
            : `Your details go to ${host.name} at ${host.church.name} through Cal.com, our scheduling service.`}{" "}
          This page uses no analytics or tracking.
        </p>
      </footer>
    </main>
  );
}
