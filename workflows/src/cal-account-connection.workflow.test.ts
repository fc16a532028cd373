// connectCalAccountWorkflow's and disconnectCalAccountWorkflow's branches, on a real Temporal server
// with mocked activities: what is audited in which order, what a refusal stops, and that a disconnect
// goes through when Cal.com will not delete our webhook.
import { WorkflowFailedError } from "@temporalio/client";
import { ApplicationFailure } from "@temporalio/common";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUTHORIZATION_REFUSED, CONNECTION_CAL_REJECTED, type CompletedConnection } from "@churchhub/contracts";
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

const connection: CompletedConnection = {
  connectionId: "connection-1",
  calUserId: 41,
  username: "ruth",
  userId: "user-1",
  reconnected: false,
};

/** The connection activities as mocks; every call is recorded as "<activity> <argument>". */
function connectionMock(overrides: Record<string, (input: any) => Promise<unknown>> = {}) {
  const calls: string[] = [];
  const recorded =
    (name: string, answer: (input: any) => Promise<unknown>) =>
    async (input: any): Promise<unknown> => {
      calls.push(`${name} ${JSON.stringify(input)}`);
      return answer(input);
    };
  const answers: Record<string, (input: any) => Promise<unknown>> = {
    completeCalConnection: async () => connection,
    registerConnectionWebhook: async () => ({ status: "registered", webhookId: "webhook-9", created: true }),
    writeConnectionAudit: async () => undefined,
    removeConnectionWebhook: async () => ({ removed: true, reason: null }),
    forgetConnection: async () => undefined,
    ...overrides,
  };
  return {
    calls,
    activities: Object.fromEntries(Object.entries(answers).map(([name, answer]) => [name, recorded(name, answer)])),
  };
}

describe("connectCalAccountWorkflow", () => {
  it("stores the connection, audits it, registers our webhook and audits that", async () => {
    const mock = connectionMock();
    const result = await environment.run("connectCalAccountWorkflow", [{ attemptId: "attempt-1" }], mock.activities);
    expect(result).toEqual({ ...connection, webhookId: "webhook-9", webhookStatus: "registered" });
    expect(mock.calls).toEqual([
      'completeCalConnection {"attemptId":"attempt-1"}',
      'writeConnectionAudit {"connectionId":"connection-1","action":"connected","eventKey":"attempt-1","by":"host"}',
      'registerConnectionWebhook {"connectionId":"connection-1"}',
      'writeConnectionAudit {"connectionId":"connection-1","action":"webhook_registered","eventKey":"attempt-1","by":"system","detail":{"webhookId":"webhook-9","created":true}}',
    ]);
  });

  it("stays connected when Cal.com refuses our webhook for scope, and audits the refusal instead", async () => {
    const mock = connectionMock({
      registerConnectionWebhook: async () => ({
        status: "missing_scope",
        refusedBy: "POST /v2/webhooks",
        newlyMarked: true,
      }),
    });
    const result = await environment.run("connectCalAccountWorkflow", [{ attemptId: "attempt-4" }], mock.activities);
    expect(result).toEqual({ ...connection, webhookId: null, webhookStatus: "missing_scope" });
    expect(mock.calls.at(-1)).toBe(
      'writeConnectionAudit {"connectionId":"connection-1","action":"webhook_refused","eventKey":"attempt-4","by":"system","detail":{"reason":"missing_scope","refusedBy":"POST /v2/webhooks"}}',
    );
  });

  it("audits a reconnect as one", async () => {
    const mock = connectionMock({ completeCalConnection: async () => ({ ...connection, reconnected: true }) });
    await environment.run("connectCalAccountWorkflow", [{ attemptId: "attempt-2" }], mock.activities);
    expect(mock.calls[1]).toContain('"action":"reconnected"');
  });

  it("stops at a refused authorization code: tried once, nothing audited, no webhook", async () => {
    const mock = connectionMock({
      completeCalConnection: async () => {
        throw ApplicationFailure.nonRetryable("The authorization code was already used", AUTHORIZATION_REFUSED);
      },
    });
    const failure = await environment
      .run("connectCalAccountWorkflow", [{ attemptId: "attempt-3" }], mock.activities)
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(WorkflowFailedError);
    expect((failure as WorkflowFailedError).cause?.cause).toMatchObject({ type: AUTHORIZATION_REFUSED });
    expect(mock.calls).toEqual(['completeCalConnection {"attemptId":"attempt-3"}']);
  });
});

describe("disconnectCalAccountWorkflow", () => {
  const input = { connectionId: "connection-1", by: "operator" as const, requestKey: "request-1" };

  it("deletes our webhook, forgets the tokens and audits the disconnect", async () => {
    const mock = connectionMock();
    const result = await environment.run("disconnectCalAccountWorkflow", [input], mock.activities);
    expect(result).toEqual({ connectionId: "connection-1", webhookRemoved: true, webhookNote: null });
    expect(mock.calls).toEqual([
      'removeConnectionWebhook {"connectionId":"connection-1"}',
      'forgetConnection {"connectionId":"connection-1"}',
      'writeConnectionAudit {"connectionId":"connection-1","action":"disconnected","eventKey":"request-1","by":"operator","detail":{"webhookRemoved":true,"webhookNote":null}}',
    ]);
  });

  it("disconnects anyway when Cal.com refuses to delete the webhook, and says so", async () => {
    const mock = connectionMock({
      removeConnectionWebhook: async () => {
        throw ApplicationFailure.nonRetryable("Cal.com refused the request (HTTP 403)", CONNECTION_CAL_REJECTED);
      },
    });
    const result = await environment.run("disconnectCalAccountWorkflow", [input], mock.activities);
    expect(result.webhookRemoved).toBe(false);
    expect(result.webhookNote).toContain("HTTP 403");
    expect(mock.calls.filter((call) => call.startsWith("removeConnectionWebhook"))).toHaveLength(1);
    expect(mock.calls.slice(1).map((call) => call.split(" ")[0])).toEqual(["forgetConnection", "writeConnectionAudit"]);
    expect(mock.calls[2]).toContain('"webhookRemoved":false');
  });
});
