// A sensitive event type's booking page: private booking is the default. Our own short form first, then
// Cal.com's Booker with the pseudonym and relay address filled in (its name and email fields not shown)
// and the intent named in the booking's metadata; after booking, the private link.
"use client";

import { useState } from "react";
import { BookerLoader } from "../booking/booker-loader";
import type { PublicBookerProps } from "../booking/public-booker";
import { type PrivateBookingStart, PrivateDetailsForm } from "./private-details-form";

export function PrivateBookingFlow(props: Omit<PublicBookerProps, "privateBooking">) {
  const [started, setStarted] = useState<PrivateBookingStart | null>(null);
  if (!started)
    return <PrivateDetailsForm eventTypeId={props.eventTypeId} hostName={props.hostName} onStarted={setStarted} />;
  return (
    <div className="private-booker">
      <BookerLoader {...props} privateBooking={started} />
    </div>
  );
}
