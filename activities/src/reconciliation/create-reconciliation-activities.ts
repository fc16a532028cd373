// Activities of the reconciliation: read one page of recently updated bookings from Cal.com and keep
// only those whose state differs from ours (missing, other status, other times), already turned into
// deliveries for the normal processing workflow.
import type { CalClient } from '@churchhub/cal-client';
import type { CalDelivery } from '@churchhub/contracts';
import type { DataSource } from 'typeorm';
import { rethrowCalFailure } from '../managed-user-tokens/token-failures.js';
import { apiBookingToDelivery } from './api-booking-to-delivery.js';

export interface ReconciliationPage {
  deliveries: CalDelivery[];
  examined: number;
  unreadable: number;
  hasNextPage: boolean;
}

export function createReconciliationActivities(deps: { calClient: CalClient; dataSource: DataSource; clock: () => Date }) {
  return {
    async findBookingsOutOfStep(window: { after: string; before: string; skip: number; take: number }): Promise<ReconciliationPage> {
      let page;
      try {
        page = await deps.calClient.listBookingsUpdatedBetween({ after: new Date(window.after), before: new Date(window.before), skip: window.skip, take: window.take });
      } catch (error) {
        rethrowCalFailure(error);
      }
      const uids = page.bookings.map((booking) => booking.uid);
      const ours: Array<{ uid: string; status: string; start_time: Date; end_time: Date }> = uids.length
        ? await deps.dataSource.query('SELECT uid, status, start_time, end_time FROM bookings WHERE uid = ANY($1)', [uids])
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
      return { deliveries, examined: page.bookings.length, unreadable: page.unreadable, hasNextPage: page.hasNextPage };
    },
  };
}

export type ReconciliationActivities = ReturnType<typeof createReconciliationActivities>;
