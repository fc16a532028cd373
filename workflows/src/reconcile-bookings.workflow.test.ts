// reconcileBookingsWorkflow's branches, on a real Temporal server with mocked activities: paging each
// source to its last page, the Platform client first and then every connected account, passing over an
// account that needs reconnecting or that Cal.com refuses, and counting an event an earlier child
// already processed instead of processing it twice.
import { WorkflowFailedError } from "@temporalio/client";
import { ApplicationFailure } from "@temporalio/common";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CAL_REJECTED, CONNECTION_CAL_REJECTED, type CalDelivery } from "@churchhub/contracts";
import { testDelivery } from "./test-support/deliveries.js";
import {
  startWorkflowTestEnvironment,
  type WorkflowTestEnvironment,
} from "./test-support/workflow-test-environment.js";

let environment: WorkflowTestEnvironment;
beforeAll(async () => {
  environment = await startWorkflowTestEnvironment();
});
afterAll(async () => {
  await environment?.teardown();
});

interface PageRequest {
  after: string;
  before: string;
  skip: number;
  take: number;
  connectionId?: string;
}

const page = (deliveries: CalDelivery[], hasNextPage: boolean, extra = { examined: 0, unreadable: 0 }) => ({
  deliveries,
  examined: deliveries.length + extra.examined,
  unreadable: extra.unreadable,
  hasNextPage,
});

/**
 * Mocked activities: the reconciliation's two, the processing workflow's one, and the sensitive-settings check
 * (no sensitive event types here; the check is covered by integration-tests/src/sensitive-settings.test.ts).
 */
function reconciliationMock(
  sources: { platform: boolean; connectionIds: string[] },
  pages: (request: PageRequest) => unknown,
) {
  const requests: PageRequest[] = [];
  const applied: string[] = [];
  return {
    requests,
    applied,
    activities: {
      listReconciliationSources: async () => sources,
      listSensitiveEventTypeIds: async () => [],
      async findBookingsOutOfStep(request: PageRequest) {
        requests.push(request);
        return pages(request);
      },
      async applyCalDeliveries(deliveries: CalDelivery[]) {
        return deliveries.map((delivery) => {
          applied.push(delivery.bookingUid!);
          return {
            deliveryId: delivery.deliveryId,
            bookingUid: delivery.bookingUid,
            outcome: "applied",
            bookingUpdated: true,
            auditLogId: `audit-${delivery.bookingUid}`,
          };
        });
      },
    },
  };
}

describe("reconcileBookingsWorkflow", () => {
  it("pages every source to its end, passes over accounts to reconnect or refused, and processes each event once", async () => {
    const seenTwice = testDelivery("uid-p2");
    const mock = reconciliationMock(
      { platform: true, connectionIds: ["needs-reconnect", "refused", "ok"] },
      (request) => {
        switch (`${request.connectionId ?? "platform"}@${request.skip}`) {
          case "platform@0":
            return page([testDelivery("uid-p1"), seenTwice], true, { examined: 0, unreadable: 1 });
          case "platform@2":
            return page([testDelivery("uid-p3")], false, { examined: 1, unreadable: 0 });
          case "needs-reconnect@0":
            return { ...page([], false), skipped: "needs_reconnect" };
          case "refused@0":
            throw ApplicationFailure.nonRetryable("Cal.com refused the request (HTTP 403)", CONNECTION_CAL_REJECTED);
          case "ok@0":
            // The same event again (it changed in both windows): its run already finished.
            return page([testDelivery("uid-c1"), seenTwice], false);
          default:
            throw new Error(`unexpected page request ${JSON.stringify(request)}`);
        }
      },
    );

    const result = await environment.run(
      "reconcileBookingsWorkflow",
      [{ lookbackMinutes: 30, pageSize: 2 }],
      mock.activities,
    );

    expect(result).toEqual({
      examined: 2 + 2 + 2,
      reconciled: 4,
      alreadyProcessed: 1,
      unreadable: 1,
      needsReconnect: 1,
      failedSources: 1,
      sensitiveChecked: 0,
      sensitiveReapplied: 0,
      sensitiveFlagged: 0,
    });
    expect(mock.requests.map((request) => [request.connectionId ?? "platform", request.skip, request.take])).toEqual([
      ["platform", 0, 2],
      ["platform", 2, 2],
      ["needs-reconnect", 0, 2],
      ["refused", 0, 2],
      ["ok", 0, 2],
    ]);
    const { after, before } = mock.requests[0]!;
    expect(new Date(before).getTime() - new Date(after).getTime()).toBe(30 * 60_000);
    expect(mock.requests.every((request) => request.after === after && request.before === before)).toBe(true);
    expect(mock.applied.sort()).toEqual(["uid-c1", "uid-p1", "uid-p2", "uid-p3"]);
  });

  it("pages only the connected accounts when there is no Platform client, 100 a page by default", async () => {
    const mock = reconciliationMock({ platform: false, connectionIds: ["only"] }, () =>
      page([testDelivery("uid-o1")], false),
    );
    const result = await environment.run("reconcileBookingsWorkflow", [{ lookbackMinutes: 5 }], mock.activities);
    expect(result).toMatchObject({ examined: 1, reconciled: 1, failedSources: 0, needsReconnect: 0 });
    expect(mock.requests).toHaveLength(1);
    expect(mock.requests[0]).toMatchObject({ connectionId: "only", skip: 0, take: 100 });
  });

  it("fails the run when Cal.com refuses the Platform client's pages (our own credentials are wrong)", async () => {
    const mock = reconciliationMock({ platform: true, connectionIds: ["never-reached"] }, () => {
      throw ApplicationFailure.nonRetryable("Cal.com refused the request (HTTP 401)", CAL_REJECTED);
    });
    const failure = await environment
      .run("reconcileBookingsWorkflow", [{ lookbackMinutes: 5 }], mock.activities)
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(WorkflowFailedError);
    expect((failure as WorkflowFailedError).cause?.cause).toMatchObject({ type: CAL_REJECTED });
    expect(mock.requests.map((request) => request.connectionId ?? "platform")).toEqual(["platform"]);
  });
});
