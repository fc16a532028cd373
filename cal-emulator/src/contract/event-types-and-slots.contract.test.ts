// Contract (published OpenAPI document): event types (2024-06-14) and slots (2024-09-04), success and error
// answers, plus proof that the schemas refuse a wrong enum or a missing required field.
import { describe, expect, it } from "vitest";
import { SANDBOX, useResetEmulatorPerTest } from "../test-support/start-emulator.js";
import {
  apiErrorBody,
  eventTypeOutput,
  getEventTypeOutput,
  getEventTypesOutput,
  getSlotsOutput,
} from "./openapi-schemas.js";

const api = useResetEmulatorPerTest();
const V = { "cal-api-version": "2024-06-14" };

describe("GET /v2/event-types", () => {
  it("200 GetEventTypesOutput_2024_06_14 for every fixture host (custom fields, Cal Video and in-person locations)", async () => {
    for (const username of [SANDBOX.pastor.username, SANDBOX.counsellor.username, SANDBOX.ordinaryAccount.username]) {
      const response = await api.call("GET", `/event-types?username=${username}`, { headers: V });
      expect(response.status).toBe(200);
      expect(getEventTypesOutput.parse(response.body).data.length).toBeGreaterThan(0);
    }
  });

  it("200 GetEventTypeOutput_2024_06_14 for the owner; 404 and 401 in the error envelope", async () => {
    const { accessToken } = await api.tokensFor(SANDBOX.pastor.id);
    const headers = { ...V, Authorization: `Bearer ${accessToken}` };
    getEventTypeOutput.parse((await api.call("GET", `/event-types/${SANDBOX.weddingPreparation}`, { headers })).body);
    const other = await api.call("GET", `/event-types/${SANDBOX.counsellingSession}`, { headers });
    expect(other.status).toBe(404);
    apiErrorBody.parse(other.body);
    const anonymous = await api.call("GET", `/event-types/${SANDBOX.weddingPreparation}`, { headers: V });
    expect(anonymous.status).toBe(401);
    apiErrorBody.parse(anonymous.body);
  });

  it("the schema refuses a missing bookingUrl, an unknown integration and a default field without its label", async () => {
    const response = await api.call("GET", `/event-types?username=${SANDBOX.counsellor.username}`, { headers: V });
    const [eventType] = getEventTypesOutput.parse(response.body).data;
    const { bookingUrl: _dropped, ...withoutUrl } = eventType!;
    expect(eventTypeOutput.safeParse(withoutUrl).success).toBe(false);
    expect(
      eventTypeOutput.safeParse({ ...eventType, locations: [{ type: "integration", integration: "daily-video" }] })
        .success,
    ).toBe(false);
    const fields = eventType!.bookingFields.map((field) =>
      field.slug === "name" ? Object.fromEntries(Object.entries(field).filter(([key]) => key !== "label")) : field,
    );
    expect(eventTypeOutput.safeParse({ ...eventType, bookingFields: fields }).success).toBe(false);
  });
});

describe("GET /v2/slots (2024-09-04)", () => {
  it("200 with {date: [{start}]} and, with format=range, {date: [{start, end}]}", async () => {
    const query = `eventTypeId=${SANDBOX.pastoralConversation}&start=2030-01-07&end=2030-01-08&timeZone=Europe/London`;
    const headers = { "cal-api-version": "2024-09-04" };
    const plain = getSlotsOutput.parse((await api.call("GET", `/slots?${query}`, { headers })).body);
    expect(Object.keys(plain.data).length).toBeGreaterThan(0);
    getSlotsOutput.parse((await api.call("GET", `/slots?${query}&format=range`, { headers })).body);
  });

  it("404 in the error envelope for an unknown event type", async () => {
    const response = await api.call("GET", "/slots?eventTypeId=999999&start=2030-01-07&end=2030-01-08", {
      headers: { "cal-api-version": "2024-09-04" },
    });
    expect(response.status).toBe(404);
    apiErrorBody.parse(response.body);
  });
});
