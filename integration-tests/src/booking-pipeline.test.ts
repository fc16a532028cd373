// A signed Cal.com delivery travels api → Temporal workflow → activities → Postgres, for every booking
// trigger, exactly once per event, with the audit trail; bad input is refused and leaves no rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookingPayload, deliveries, envelope, newBookingFixture, type BookingFixture } from './support/cal-deliveries.js';
import { readJson, startPipeline, type Pipeline } from './support/pipeline.js';

let pipeline: Pipeline;

beforeAll(async () => {
  pipeline = await startPipeline();
});
afterAll(async () => {
  await pipeline?.stop();
});

async function deliver(body: unknown): Promise<unknown> {
  const response = await pipeline.send(body);
  expect(response.status).toBe(202);
  return pipeline.processed(response, body);
}

async function bookingRow(uid: string) {
  const rows = await pipeline.dataSource.query('SELECT * FROM bookings WHERE uid = $1', [uid]);
  return rows[0];
}

async function auditRows(bookingUid: string) {
  return pipeline.dataSource.query('SELECT * FROM audit_logs WHERE booking_uid = $1 ORDER BY occurred_at', [bookingUid]);
}

async function rowCounts(uid: string): Promise<{ bookings: number; audit: number }> {
  const [bookings] = await pipeline.dataSource.query('SELECT count(*)::int AS n FROM bookings WHERE uid = $1', [uid]);
  const [audit] = await pipeline.dataSource.query('SELECT count(*)::int AS n FROM audit_logs WHERE booking_uid = $1', [uid]);
  return { bookings: bookings.n, audit: audit.n };
}

describe('a signed booking delivery', () => {
  it('BOOKING_CREATED stores the organizer, the booking and an audit entry with Cal.com’s values', async () => {
    const fixture = newBookingFixture();
    const body = deliveries.created(fixture, '2026-11-20T09:00:00.000Z');
    await deliver(body);

    const [user] = await pipeline.dataSource.query('SELECT * FROM users WHERE cal_user_id = $1', [fixture.organizerId]);
    expect(user).toMatchObject({ name: 'Dana Host', email: 'dana@example.org', username: 'dana-host', time_zone: 'America/New_York', locale: 'en' });

    const booking = await bookingRow(fixture.uid);
    expect(booking).toMatchObject({
      cal_booking_id: fixture.bookingId,
      user_id: user.id,
      status: 'accepted',
      event_type_id: 1234,
      event_type_slug: 'pastoral-care-30',
      location: 'integrations:daily',
      organizer_time_zone: 'America/New_York',
      title: 'Pastoral care between Dana Host and Sam Lee',
    });
    expect(booking.start_time.toISOString()).toBe('2026-12-10T14:00:00.000Z');
    expect(booking.end_time.toISOString()).toBe('2026-12-10T14:30:00.000Z');
    expect(booking.attendees).toEqual([{ name: 'Sam Lee', email: 'sam@example.org', timeZone: 'Europe/London', locale: 'en', phoneNumber: null }]);
    expect(booking.responses.notes).toEqual({ label: 'additional_notes', value: 'Would like to talk about a family matter' });
    expect(booking.metadata).toEqual({ videoCallUrl: `https://app.cal.com/video/${fixture.uid}` });
    expect(booking.status_history).toHaveLength(1);

    const audit = await auditRows(fixture.uid);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ trigger_event: 'BOOKING_CREATED', outcome: 'applied', source: 'webhook', user_id: user.id });
    expect(audit[0].occurred_at.toISOString()).toBe('2026-11-20T09:00:00.000Z');
    expect(audit[0].payload).toEqual(body);

    const [formResponse] = await pipeline.dataSource.query(
      'SELECT fr.answers, f.cal_event_type_id FROM form_responses fr JOIN forms f ON f.id = fr.form_id WHERE fr.booking_id = $1',
      [booking.id],
    );
    expect(formResponse.cal_event_type_id).toBe(1234);
    expect(formResponse.answers.name.value).toBe('Sam Lee');
  });

  const statusByTrigger: Array<[string, (fixture: BookingFixture) => Record<string, unknown>, string]> = [
    ['BOOKING_REQUESTED', (f) => deliveries.requested(f), 'pending'],
    ['BOOKING_REJECTED', (f) => deliveries.rejected(f, 'Host unavailable'), 'rejected'],
    ['BOOKING_PAYMENT_INITIATED', (f) => deliveries.paymentInitiated(f), 'accepted'],
    ['BOOKING_PAID', (f) => deliveries.paid(f), 'accepted'],
  ];
  it.each(statusByTrigger)('%s stores the booking with status %s', async (trigger, build, status) => {
    const fixture = newBookingFixture();
    await deliver(build(fixture));
    expect(await bookingRow(fixture.uid)).toMatchObject({ status });
    const audit = await auditRows(fixture.uid);
    expect(audit.map((row: { trigger_event: string }) => row.trigger_event)).toEqual([trigger]);
  });

  it('BOOKING_CANCELLED keeps the cancellation reason and the status history', async () => {
    const fixture = newBookingFixture();
    await deliver(deliveries.created(fixture, '2026-11-20T09:00:00.000Z'));
    await deliver(deliveries.cancelled(fixture, 'Feeling better, thank you', '2026-11-21T09:00:00.000Z'));
    const booking = await bookingRow(fixture.uid);
    expect(booking).toMatchObject({ status: 'cancelled', cancellation_reason: 'Feeling better, thank you', cancelled_by: 'sam@example.org' });
    expect(booking.status_history.map((entry: { status: string }) => entry.status)).toEqual(['accepted', 'cancelled']);
    expect((await auditRows(fixture.uid)).map((row: { trigger_event: string }) => row.trigger_event)).toEqual(['BOOKING_CREATED', 'BOOKING_CANCELLED']);
  });

  it('BOOKING_RESCHEDULED stores the new booking linked to the one it replaces', async () => {
    const original = newBookingFixture();
    const replacement = newBookingFixture({ organizerId: original.organizerId, startTime: '2026-12-11T15:00:00Z', endTime: '2026-12-11T15:30:00Z' });
    await deliver(deliveries.created(original, '2026-11-20T09:00:00.000Z'));
    await deliver(deliveries.rescheduled(replacement, original, '2026-11-22T09:00:00.000Z'));

    const newRow = await bookingRow(replacement.uid);
    expect(newRow).toMatchObject({ status: 'accepted', rescheduled_from_uid: original.uid, rescheduled_by: 'sam@example.org' });
    expect(newRow.start_time.toISOString()).toBe('2026-12-11T15:00:00.000Z');
    const oldRow = await bookingRow(original.uid);
    expect(oldRow).toMatchObject({ status: 'cancelled', rescheduled_to_uid: replacement.uid });
  });

  it('keeps fields Cal.com adds that we do not know yet', async () => {
    const fixture = newBookingFixture();
    const body = envelope('BOOKING_CREATED', bookingPayload(fixture, { brandNewField: { nested: [1, 2, 3] } }));
    await deliver(body);
    expect((await bookingRow(fixture.uid)).payload.payload.brandNewField).toEqual({ nested: [1, 2, 3] });
  });

  it('is processed once when the same delivery arrives five times', async () => {
    const fixture = newBookingFixture();
    const body = deliveries.created(fixture);
    const raw = JSON.stringify(body);
    const concurrent = await Promise.all([1, 2, 3].map(() => pipeline.send(body, { rawBody: raw })));
    for (const response of concurrent) expect(response.status).toBe(202);
    await pipeline.processed(concurrent[0]!, body);
    const later = [await pipeline.send(body, { rawBody: raw }), await pipeline.send(body, { rawBody: raw })];
    for (const response of later) expect(response.status).toBe(202);
    expect((await readJson(later[1]!)).duplicate).toBe(true);

    expect(await rowCounts(fixture.uid)).toEqual({ bookings: 1, audit: 1 });
    expect((await bookingRow(fixture.uid)).status_history).toHaveLength(1);
  });

  it('is processed once when Cal.com re-sends the same event with a new send time', async () => {
    const fixture = newBookingFixture();
    await deliver(deliveries.created(fixture, '2026-11-20T09:00:00.000Z'));
    const resend = await pipeline.send(deliveries.created(fixture, '2026-11-20T09:05:00.000Z'));
    expect(resend.status).toBe(202);
    expect((await readJson(resend)).duplicate).toBe(true);
    expect(await rowCounts(fixture.uid)).toEqual({ bookings: 1, audit: 1 });
  });

  it('is accepted on the seed’s /booking.created and /booking.updated routes too', async () => {
    const fixture = newBookingFixture();
    const created = deliveries.created(fixture, '2026-11-20T09:00:00.000Z');
    const response = await pipeline.send(created, { path: '/webhooks/cal/booking.created' });
    expect(response.status).toBe(202);
    await pipeline.processed(response, created);
    const cancelled = deliveries.cancelled(fixture, 'No longer needed', '2026-11-21T09:00:00.000Z');
    const update = await pipeline.send(cancelled, { path: '/webhooks/cal/booking.updated' });
    expect(update.status).toBe(202);
    await pipeline.processed(update, cancelled);
    expect(await bookingRow(fixture.uid)).toMatchObject({ status: 'cancelled' });
  });
});

describe('deliveries that are not bookings', () => {
  it.each([
    ['PING (Cal.com’s test button)', () => deliveries.ping(), null],
    ['MEETING_STARTED without the payload envelope', (f: BookingFixture) => deliveries.meetingStarted(f), 'uid'],
    ['BOOKING_NO_SHOW_UPDATED', (f: BookingFixture) => deliveries.noShowUpdated(f), 'uid'],
    ['an unknown trigger', (f: BookingFixture) => envelope('SOMETHING_NEW', { bookingUid: f.uid, anything: true }), 'uid'],
  ])('%s is acknowledged and audited with its raw body, without a booking row', async (_name, build, linked) => {
    const fixture = newBookingFixture();
    const body = build(fixture);
    const response = await pipeline.send(body);
    expect(response.status).toBe(202);
    const { deliveryId } = (await response.clone().json()) as { deliveryId: string };
    await pipeline.processed(response, body);
    const [audit] = await pipeline.dataSource.query('SELECT * FROM audit_logs WHERE delivery_id = $1', [deliveryId]);
    expect(audit).toMatchObject({ trigger_event: (body as { triggerEvent: string }).triggerEvent, outcome: 'recorded', booking_uid: linked ? fixture.uid : null });
    expect(audit.payload).toEqual(body);
    expect(await bookingRow(fixture.uid)).toBeUndefined();
  });
});

describe('bad input', () => {
  it('a wrong, missing or "no-secret-provided" signature gets 401 with no detail and writes nothing', async () => {
    const fixture = newBookingFixture();
    const body = deliveries.created(fixture);
    for (const signature of ['0'.repeat(64), null, 'no-secret-provided', 'not-hex']) {
      const response = await pipeline.send(body, { signature });
      expect(response.status).toBe(401);
      expect(await readJson(response)).toEqual({ error: { code: 'unauthorized', message: 'Unauthorized' } });
    }
    expect(await rowCounts(fixture.uid)).toEqual({ bookings: 0, audit: 0 });
  });

  it('a body signed with another secret gets 401', async () => {
    const { signCalBody } = await import('@churchhub/api');
    const fixture = newBookingFixture();
    const raw = JSON.stringify(deliveries.created(fixture));
    const response = await pipeline.send(null, { rawBody: raw, signature: signCalBody(raw, 'some-other-secret-value') });
    expect(response.status).toBe(401);
  });

  it('malformed JSON gets 400 naming the body', async () => {
    const response = await pipeline.send(null, { rawBody: '{"triggerEvent": "BOOKING_CREATED", ' });
    expect(response.status).toBe(400);
    expect((await readJson(response)).error.message).toBe('body: is not valid JSON');
  });

  it.each([
    ['payload.uid', (payload: Record<string, unknown>) => delete payload.uid],
    ['payload.organizer', (payload: Record<string, unknown>) => delete payload.organizer],
    ['payload.organizer.id', (payload: Record<string, unknown>) => delete (payload.organizer as Record<string, unknown>).id],
    ['payload.attendees', (payload: Record<string, unknown>) => delete payload.attendees],
    ['payload.startTime', (payload: Record<string, unknown>) => (payload.startTime = 'next tuesday')],
    ['payload.endTime', (payload: Record<string, unknown>) => delete payload.endTime],
    ['payload.eventTypeId', (payload: Record<string, unknown>) => (delete payload.eventTypeId, delete payload.type)],
  ])('a booking without a valid %s gets 400 naming it and writes nothing', async (field, mutate) => {
    const fixture = newBookingFixture();
    const body = deliveries.created(fixture) as { payload: Record<string, unknown> };
    mutate(body.payload);
    const response = await pipeline.send(body);
    expect(response.status).toBe(400);
    expect((await readJson(response)).error.message).toContain(field);
    expect(await rowCounts(fixture.uid)).toEqual({ bookings: 0, audit: 0 });
  });

  it('a body without triggerEvent gets 400 naming it', async () => {
    const response = await pipeline.send({ createdAt: new Date().toISOString(), payload: {} });
    expect(response.status).toBe(400);
    expect((await readJson(response)).error.message).toContain('triggerEvent');
  });

  it('a body over the size cap gets 413', async () => {
    const fixture = newBookingFixture();
    const body = envelope('BOOKING_CREATED', bookingPayload(fixture, { padding: 'x'.repeat(600 * 1024) }));
    const response = await pipeline.send(body);
    expect(response.status).toBe(413);
    expect(await rowCounts(fixture.uid)).toEqual({ bookings: 0, audit: 0 });
  });

  it('a body that is not JSON by its content type gets 415', async () => {
    const fixture = newBookingFixture();
    const response = await pipeline.send(deliveries.created(fixture), { contentType: 'text/plain' });
    expect(response.status).toBe(415);
    expect((await readJson(response)).error.message).toContain('text/plain');
  });

  it('a compressed body gets 415 naming the encoding', async () => {
    const response = await pipeline.send(deliveries.ping(), { headers: { 'content-encoding': 'gzip' } });
    expect(response.status).toBe(415);
    expect((await readJson(response)).error.message).toContain('gzip');
  });
});

describe('GET /health', () => {
  it('reports the api, the database and Temporal as up', async () => {
    const response = await fetch(`${pipeline.baseUrl}/health`);
    expect(response.status).toBe(200);
    expect(await readJson(response)).toEqual({ status: 'ok', api: 'up', database: 'up', temporal: 'up' });
  });
});
