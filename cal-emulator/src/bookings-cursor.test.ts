// Contract: GET /v2/bookings (2024-08-13) under the fixtures' cursor form: pagination {returnedItems,
// itemsPerPage, nextCursor, hasMore}, nextCursor null on the last page, and no offset fields (hasNextPage).
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { loadFixtures } from "./fixtures.js";
import { SANDBOX, useResetEmulatorPerTest } from "./test-support/start-emulator.js";

const V2024_08_13 = { "cal-api-version": "2024-08-13" };
const api = useResetEmulatorPerTest({ fixtures: { ...loadFixtures(), bookingsListPagination: "cursor" } });

const cursorPageSchema = z.strictObject({
  status: z.literal("success"),
  data: z.array(z.object({ uid: z.string(), start: z.string() })),
  pagination: z.strictObject({
    returnedItems: z.number().int(),
    itemsPerPage: z.number().int(),
    nextCursor: z.string().min(1).nullable(),
    hasMore: z.boolean(),
  }),
});

const book = (start: string) =>
  api.call("POST", "/bookings", {
    headers: V2024_08_13,
    body: {
      start,
      eventTypeId: SANDBOX.pastoralConversation,
      attendee: { name: "Jo Park", email: "jo@example.org", timeZone: "Europe/London" },
    },
  });

describe("GET /v2/bookings, cursor form", () => {
  it("pages with nextCursor until hasMore is false", async () => {
    for (const start of ["2030-01-07T09:00:00Z", "2030-01-07T10:00:00Z", "2030-01-07T11:00:00Z"])
      expect((await book(start)).status).toBe(201);
    const list = (cursor?: string) =>
      api.call("GET", `/bookings?take=2${cursor ? `&cursor=${cursor}` : ""}`, {
        headers: { ...V2024_08_13, ...api.clientHeaders },
      });
    const first = cursorPageSchema.parse((await list()).body);
    expect(first.data.map((booking) => booking.start)).toEqual([
      "2030-01-07T09:00:00.000Z",
      "2030-01-07T10:00:00.000Z",
    ]);
    expect(first.pagination).toMatchObject({ returnedItems: 2, itemsPerPage: 2, hasMore: true });
    const second = cursorPageSchema.parse((await list(first.pagination.nextCursor!)).body);
    expect(second.data.map((booking) => booking.start)).toEqual(["2030-01-07T11:00:00.000Z"]);
    expect(second.pagination).toEqual({ returnedItems: 1, itemsPerPage: 2, nextCursor: null, hasMore: false });
  });

  it("refuses a cursor it did not issue (400)", async () => {
    const response = await api.call("GET", "/bookings?cursor=not-a-cursor", {
      headers: { ...V2024_08_13, ...api.clientHeaders },
    });
    expect(response.status).toBe(400);
  });
});
