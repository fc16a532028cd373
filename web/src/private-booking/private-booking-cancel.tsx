// The private page's cancel button: asks once, cancels at Cal.com through our server, then redraws the
// page (our booking turns cancelled when Cal.com's webhook arrives, a moment later).
"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { cancelPrivateBookingAction } from "./private-booking-actions";

// Rendered whether or not the booking can still be cancelled, so the confirmation survives the page's
// refresh (which may already show the booking cancelled).
export function PrivateBookingCancel({ token, cancellable }: { token: string; cancellable: boolean }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);
  const [pending, startTransition] = useTransition();

  if (outcome?.ok)
    return (
      <p role="status" data-testid="private-cancelled">
        {outcome.message}
      </p>
    );

  if (!cancellable) return null;

  return (
    <div>
      {outcome ? (
        <p role="alert" className="private-details-error">
          {outcome.message}
        </p>
      ) : null}
      {confirming ? (
        <p>
          <button
            type="button"
            className="button"
            data-testid="private-cancel-confirm"
            disabled={pending}
            onClick={() =>
              startTransition(async () => {
                const result = await cancelPrivateBookingAction(token);
                setOutcome(
                  result.ok
                    ? { ok: true, message: "Your appointment is cancelled." }
                    : { ok: false, message: result.message },
                );
                if (result.ok) router.refresh();
              })
            }
          >
            {pending ? "Cancelling…" : "Yes, cancel my appointment"}
          </button>{" "}
          <button
            type="button"
            className="button button--quiet"
            onClick={() => setConfirming(false)}
            disabled={pending}
          >
            Keep it
          </button>
        </p>
      ) : (
        <button type="button" className="button" data-testid="private-cancel" onClick={() => setConfirming(true)}>
          Cancel this appointment
        </button>
      )}
    </div>
  );
}
