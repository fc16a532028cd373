// Realistic, signed Cal.com BOOKING_CREATED deliveries, each for a booking of its own (unique uid), built
// before a phase starts so the generator only sends bytes.
import { signCalBody } from "@churchhub/api";
import { deliveries, newBookingFixture } from "@churchhub/test-support/cal-deliveries";

export interface SignedDelivery {
  /** The booking uid: how the ledger finds this delivery's row. */
  uid: string;
  body: Buffer;
  headers: Record<string, string>;
}

export function buildSignedDeliveries(count: number, secret: string): SignedDelivery[] {
  return Array.from({ length: count }, () => {
    const fixture = newBookingFixture();
    const body = Buffer.from(JSON.stringify(deliveries.created(fixture)));
    return {
      uid: fixture.uid,
      body,
      headers: {
        "content-type": "application/json",
        "content-length": String(body.length),
        "x-cal-signature-256": signCalBody(body, secret),
      },
    };
  });
}
