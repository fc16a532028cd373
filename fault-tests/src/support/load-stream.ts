// A steady stream of signed, distinct Cal.com deliveries at a fixed rate: new bookings (a unique uid
// each) and cancellations of bookings already acknowledged, each request sent on schedule whatever the
// api is doing, and each answer (or the lack of one) written to the ledger.
import { parseCalDelivery, signCalBody } from "@churchhub/api";
import { deliveries, newBookingFixture, type BookingFixture } from "@churchhub/test-support/cal-deliveries";
import type { DeliveryKind, LedgerEntry } from "./ledger.js";

export interface LoadStreamOptions {
  url: string;
  secret: string;
  ratePerSecond: number;
  /** Every n-th delivery cancels a booking whose creation was acknowledged (when there is one). */
  cancelEvery: number;
  /** Cal.com user ids of the organizers, used in turn. */
  organizerIds: readonly number[];
  /** A request with no answer by then counts as not acknowledged. */
  requestTimeoutMs: number;
  clock?: () => number;
}

export interface LoadStream {
  readonly startedAt: number;
  /** Deliveries sent so far. */
  sent(): number;
  /** Deliveries answered 2xx at or after `since` (epoch ms). */
  acknowledgedSince(since: number): number;
  /** Resolves when the stream has been running for `ms`. */
  runningFor(ms: number): Promise<void>;
  /** Stops sending, waits for every request in flight to be answered or time out, returns the ledger. */
  stop(): Promise<LedgerEntry[]>;
}

const TICK_MS = 10;

export function startLoadStream(options: LoadStreamOptions): LoadStream {
  const clock = options.clock ?? Date.now;
  const startedAt = clock();
  const ledger: LedgerEntry[] = [];
  const inFlight = new Set<Promise<void>>();
  // Bookings whose creation was acknowledged and that have not been cancelled yet, oldest first.
  const cancellable: Array<{ fixture: BookingFixture; createdAt: number }> = [];
  let scheduled = 0;

  async function send(seq: number, kind: DeliveryKind, fixture: BookingFixture, createdAt: number): Promise<void> {
    const occurred = new Date(createdAt).toISOString();
    const body =
      kind === "created"
        ? deliveries.created(fixture, occurred)
        : deliveries.cancelled(fixture, "Schedule conflict", occurred);
    const raw = JSON.stringify(body);
    const entry: LedgerEntry = {
      seq,
      kind,
      bookingUid: fixture.uid,
      expectedDeliveryId: parseCalDelivery(Buffer.from(raw), "application/json", new Date()).deliveryId,
      sentAt: clock(),
      answeredAt: 0,
      status: null,
      retryAfter: null,
      ackedDeliveryId: null,
      error: null,
    };
    ledger.push(entry);
    try {
      const response = await fetch(options.url, {
        method: "POST",
        headers: { "content-type": "application/json", "x-cal-signature-256": signCalBody(raw, options.secret) },
        body: raw,
        signal: AbortSignal.timeout(options.requestTimeoutMs),
      });
      const text = await response.text();
      entry.status = response.status;
      entry.retryAfter = response.headers.get("retry-after");
      if (response.ok) {
        entry.ackedDeliveryId = (JSON.parse(text) as { deliveryId?: string }).deliveryId ?? null;
        if (kind === "created") cancellable.push({ fixture, createdAt });
      }
    } catch (error) {
      // Refused, reset or timed out: the delivery was not acknowledged (it may still have been recorded).
      const cause = (error as { cause?: { code?: string } }).cause;
      entry.error = cause?.code ?? (error as Error).name;
      entry.status = null;
    }
    entry.answeredAt = clock();
  }

  function sendNext(): void {
    const seq = scheduled++;
    const now = clock();
    const target = seq % options.cancelEvery === options.cancelEvery - 1 ? cancellable.shift() : undefined;
    const organizerId = options.organizerIds[seq % options.organizerIds.length]!;
    const request = target
      ? // Strictly later than the creation, so the cancellation is the booking's newest event.
        send(seq, "cancelled", target.fixture, Math.max(now, target.createdAt + 1))
      : send(seq, "created", newBookingFixture({ organizerId }), now);
    inFlight.add(request);
    void request.finally(() => inFlight.delete(request));
  }

  // Requests go out on schedule (seq / rate after the start), not after the previous answer, so a slow
  // or absent api cannot slow the stream down.
  const timer = setInterval(() => {
    const due = Math.floor(((clock() - startedAt) * options.ratePerSecond) / 1000);
    while (scheduled < due) sendNext();
  }, TICK_MS);

  return {
    startedAt,
    sent: () => scheduled,
    acknowledgedSince: (since) =>
      ledger.filter(
        (entry) => entry.status !== null && entry.status < 300 && entry.status >= 200 && entry.answeredAt >= since,
      ).length,
    runningFor: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, startedAt + ms - clock()))),
    async stop() {
      clearInterval(timer);
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
      return [...ledger].sort((a, b) => a.seq - b.seq);
    },
  };
}
