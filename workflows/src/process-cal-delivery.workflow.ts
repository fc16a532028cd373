// Processes one Cal.com delivery: upsert the organizer, persist the booking, write the audit entry.
// Deterministic code only: every side effect is an activity, retried by Temporal under the policy below.
import { proxyActivities } from '@temporalio/workflow';
import type { CalDelivery, ProcessCalDeliveryResult } from '@churchhub/contracts';
// Types only: activity code never enters the workflow sandbox.
import type { Activities } from '@churchhub/activities';

const INVALID_DELIVERY = 'InvalidDelivery';

// One visible policy for every activity here. Acknowledged events must reach Postgres however long it
// is down, so attempts are unlimited and back off to once a minute; only errors no retry can fix
// (an event the database rejects as invalid) stop the run.
const { upsertOrganizer, persistBooking, writeAuditLog } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: {
    initialInterval: '1 second',
    backoffCoefficient: 2,
    maximumInterval: '1 minute',
    nonRetryableErrorTypes: [INVALID_DELIVERY],
  },
});

export async function processCalDeliveryWorkflow(delivery: CalDelivery): Promise<ProcessCalDeliveryResult> {
  if (delivery.kind !== 'booking' || !delivery.booking) {
    const auditLogId = await writeAuditLog({ delivery, userId: null, outcome: 'recorded', source: delivery.source });
    return { deliveryId: delivery.deliveryId, bookingUid: delivery.bookingUid, bookingUpdated: false, auditLogId };
  }
  const userId = await upsertOrganizer(delivery.booking.organizer);
  const { applied } = await persistBooking({ delivery, userId });
  const auditLogId = await writeAuditLog({ delivery, userId, outcome: applied ? 'applied' : 'superseded', source: delivery.source });
  return { deliveryId: delivery.deliveryId, bookingUid: delivery.bookingUid, bookingUpdated: applied, auditLogId };
}
