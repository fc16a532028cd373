// The questionnaire workflows' timers on Temporal's time-skipping test server, with mocked activities
// that mirror the database's answers: the reminder fires at its lead time before the appointment, moves
// when a reschedule signals it, and ends without a mail on a cancellation or an answer; a response that
// waits for its booking is linked when the booking's delivery signals, and deleted after its days.
import { activityInfo } from "@temporalio/activity";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  QUESTIONNAIRE_BOOKING_ARRIVED_SIGNAL,
  QUESTIONNAIRE_BOOKING_CHANGED_SIGNAL,
  type QuestionnaireReminderResult,
} from "@churchhub/contracts";
import type { ReminderPlan } from "@churchhub/database";
import {
  startTimeSkippingEnvironment,
  type TimeSkippingEnvironment,
} from "./test-support/time-skipping-environment.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const LEAD = 24 * HOUR;

let skipping: TimeSkippingEnvironment;
beforeAll(async () => {
  skipping = await startTimeSkippingEnvironment();
});
afterAll(async () => {
  await skipping?.teardown();
});

/** Polls until `probe` holds (time does not skip meanwhile: nobody awaits a result). */
async function eventually(describeWhat: string, probe: () => boolean): Promise<void> {
  const giveUpAt = Date.now() + 20_000;
  while (!probe()) {
    if (Date.now() > giveUpAt) throw new Error(`timed out waiting until ${describeWhat}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

interface BookingState {
  startTime: number;
  cancelled: boolean;
  answered: boolean;
  sent: boolean;
}

/** The reminder's activities over a booking held in memory; `at` is Temporal's (skipped) time. */
function reminderActivities(booking: BookingState) {
  const calls = { plans: [] as number[], sends: [] as Array<{ dueBy: string; at: number }> };
  const plan = (): ReminderPlan => {
    if (booking.cancelled) return { kind: "stop", reason: "cancelled" };
    if (booking.answered) return { kind: "stop", reason: "answered" };
    if (booking.sent) return { kind: "stop", reason: "already_sent" };
    return {
      kind: "due",
      bookingUid: "uid",
      remindAt: new Date(booking.startTime - LEAD).toISOString(),
      startTime: new Date(booking.startTime).toISOString(),
    };
  };
  return {
    calls,
    activities: {
      async planQuestionnaireReminder() {
        calls.plans.push(activityInfo().scheduledTimestampMs);
        return plan();
      },
      async sendQuestionnaireReminder(input: { dueBy: string }) {
        calls.sends.push({ dueBy: input.dueBy, at: activityInfo().scheduledTimestampMs });
        const current = plan();
        if (current.kind !== "due" || Date.parse(current.remindAt) > Date.parse(input.dueBy))
          return { sent: false, plan: current };
        booking.sent = true;
        return { sent: true, mailed: true };
      },
    },
  };
}

describe("questionnaireReminderWorkflow", () => {
  const input = { rootBookingUid: "7Yq3cYbT6P2xQ9hVwRk1aB" };

  it("mails once, at the lead time before the appointment", async () => {
    const booking: BookingState = {
      startTime: (await skipping.environment.currentTimeMs()) + 3 * DAY,
      cancelled: false,
      answered: false,
      sent: false,
    };
    const mock = reminderActivities(booking);
    const result = await skipping.withWorkflow("questionnaireReminderWorkflow", [input], mock.activities, (handle) =>
      handle.result(),
    );
    expect(result).toEqual<QuestionnaireReminderResult>({ outcome: "sent" });
    expect(mock.calls.sends).toHaveLength(1);
    expect(mock.calls.sends[0]!.dueBy).toBe(new Date(booking.startTime - LEAD).toISOString());
    expect(mock.calls.sends[0]!.at).toBeGreaterThanOrEqual(booking.startTime - LEAD);
    expect(mock.calls.sends[0]!.at).toBeLessThan(booking.startTime);
  });

  it("moves its timer when a reschedule signals it", async () => {
    const booking: BookingState = {
      startTime: (await skipping.environment.currentTimeMs()) + 3 * DAY,
      cancelled: false,
      answered: false,
      sent: false,
    };
    const firstRemindAt = booking.startTime - LEAD;
    const mock = reminderActivities(booking);
    const result = await skipping.withWorkflow(
      "questionnaireReminderWorkflow",
      [input],
      mock.activities,
      async (handle) => {
        await eventually("the reminder has read its plan", () => mock.calls.plans.length === 1);
        booking.startTime += 2 * DAY;
        await handle.signal(QUESTIONNAIRE_BOOKING_CHANGED_SIGNAL);
        return handle.result();
      },
    );
    expect(result).toEqual({ outcome: "sent" });
    expect(mock.calls.plans).toHaveLength(2);
    expect(mock.calls.sends).toHaveLength(1);
    expect(mock.calls.sends[0]!.dueBy).toBe(new Date(booking.startTime - LEAD).toISOString());
    expect(mock.calls.sends[0]!.at).toBeGreaterThanOrEqual(booking.startTime - LEAD);
    expect(mock.calls.sends[0]!.at).toBeGreaterThan(firstRemindAt + DAY);
  });

  it.each([
    ["a cancellation", "cancelled" as const],
    ["an answer", "answered" as const],
  ])("ends without a mail on %s", async (_case, change) => {
    const booking: BookingState = {
      startTime: (await skipping.environment.currentTimeMs()) + 3 * DAY,
      cancelled: false,
      answered: false,
      sent: false,
    };
    const mock = reminderActivities(booking);
    const result = await skipping.withWorkflow(
      "questionnaireReminderWorkflow",
      [input],
      mock.activities,
      async (handle) => {
        await eventually("the reminder has read its plan", () => mock.calls.plans.length === 1);
        booking[change] = true;
        await handle.signal(QUESTIONNAIRE_BOOKING_CHANGED_SIGNAL);
        return handle.result();
      },
    );
    expect(result).toEqual({ outcome: change });
    expect(mock.calls.sends).toEqual([]);
  });
});

describe("awaitQuestionnaireBookingWorkflow", () => {
  const input = { responseId: "5f0c2a57-4df4-4a8c-9d7e-2f0a3c1f9b11", keepUnlinkedDays: 7 };

  function linkActivities(state: { arrived: boolean }) {
    const calls = { links: 0, deletes: [] as number[] };
    return {
      calls,
      activities: {
        async linkQuestionnaireResponse() {
          calls.links++;
          return state.arrived ? "linked" : "waiting";
        },
        async deleteUnlinkedQuestionnaireResponse() {
          calls.deletes.push(activityInfo().scheduledTimestampMs);
          return !state.arrived;
        },
      },
    };
  }

  it("links the response when the booking's delivery signals", async () => {
    const state = { arrived: false };
    const mock = linkActivities(state);
    const result = await skipping.withWorkflow(
      "awaitQuestionnaireBookingWorkflow",
      [input],
      mock.activities,
      async (handle) => {
        await eventually("the first look found no booking", () => mock.calls.links === 1);
        state.arrived = true;
        await handle.signal(QUESTIONNAIRE_BOOKING_ARRIVED_SIGNAL);
        return handle.result();
      },
    );
    expect(result).toEqual({ outcome: "linked" });
    expect(mock.calls.deletes).toEqual([]);
  });

  it("deletes the response when its booking has not arrived after the configured days", async () => {
    const startedAt = await skipping.environment.currentTimeMs();
    const mock = linkActivities({ arrived: false });
    const result = await skipping.withWorkflow(
      "awaitQuestionnaireBookingWorkflow",
      [input],
      mock.activities,
      (handle) => handle.result(),
    );
    expect(result).toEqual({ outcome: "deleted" });
    expect(mock.calls.deletes).toHaveLength(1);
    expect(mock.calls.deletes[0]!).toBeGreaterThanOrEqual(startedAt + 7 * DAY);
  });

  it("links instead when the booking arrived just before the deadline (the delete does not hold)", async () => {
    const state = { arrived: false };
    const mock = linkActivities(state);
    mock.activities.deleteUnlinkedQuestionnaireResponse = async () => {
      mock.calls.deletes.push(activityInfo().scheduledTimestampMs);
      state.arrived = true; // the booking's row was committed first: the conditional delete finds it
      return false;
    };
    const result = await skipping.withWorkflow(
      "awaitQuestionnaireBookingWorkflow",
      [input],
      mock.activities,
      (handle) => handle.result(),
    );
    expect(result).toEqual({ outcome: "linked" });
    expect(mock.calls.links).toBe(2);
  });
});
