// Activities of the reconciliation: read one page of recently updated bookings from Cal.com and keep
// only those whose state differs from ours (missing, other status, other times), already turned into
// deliveries for the normal processing workflow.
import type { BookingsPagePosition, CalClient } from "@churchhub/cal-client";
import type { CalDelivery } from "@churchhub/contracts";
import type { DataSource } from "typeorm";
import { rethrowCalFailure } from "../managed-user-tokens/token-failures.js";
import type { ConnectionTokenKeeper } from "../cal-connections/connection-token-keeper.js";
import { NeedsReconnectError, rethrowConnectionFailure } from "../cal-connections/connection-failures.js";
import { apiBookingToDelivery } from "./api-booking-to-delivery.js";

export interface ReconciliationPage {
  deliveries: CalDelivery[];
  examined: number;
  unreadable: number;
  hasNextPage: boolean;
  /** Where the next page starts (offset or Cal.com's cursor); null on the last page. */
  next: BookingsPagePosition | null;
  /** Set when the source was passed over (a connection that needs reconnecting). */
  skipped?: "needs_reconnect";
}

/** Where bookings are read from: the Platform client (managed users), and each connected account. */
interface ReconciliationSources {
  platform: boolean;
  connectionIds: string[];
}

interface ReconciliationDependencies {
  calClient: CalClient;
  dataSource: DataSource;
  clock: () => Date;
  /** OAuth 2.0 connections (absent when that mode is off). */
  tokenKeeper?: ConnectionTokenKeeper;
}

export function createReconciliationActivities(deps: ReconciliationDependencies) {
  return {
    /**
     * Connections needing a reconnect are listed too: they are passed over (and counted) without calling
     * Cal.com. `withoutWebhookOnly`: just the connected accounts Cal.com refused a webhook (the frequent poll).
     */
    async listReconciliationSources(input: { withoutWebhookOnly?: boolean } = {}): Promise<ReconciliationSources> {
      if (input.withoutWebhookOnly) {
        const rows: Array<{ id: string }> = deps.tokenKeeper
          ? await deps.dataSource.query(
              `SELECT id FROM cal_connections WHERE status = 'connected' AND webhook_status = 'missing_scope' ORDER BY connected_at`,
            )
          : [];
        return { platform: false, connectionIds: rows.map((row) => row.id) };
      }
      const rows: Array<{ id: string }> = deps.tokenKeeper
        ? await deps.dataSource.query(
            `SELECT id FROM cal_connections WHERE status <> 'disconnected' ORDER BY connected_at`,
          )
        : [];
      return { platform: deps.calClient.platformClientId !== null, connectionIds: rows.map((row) => row.id) };
    },

    /** One page of bookings updated in the window: the Platform client's, or one connection's with its own token. */
    async findBookingsOutOfStep(window: {
      after: string;
      before: string;
      take: number;
      /** The page: an offset, or the cursor the previous page gave. */
      skip?: number;
      cursor?: string;
      connectionId?: string;
    }): Promise<ReconciliationPage> {
      const range = {
        after: new Date(window.after),
        before: new Date(window.before),
        take: window.take,
        position: window.cursor !== undefined ? { cursor: window.cursor } : { skip: window.skip ?? 0 },
      };
      let page;
      if (window.connectionId) {
        const { connectionId } = window;
        if (!deps.tokenKeeper) throw new Error("OAuth 2.0 connections are not configured in this worker");
        const keeper = deps.tokenKeeper;
        try {
          page = await keeper.withAccessToken(connectionId, (accessToken) =>
            deps.calClient.listBookingsUpdatedBetween(range, { accessToken }),
          );
        } catch (error) {
          // The host must reconnect: not this run's failure, and no reason to ask Cal.com again.
          if (error instanceof NeedsReconnectError)
            return {
              deliveries: [],
              examined: 0,
              unreadable: 0,
              hasNextPage: false,
              next: null,
              skipped: "needs_reconnect",
            };
          rethrowConnectionFailure(error);
        }
      } else {
        try {
          page = await deps.calClient.listBookingsUpdatedBetween(range);
        } catch (error) {
          rethrowCalFailure(error);
        }
      }
      const uids = page.bookings.map((booking) => booking.uid);
      const ours: Array<{ uid: string; status: string; start_time: Date; end_time: Date }> = uids.length
        ? await deps.dataSource.query("SELECT uid, status, start_time, end_time FROM bookings WHERE uid = ANY($1)", [
            uids,
          ])
        : [];
      const byUid = new Map(ours.map((row) => [row.uid, row]));
      const now = deps.clock();
      const deliveries = page.bookings
        .map((booking) => apiBookingToDelivery(booking, now))
        .filter((delivery) => {
          const row = byUid.get(delivery.bookingUid!);
          const booking = delivery.booking!;
          return (
            !row ||
            row.status !== booking.status ||
            new Date(row.start_time).toISOString() !== booking.startTime ||
            new Date(row.end_time).toISOString() !== booking.endTime
          );
        });
      return {
        deliveries,
        examined: page.bookings.length,
        unreadable: page.unreadable,
        hasNextPage: page.next !== null,
        next: page.next,
      };
    },
  };
}

export type ReconciliationActivities = ReturnType<typeof createReconciliationActivities>;
