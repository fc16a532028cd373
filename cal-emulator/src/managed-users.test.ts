// Contract: platform managed users (/v2/oauth-clients/{clientId}/users…), Cal.com's email/username
// rewriting, token lifetimes on the injected clock, 409 on a duplicate, 404 across clients, 401 on a bad secret.
import { afterAll, beforeEach, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { errorEnvelopeSchema, successEnvelopeSchema } from "./schemas/envelope.schema.js";
import { createManagedUserOutputSchema, managedUserSchema, tokensSchema } from "./schemas/managed-user.schema.js";
import { SANDBOX, startTestEmulator, type TestEmulator } from "./test-support/start-emulator.js";

const users = `/oauth-clients/${SANDBOX.clientId}/users`;
let api: TestEmulator;
beforeAll(async () => {
  api = await startTestEmulator({ now: "2030-01-06T12:34:56.789Z" });
});
beforeEach(() => api.emulator.reset());
afterAll(() => api.stop());

describe("POST /v2/oauth-clients/{clientId}/users", () => {
  it("creates the user with Cal.com’s client-scoped email and slug username, and returns tokens (201)", async () => {
    const response = await api.call("POST", users, {
      headers: api.clientHeaders,
      body: {
        email: "elder.grace@example.org",
        name: "Elder Grace",
        timeZone: "Europe/Dublin",
        timeFormat: 24,
        weekStart: "Monday",
      },
    });
    expect(response.status).toBe(201);
    const data = successEnvelopeSchema(createManagedUserOutputSchema).parse(response.body).data;
    expect(data.user).toMatchObject({
      email: `elder.grace+${SANDBOX.clientId}@example.org`,
      username: `elder-grace-${SANDBOX.clientId}-example-org`,
      name: "Elder Grace",
      timeZone: "Europe/Dublin",
      timeFormat: 24,
      weekStart: "Monday",
      createdDate: "2030-01-06T12:34:56.789Z",
    });
    expect(data.user.defaultScheduleId).toEqual(expect.any(Number));
  });

  it("dates the tokens as epoch milliseconds: access now + 60 min floored to the minute, refresh + 1 year floored to the day", async () => {
    const response = await api.call("POST", users, {
      headers: api.clientHeaders,
      body: { email: "deacon@example.org", name: "Deacon Sam" },
    });
    const data = createManagedUserOutputSchema.parse(response.body.data);
    expect(data.accessTokenExpiresAt).toBe(Date.parse("2030-01-06T13:34:00.000Z"));
    expect(data.refreshTokenExpiresAt).toBe(Date.parse("2031-01-06T00:00:00.000Z"));
    expect(data.accessToken.split(".")).toHaveLength(3);
  });

  it("refuses a second user with the same email with 409 and the existing id", async () => {
    const body = { email: "pastor.anna@example.org", name: "Another Anna" };
    const response = await api.call("POST", users, { headers: api.clientHeaders, body });
    expect(response.status).toBe(409);
    expect(errorEnvelopeSchema.parse(response.body).error).toMatchObject({
      code: "ConflictException",
      message: `User with the provided e-mail already exists. Existing user ID=${SANDBOX.pastor.id}`,
    });
  });

  it("answers 401 for a wrong client secret and does not create the user", async () => {
    const response = await api.call("POST", users, {
      headers: { "x-cal-secret-key": "wrong", "x-cal-client-id": SANDBOX.clientId },
      body: { email: "x@example.org", name: "X" },
    });
    expect(response.status).toBe(401);
    expect(errorEnvelopeSchema.parse(response.body).error).toMatchObject({
      code: "UnauthorizedException",
      message: "Invalid client secret",
    });
    expect([...api.emulator.state.users.values()].some((user) => user.name === "X")).toBe(false);
  });
});

describe("reading, changing and deleting managed users", () => {
  it("lists the client’s users with limit/offset and filters by the emails as given at creation", async () => {
    const all = await api.call("GET", users, { headers: api.clientHeaders });
    expect(
      z
        .array(managedUserSchema)
        .parse(all.body.data)
        .map((user) => user.id),
    ).toEqual([SANDBOX.pastor.id, SANDBOX.counsellor.id]);
    const second = await api.call("GET", `${users}?limit=1&offset=1`, { headers: api.clientHeaders });
    expect(second.body.data.map((user: { id: number }) => user.id)).toEqual([SANDBOX.counsellor.id]);
    const byEmail = await api.call("GET", `${users}?emails=counsellor.david@example.org`, {
      headers: api.clientHeaders,
    });
    expect(byEmail.body.data.map((user: { id: number }) => user.id)).toEqual([SANDBOX.counsellor.id]);
  });

  it("answers 404 for a user who is not part of this OAuth client", async () => {
    const response = await api.call("GET", `${users}/${SANDBOX.ordinaryAccount.id}`, { headers: api.clientHeaders });
    expect(response.status).toBe(404);
    expect(errorEnvelopeSchema.parse(response.body).error.message).toBe(
      `User with ID ${SANDBOX.ordinaryAccount.id} is not part of this OAuth client.`,
    );
  });

  it("updates a user and rewrites email and username like creation does", async () => {
    const response = await api.call("PATCH", `${users}/${SANDBOX.pastor.id}`, {
      headers: api.clientHeaders,
      body: { name: "Revd Anna Whitfield", email: "anna@example.org", timeZone: "Europe/Paris" },
    });
    expect(response.status).toBe(200);
    expect(managedUserSchema.parse(response.body.data)).toMatchObject({
      name: "Revd Anna Whitfield",
      email: `anna+${SANDBOX.clientId}@example.org`,
      username: `anna-${SANDBOX.clientId}-example-org`,
      timeZone: "Europe/Paris",
    });
  });

  it("deletes a user, returning it, after which it is gone", async () => {
    const deleted = await api.call("DELETE", `${users}/${SANDBOX.counsellor.id}`, { headers: api.clientHeaders });
    expect(deleted.status).toBe(200);
    expect(deleted.body.data.id).toBe(SANDBOX.counsellor.id);
    expect((await api.call("GET", `${users}/${SANDBOX.counsellor.id}`, { headers: api.clientHeaders })).status).toBe(
      404,
    );
  });
});

describe("POST …/users/{userId}/force-refresh", () => {
  it("revokes the user’s tokens and issues new ones", async () => {
    const before = await api.tokensFor(SANDBOX.pastor.id);
    const response = await api.call("POST", `${users}/${SANDBOX.pastor.id}/force-refresh`, {
      headers: api.clientHeaders,
    });
    expect(response.status).toBe(200);
    const after = tokensSchema.parse(response.body.data);
    expect(after.accessToken).not.toBe(before.accessToken);
    const oldToken = await api.call("GET", "/me", { headers: { Authorization: `Bearer ${before.accessToken}` } });
    expect(oldToken.status).toBe(401);
    const newToken = await api.call("GET", "/me", { headers: { Authorization: `Bearer ${after.accessToken}` } });
    expect(newToken.status).toBe(200);
  });
});
