// A transient database failure is retried by Temporal until the activity succeeds: here a real lock
// held on `bookings` makes persistBooking time out (SQLSTATE 55P03) until the test lets go.
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { inject } from 'vitest';
import { deliveries, newBookingFixture } from './support/cal-deliveries.js';
import { startPipeline, type Pipeline } from './support/pipeline.js';

let pipeline: Pipeline;

beforeAll(async () => {
  // A short lock wait so each blocked attempt fails fast instead of hanging for the default.
  pipeline = await startPipeline({ dataSourceExtra: { lock_timeout: 300 } });
});
afterAll(async () => {
  await pipeline?.stop();
});

it('retries persistBooking after transient failures and completes', async () => {
  const blocker = new pg.Client({ connectionString: inject('databaseUrl') });
  await blocker.connect();
  await blocker.query('BEGIN');
  await blocker.query('LOCK TABLE bookings IN ACCESS EXCLUSIVE MODE');

  const fixture = newBookingFixture();
  const body = deliveries.created(fixture);
  const response = await pipeline.send(body);
  expect(response.status).toBe(202);
  const handle = await pipeline.workflowFor(response, body);

  // Wait until Temporal has scheduled a third attempt, i.e. two attempts have failed.
  for (;;) {
    const description = await handle.describe();
    const pending = description.raw.pendingActivities?.[0];
    if (pending && (pending.attempt ?? 0) >= 3) {
      // The failure is stored encrypted ("Encoded failure"); decoding it shows the lock timeout.
      expect(pending.lastFailure?.message).toBe('Encoded failure');
      const [attributes] = await pipeline.dataConverter.payloadCodecs![0]!.decode([pending.lastFailure!.encodedAttributes!]);
      expect(Buffer.from(attributes!.data!).toString('utf8')).toMatch(/lock timeout/i);
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await blocker.query('ROLLBACK');
  await blocker.end();

  await handle.result();
  const history = await handle.fetchHistory();
  const persistAttempts = (history.events ?? [])
    .filter((event) => event.activityTaskStartedEventAttributes)
    .map((event) => event.activityTaskStartedEventAttributes!.attempt ?? 1);
  expect(Math.max(...persistAttempts)).toBeGreaterThanOrEqual(3);

  const rows = await pipeline.dataSource.query('SELECT status FROM bookings WHERE uid = $1', [fixture.uid]);
  expect(rows).toEqual([{ status: 'accepted' }]);
});
