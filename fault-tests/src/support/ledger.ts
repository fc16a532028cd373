// The ledger of one fault run: what was sent, what the api answered, and, checked against Postgres,
// whether every acknowledged delivery was persisted exactly once. Pure: the database is read elsewhere.

export type DeliveryKind = "created" | "cancelled";

export interface LedgerEntry {
  seq: number;
  kind: DeliveryKind;
  bookingUid: string;
  /** The delivery id the api derives from the event (computed here too, so unanswered ones can be traced). */
  expectedDeliveryId: string;
  sentAt: number;
  answeredAt: number;
  /** HTTP status, or null when no answer came (connection refused or reset, timeout). */
  status: number | null;
  retryAfter: string | null;
  /** The delivery id of a 2xx body. */
  ackedDeliveryId: string | null;
  /** Why there was no answer (e.g. ECONNREFUSED). */
  error: string | null;
}

/** What Postgres holds for the deliveries of one run. */
export interface PersistedState {
  /** Audit rows per delivery id. */
  auditRows: ReadonlyMap<string, number>;
  /** Per booking uid: how many rows, its status, and how often each delivery id is in its history. */
  bookings: ReadonlyMap<string, { rows: number; status: string; historyCounts: ReadonlyMap<string, number> }>;
}

export interface LedgerReport {
  sent: number;
  acknowledged: number;
  /** Acknowledged, and in bookings and audit_logs exactly once. */
  persisted: number;
  /** Answered non-2xx or not answered. */
  rejected: number;
  /** Acknowledged but absent from bookings or audit_logs. */
  missing: number;
  missingEntries: LedgerEntry[];
  /** Acknowledged and present more than once. */
  duplicated: number;
  rejectedBy: Record<string, number>;
  /** Not acknowledged, yet recorded (the api recorded it and then failed to answer): allowed. */
  recordedWithoutAck: number;
  /** Every broken promise, one line each (empty when the run is clean). */
  violations: string[];
}

const isAck = (entry: LedgerEntry) => entry.status !== null && entry.status >= 200 && entry.status < 300;

/**
 * The only non-2xx answers a valid, signed delivery may get say "retry later": 503 (not recorded) or 429
 * (rate limited), each with Retry-After. Anything else (another 5xx, a 4xx) is a bug.
 */
function answerProblem(entry: LedgerEntry): string | null {
  if (entry.status === null || isAck(entry)) return null;
  const retryLater = entry.status === 503 || entry.status === 429;
  if (retryLater && entry.retryAfter) return null;
  return `#${entry.seq} ${entry.kind} ${entry.bookingUid}: answered ${entry.status}${retryLater ? " without Retry-After" : ""}`;
}

function persistenceProblem(
  entry: LedgerEntry,
  state: PersistedState,
): { missing: boolean; duplicated: boolean; problem: string | null } {
  const id = entry.ackedDeliveryId;
  const label = `#${entry.seq} ${entry.kind} ${entry.bookingUid} (${id?.slice(0, 12)})`;
  if (!id) return { missing: true, duplicated: false, problem: `${label}: 2xx without a deliveryId` };
  if (id !== entry.expectedDeliveryId)
    return {
      missing: true,
      duplicated: false,
      problem: `${label}: acknowledged as ${id}, expected ${entry.expectedDeliveryId}`,
    };
  const audits = state.auditRows.get(id) ?? 0;
  const booking = state.bookings.get(entry.bookingUid);
  const inHistory = booking?.historyCounts.get(id) ?? 0;
  if (audits === 0 || !booking || inHistory === 0) {
    return {
      missing: true,
      duplicated: false,
      problem: `${label}: acknowledged but missing (audit rows ${audits}, booking rows ${booking?.rows ?? 0}, in history ${inHistory})`,
    };
  }
  if (audits > 1 || booking.rows > 1 || inHistory > 1) {
    return {
      missing: false,
      duplicated: true,
      problem: `${label}: persisted more than once (audit rows ${audits}, booking rows ${booking.rows}, in history ${inHistory})`,
    };
  }
  // The cancellation is the newest event of its booking, so the row must have converged on it.
  if (entry.kind === "cancelled" && booking.status !== "cancelled") {
    return {
      missing: false,
      duplicated: false,
      problem: `${label}: acknowledged cancellation, but the booking is ${booking.status}`,
    };
  }
  return { missing: false, duplicated: false, problem: null };
}

export function reconcileLedger(entries: readonly LedgerEntry[], state: PersistedState): LedgerReport {
  const report: LedgerReport = {
    sent: entries.length,
    acknowledged: 0,
    persisted: 0,
    rejected: 0,
    missing: 0,
    missingEntries: [],
    duplicated: 0,
    rejectedBy: {},
    recordedWithoutAck: 0,
    violations: [],
  };
  for (const entry of entries) {
    const answer = answerProblem(entry);
    if (answer) report.violations.push(answer);
    if (isAck(entry)) {
      report.acknowledged += 1;
      const outcome = persistenceProblem(entry, state);
      if (outcome.missing) report.missingEntries.push(entry);
      else if (outcome.duplicated) report.duplicated += 1;
      else report.persisted += 1;
      if (outcome.problem) report.violations.push(outcome.problem);
    } else {
      report.rejected += 1;
      const reason = entry.status === null ? `no answer (${entry.error ?? "unknown"})` : String(entry.status);
      report.rejectedBy[reason] = (report.rejectedBy[reason] ?? 0) + 1;
      if ((state.auditRows.get(entry.expectedDeliveryId) ?? 0) > 0) report.recordedWithoutAck += 1;
    }
  }
  report.missing = report.missingEntries.length;
  return report;
}

/** `sent = persisted + rejected + missing`, with the detail a reader needs to trust it. */
export function formatLedgerLine(fault: string, report: LedgerReport): string {
  const rejectedBy = Object.entries(report.rejectedBy)
    .map(([reason, count]) => `${reason} ×${count}`)
    .join(", ");
  return (
    `[ledger] ${fault}: sent ${report.sent} = persisted ${report.persisted} + rejected ${report.rejected} + missing ${report.missing}` +
    `${report.duplicated > 0 ? ` (+ duplicated ${report.duplicated})` : ""}` +
    ` | acknowledged ${report.acknowledged}; rejected: ${rejectedBy || "none"}; recorded without ack ${report.recordedWithoutAck}; violations ${report.violations.length}`
  );
}
