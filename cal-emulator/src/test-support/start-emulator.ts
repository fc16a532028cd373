// Starts an emulator on an ephemeral loopback port for a contract test and gives a small HTTP helper
// that returns status, headers and parsed body, so each test reads as a request and its answer.
import { afterAll, beforeAll, beforeEach } from "vitest";
import {
  createCalEmulator,
  type CalEmulator,
  type CalEmulatorOptions,
  type RunningCalEmulator,
} from "../create-cal-emulator.js";
import { loadFixtures } from "../fixtures.js";
import { createTestClock, type TestClock } from "./test-clock.js";

export const SANDBOX = {
  clientId: "clxsandbox0client",
  secret: "sandbox-secret-not-for-production",
  pastor: { id: 7001, username: "pastor-anna-clxsandbox0client-example-org" },
  counsellor: { id: 7002, username: "counsellor-david-clxsandbox0client-example-org" },
  ordinaryAccount: { id: 7101, username: "ruth-mensah", email: "ruth.mensah@example.net" },
  secondOrdinaryAccount: { id: 7102, username: "samuel-osei", email: "samuel.osei@example.net" },
  /** The OAuth 2.0 client for ordinary accounts (confidential) and a public (PKCE-only) one. */
  oauth2Client: {
    id: "clxsandbox0oauth2",
    secret: "sandbox-oauth2-secret-not-for-production",
    redirectUri: "http://127.0.0.1:3001/oauth/cal/callback",
    scopes: ["EVENT_TYPE_READ", "EVENT_TYPE_WRITE", "BOOKING_READ", "BOOKING_WRITE", "SCHEDULE_READ", "PROFILE_READ"],
  },
  publicOAuth2Client: { id: "clxsandbox0public", redirectUri: "http://127.0.0.1:3001/oauth/cal/callback" },
  youthMentoring: 9101,
  musicPlanning: 9102,
  pastoralConversation: 9001,
  weddingPreparation: 9002,
  counsellingSession: 9003,
} as const;

/** Sunday noon UTC: the next day (Monday 7 Jan 2030) is a working day for every fixture host. */
export const SUNDAY_NOON = "2030-01-06T12:00:00.000Z";

export interface ApiResponse<Body = any> {
  status: number;
  headers: Headers;
  body: Body;
}

export interface TestEmulator {
  emulator: CalEmulator;
  running: RunningCalEmulator;
  clock: TestClock;
  call<Body = any>(
    method: string,
    path: string,
    options?: { body?: unknown; headers?: Record<string, string> },
  ): Promise<ApiResponse<Body>>;
  clientHeaders: Record<string, string>;
  /** Fresh tokens for a fixture managed user, fetched the way our code would (force-refresh). */
  tokensFor(userId: number): Promise<{
    accessToken: string;
    refreshToken: string;
    accessTokenExpiresAt: number;
    refreshTokenExpiresAt: number;
  }>;
  stop(): Promise<void>;
}

export async function startTestEmulator(
  options: Omit<CalEmulatorOptions, "clock"> & { now?: string } = {},
): Promise<TestEmulator> {
  const clock = createTestClock(options.now ?? SUNDAY_NOON);
  const emulator = createCalEmulator({ fixtures: loadFixtures(), ...options, clock: clock.now });
  const running = await emulator.listen(0, "127.0.0.1");
  const clientHeaders = { "x-cal-secret-key": SANDBOX.secret, "x-cal-client-id": SANDBOX.clientId };

  async function call(method: string, path: string, init: { body?: unknown; headers?: Record<string, string> } = {}) {
    const response = await fetch(`${running.url}${path}`, {
      method,
      headers: { ...(init.body === undefined ? {} : { "Content-Type": "application/json" }), ...init.headers },
      ...(init.body === undefined
        ? {}
        : { body: typeof init.body === "string" ? init.body : JSON.stringify(init.body) }),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
  }

  return {
    emulator,
    running,
    clock,
    call,
    clientHeaders,
    async tokensFor(userId) {
      const response = await call("POST", `/oauth-clients/${SANDBOX.clientId}/users/${userId}/force-refresh`, {
        headers: clientHeaders,
      });
      if (response.status !== 200)
        throw new Error(`force-refresh failed: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body.data;
    },
    stop: () => running.close(),
  };
}

/**
 * The lifecycle most contract test files share: one emulator per file, reset to the fixtures and to
 * SUNDAY_NOON before each test, stopped after the file. Returns a stand-in that forwards to it.
 */
export function useResetEmulatorPerTest(options?: Parameters<typeof startTestEmulator>[0]): TestEmulator {
  let current: TestEmulator | undefined;
  beforeAll(async () => {
    current = await startTestEmulator(options);
  });
  beforeEach(() => {
    current!.emulator.reset();
    current!.clock.set(SUNDAY_NOON);
  });
  afterAll(() => current?.stop());
  return new Proxy({} as TestEmulator, { get: (_target, key) => current![key as keyof TestEmulator] });
}
