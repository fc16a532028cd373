// mintManagedUserTokenWorkflow's branches, on a real Temporal server with mocked activities: the user is
// found first and the token ensured for that user; an unknown user or a refusal by Cal.com is final at
// once, a Cal.com blip is retried. (Refresh, and force-refresh when the refresh token is dead, happen
// inside ensureManagedUserAccessToken, under the user's lock: see the managed-user token tests.)
import { WorkflowFailedError } from "@temporalio/client";
import { ApplicationFailure } from "@temporalio/common";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CAL_REJECTED, UNKNOWN_MANAGED_USER, type EnsuredToken } from "@churchhub/contracts";
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

const ensured: EnsuredToken = { calUserId: 7, accessTokenExpiresAt: "2026-12-01T10:00:00.000Z", outcome: "refreshed" };

function tokenMock(ensure: (attempt: number) => Promise<EnsuredToken>, find = async () => ({ calUserId: 7 })) {
  const calls: Array<[string, unknown]> = [];
  return {
    calls,
    activities: {
      async findManagedUser(username: string) {
        calls.push(["findManagedUser", username]);
        return find();
      },
      async ensureManagedUserAccessToken(input: unknown) {
        calls.push(["ensureManagedUserAccessToken", input]);
        return ensure(calls.filter(([name]) => name === "ensureManagedUserAccessToken").length);
      },
    },
  };
}

const input = { username: "ruth-mensah", minValidityMs: 300_000, replaceAccessTokenHash: "hash-of-refused" };

describe("mintManagedUserTokenWorkflow", () => {
  it("finds the user, then ensures that user's token with everything the request asked for", async () => {
    const mock = tokenMock(async () => ensured);
    await expect(environment.run("mintManagedUserTokenWorkflow", [input], mock.activities)).resolves.toEqual(ensured);
    expect(mock.calls).toEqual([
      ["findManagedUser", "ruth-mensah"],
      ["ensureManagedUserAccessToken", { calUserId: 7, ...input }],
    ]);
  });

  it("retries a Cal.com blip and then succeeds", async () => {
    const mock = tokenMock(async (attempt) => {
      if (attempt === 1) throw new Error("Cal.com answered 503");
      return ensured;
    });
    await expect(environment.run("mintManagedUserTokenWorkflow", [input], mock.activities)).resolves.toEqual(ensured);
    expect(mock.calls.filter(([name]) => name === "ensureManagedUserAccessToken")).toHaveLength(2);
  });

  it.each([
    ["an unknown user", "findManagedUser", UNKNOWN_MANAGED_USER],
    ["Cal.com refusing the refresh", "ensureManagedUserAccessToken", CAL_REJECTED],
  ])("fails at once, tried once, on %s", async (_case, refusingActivity, type) => {
    const refusal = async (): Promise<never> => {
      throw ApplicationFailure.nonRetryable("refused", type);
    };
    const mock = refusingActivity === "findManagedUser" ? tokenMock(async () => ensured, refusal) : tokenMock(refusal);
    const failure = await environment
      .run("mintManagedUserTokenWorkflow", [input], mock.activities)
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(WorkflowFailedError);
    expect((failure as WorkflowFailedError).cause?.cause).toMatchObject({ type });
    expect(mock.calls.map(([name]) => name)).toEqual(
      refusingActivity === "findManagedUser"
        ? ["findManagedUser"]
        : ["findManagedUser", "ensureManagedUserAccessToken"],
    );
  });
});
