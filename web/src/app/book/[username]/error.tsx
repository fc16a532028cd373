// The api or Cal.com did not answer: say so kindly and offer a retry.
"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";

export default function BookingPageError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const router = useRouter();
  const [retrying, startRetry] = useTransition();

  // The failure happened in a server component: refresh re-runs it on the server, reset re-renders here.
  const retry = () =>
    startRetry(() => {
      router.refresh();
      reset();
    });

  return (
    <main id="main" className="page page--narrow">
      <div className="notice" role="alert" data-testid="booking-unavailable">
        <h1>We can’t show the calendar right now</h1>
        <p>The booking service isn’t answering at the moment. Nothing has been booked. Please try again in a minute.</p>
        <button type="button" className="button" onClick={retry} disabled={retrying}>
          {retrying ? "Trying again…" : "Try again"}
        </button>
      </div>
    </main>
  );
}
