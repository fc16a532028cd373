// Contract (published OpenAPI document): /v2/webhooks (OAuth 2.0 connect registers one) and
// /v2/oauth-clients/{clientId}/webhooks (managed-user mode), success and error answers.
import { describe, expect, it } from "vitest";
import { SANDBOX, useResetEmulatorPerTest } from "../test-support/start-emulator.js";
import {
  apiErrorBody,
  deleteManyWebhooksOutputResponse,
  oauthClientWebhookOutputResponse,
  oauthClientWebhooksOutputResponse,
  userWebhookOutputResponse,
  userWebhooksOutputResponse,
} from "./openapi-schemas.js";

const api = useResetEmulatorPerTest();
const body = {
  subscriberUrl: "https://hooks.example.org/cal",
  triggers: ["BOOKING_CREATED", "BOOKING_CANCELLED"],
  active: true,
  secret: "s",
};

describe("/v2/webhooks", () => {
  it("UserWebhookOutputResponseDto (POST 201, GET, PATCH, DELETE) and UserWebhooksOutputResponseDto", async () => {
    const token = api.emulator.issueOAuth2Tokens({ userId: SANDBOX.ordinaryAccount.id }).access_token;
    const headers = { Authorization: `Bearer ${token}` };
    const created = await api.call("POST", "/webhooks", { headers, body });
    expect(created.status).toBe(201);
    const { data } = userWebhookOutputResponse.parse(created.body);
    userWebhooksOutputResponse.parse((await api.call("GET", "/webhooks", { headers })).body);
    userWebhookOutputResponse.parse((await api.call("GET", `/webhooks/${data.id}`, { headers })).body);
    userWebhookOutputResponse.parse(
      (await api.call("PATCH", `/webhooks/${data.id}`, { headers, body: { payloadTemplate: '{"t":"{{title}}"}' } }))
        .body,
    );
    userWebhookOutputResponse.parse((await api.call("DELETE", `/webhooks/${data.id}`, { headers })).body);
  });

  it("401, 400, 404, 409 and 403 in the error envelope", async () => {
    expect(apiErrorBody.parse((await api.call("POST", "/webhooks", { body })).body).error.code).toBe(
      "UnauthorizedException",
    );
    const { accessToken } = await api.tokensFor(SANDBOX.pastor.id);
    const headers = { Authorization: `Bearer ${accessToken}` };
    const invalid = await api.call("POST", "/webhooks", { headers, body: { ...body, triggers: ["PING"] } });
    expect(invalid.status).toBe(400);
    apiErrorBody.parse(invalid.body);
    const missing = await api.call("GET", "/webhooks/6c1f1d35-7a3e-4d5b-9f5e-1f2a3b4c5d6e", { headers });
    expect(missing.status).toBe(404);
    apiErrorBody.parse(missing.body);
    const first = userWebhookOutputResponse.parse((await api.call("POST", "/webhooks", { headers, body })).body);
    const again = await api.call("POST", "/webhooks", { headers, body });
    expect(again.status).toBe(409);
    apiErrorBody.parse(again.body);
    const other = (await api.tokensFor(SANDBOX.counsellor.id)).accessToken;
    const foreign = await api.call("GET", `/webhooks/${first.data.id}`, {
      headers: { Authorization: `Bearer ${other}` },
    });
    expect(foreign.status).toBe(403);
    apiErrorBody.parse(foreign.body);
  });
});

describe("/v2/oauth-clients/{clientId}/webhooks", () => {
  const base = `/oauth-clients/${SANDBOX.clientId}/webhooks`;

  it("OAuthClientWebhookOutputResponseDto, OAuthClientWebhooksOutputResponseDto, DeleteManyWebhooksOutputResponseDto", async () => {
    const created = await api.call("POST", base, { headers: api.clientHeaders, body });
    expect(created.status).toBe(201);
    const { data } = oauthClientWebhookOutputResponse.parse(created.body);
    oauthClientWebhooksOutputResponse.parse((await api.call("GET", base, { headers: api.clientHeaders })).body);
    oauthClientWebhookOutputResponse.parse(
      (await api.call("GET", `${base}/${data.id}`, { headers: api.clientHeaders })).body,
    );
    oauthClientWebhookOutputResponse.parse(
      (await api.call("PATCH", `${base}/${data.id}`, { headers: api.clientHeaders, body: { active: false } })).body,
    );
    oauthClientWebhookOutputResponse.parse(
      (await api.call("DELETE", `${base}/${data.id}`, { headers: api.clientHeaders })).body,
    );
    deleteManyWebhooksOutputResponse.parse((await api.call("DELETE", base, { headers: api.clientHeaders })).body);
  });

  it("401, 409 and 404 in the error envelope", async () => {
    const wrong = await api.call("POST", base, { headers: { "x-cal-secret-key": "nope" }, body });
    expect(wrong.status).toBe(401);
    apiErrorBody.parse(wrong.body);
    await api.call("POST", base, { headers: api.clientHeaders, body });
    const again = await api.call("POST", base, { headers: api.clientHeaders, body });
    expect(again.status).toBe(409);
    apiErrorBody.parse(again.body);
    const missing = await api.call("GET", `${base}/6c1f1d35-7a3e-4d5b-9f5e-1f2a3b4c5d6e`, {
      headers: api.clientHeaders,
    });
    expect(missing.status).toBe(404);
    apiErrorBody.parse(missing.body);
  });
});
