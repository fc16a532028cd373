// Contract: Cal.com's envelopes, error bodies, X-Request-Id and CORS preflight (apps/api/v2/src/app.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorEnvelopeSchema, successEnvelopeSchema, validationErrorDetailsSchema } from "./schemas/envelope.schema.js";
import { SANDBOX, startTestEmulator, type TestEmulator } from "./test-support/start-emulator.js";
import { z } from "zod";

let api: TestEmulator;
beforeAll(async () => {
  api = await startTestEmulator();
});
afterAll(() => api.stop());

describe("envelopes", () => {
  it('wraps a success as {status:"success", data} and names the request', async () => {
    const response = await api.call("GET", `/provider/${SANDBOX.clientId}`);
    expect(response.status).toBe(200);
    expect(
      successEnvelopeSchema(
        z.strictObject({ clientId: z.string(), organizationId: z.number(), name: z.string() }),
      ).parse(response.body).data,
    ).toEqual({
      clientId: SANDBOX.clientId,
      organizationId: 4100,
      name: "ChurchHub Booking (sandbox)",
    });
    expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("answers an unknown route with a 404 in the error envelope, stamped with the injected clock", async () => {
    const response = await api.call("GET", "/no-such-route?x=1");
    expect(response.status).toBe(404);
    const body = errorEnvelopeSchema.parse(response.body);
    expect(body.path).toBe("/v2/no-such-route?x=1");
    expect(body.timestamp).toBe("2030-01-06T12:00:00.000Z");
    expect(body.error.code).toBe("NotFoundException");
  });

  it("reports invalid input as 400 BadRequestException with the field problems in details.errors", async () => {
    const response = await api.call("POST", `/oauth-clients/${SANDBOX.clientId}/users`, {
      headers: api.clientHeaders,
      body: { email: "not-an-email" },
    });
    expect(response.status).toBe(400);
    const body = errorEnvelopeSchema.parse(response.body);
    expect(body.error).toMatchObject({ code: "BadRequestException", message: "Bad Request Exception" });
    const properties = validationErrorDetailsSchema.parse(body.error.details).errors.map((error) => error.property);
    expect(properties.sort()).toEqual(["email", "name"]);
  });

  it("answers a body that is not JSON with a 400 in the envelope", async () => {
    const response = await api.call("POST", "/bookings", { body: '{"start":' });
    expect(response.status).toBe(400);
    expect(errorEnvelopeSchema.parse(response.body).error.code).toBe("BadRequestException");
  });
});

describe("CORS", () => {
  it("answers a preflight with 204 and Cal.com’s origin, methods, headers and max age", async () => {
    const response = await fetch(`${api.running.url}/bookings`, {
      method: "OPTIONS",
      headers: {
        Origin: "http://localhost:3000",
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "cal-api-version,authorization",
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("access-control-max-age")).toBe("86400");
    expect(response.headers.get("access-control-allow-methods")?.split(",")).toEqual([
      "GET",
      "PATCH",
      "DELETE",
      "HEAD",
      "POST",
      "PUT",
      "OPTIONS",
    ]);
    expect(response.headers.get("access-control-allow-headers")?.split(",")).toEqual([
      "x-cal-client-id",
      "x-cal-secret-key",
      "x-cal-platform-embed",
      "cal-api-version",
      "Accept",
      "Authorization",
      "Content-Type",
      "Origin",
    ]);
  });

  it("allows any origin on ordinary responses, errors included", async () => {
    const response = await api.call("GET", "/provider/unknown-client", {
      headers: { Origin: "https://church.example" },
    });
    expect(response.status).toBe(401);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
  });
});
