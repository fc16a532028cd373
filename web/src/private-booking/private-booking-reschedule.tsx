// The private page's "choose another time": Cal.com's Booker moving this booking (rescheduleUid). It loads
// the booking from Cal.com, so the pseudonym and relay address come with it and its name and email fields
// stay hidden; the new booking is linked to the same private booking by its delivery (it replaces a linked
// one), so this page and its link keep working.
"use client";

import { useState } from "react";
import { BookerLoader } from "../booking/booker-loader";
import type { PublicBookerProps } from "../booking/public-booker";

export function PrivateBookingReschedule(props: Omit<PublicBookerProps, "privateBooking" | "questionnaire">) {
  const [open, setOpen] = useState(false);
  if (!open)
    return (
      <p>
        <button
          type="button"
          className="button button--quiet"
          data-testid="private-reschedule"
          onClick={() => setOpen(true)}
        >
          Choose another time
        </button>
      </p>
    );
  return (
    <div className="private-booker" data-testid="private-reschedule-booker">
      <BookerLoader {...props} questionnaire={null} />
    </div>
  );
}
