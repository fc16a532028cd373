// The booking page around the Booker: church, host and event type (the Booker shows the details), then the card.
import type { ReactNode } from "react";
import type { Host, PublicEventType } from "../hosts/host.schema";

export function BookingPageFrame({
  host,
  eventType,
  children,
}: {
  host: Host;
  eventType: PublicEventType;
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
          Your details go to {host.name} at {host.church.name} through Cal.com, our scheduling service. This page uses
          no analytics or tracking.
        </p>
      </footer>
    </main>
  );
}
