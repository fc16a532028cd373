// The paging decision for GET /v2/bookings, in both of Cal.com's forms, and the shapes it refuses.
import { describe, expect, it } from "vitest";
import { decideNextBookingsPage } from "./bookings-paging.js";

const first = { position: { skip: 0 }, returned: 100 };

describe("offset pagination (hasNextPage)", () => {
  it("goes on after the rows returned, and stops on the last page", () => {
    expect(decideNextBookingsPage({ hasNextPage: true, totalItems: 250 }, first)).toEqual({
      kind: "next",
      position: { skip: 100 },
    });
    expect(decideNextBookingsPage({ hasNextPage: true }, { position: { skip: 100 }, returned: 100 })).toEqual({
      kind: "next",
      position: { skip: 200 },
    });
    expect(decideNextBookingsPage({ hasNextPage: false }, { position: { skip: 200 }, returned: 50 })).toEqual({
      kind: "last",
    });
  });

  it("refuses an empty page that claims more (it would page forever)", () => {
    expect(decideNextBookingsPage({ hasNextPage: true }, { position: { skip: 0 }, returned: 0 })).toMatchObject({
      kind: "unexpected",
    });
  });
});

describe("cursor pagination (nextCursor, hasMore)", () => {
  it("follows the cursor while there is more, and stops when hasMore is false or the cursor is null", () => {
    expect(decideNextBookingsPage({ nextCursor: "c2", hasMore: true }, first)).toEqual({
      kind: "next",
      position: { cursor: "c2" },
    });
    expect(decideNextBookingsPage({ nextCursor: 41, hasMore: true }, first)).toEqual({
      kind: "next",
      position: { cursor: "41" },
    });
    expect(decideNextBookingsPage({ nextCursor: "c3", hasMore: false }, first)).toEqual({ kind: "last" });
    expect(decideNextBookingsPage({ nextCursor: null }, first)).toEqual({ kind: "last" });
    expect(decideNextBookingsPage({ nextCursor: null, hasMore: false }, first)).toEqual({ kind: "last" });
  });

  it("refuses more without a cursor, and values of the wrong type", () => {
    expect(decideNextBookingsPage({ hasMore: true }, first)).toEqual({
      kind: "unexpected",
      detail: "hasMore without a nextCursor",
    });
    expect(decideNextBookingsPage({ hasMore: "yes", nextCursor: "c" }, first)).toMatchObject({ kind: "unexpected" });
    expect(decideNextBookingsPage({ nextCursor: { id: 1 } }, first)).toMatchObject({ kind: "unexpected" });
    expect(decideNextBookingsPage({ nextCursor: "" }, first)).toMatchObject({ kind: "unexpected" });
  });
});

describe("an unknown shape is not 'no more pages'", () => {
  it("names the keys it saw, never their values", () => {
    expect(decideNextBookingsPage({ page: 2, more: "ruth@example.org" }, first)).toEqual({
      kind: "unexpected",
      detail: "neither hasNextPage nor nextCursor/hasMore (keys: page,more)",
    });
    expect(decideNextBookingsPage(undefined, first)).toEqual({ kind: "unexpected", detail: "no pagination object" });
    expect(decideNextBookingsPage([], first)).toMatchObject({ kind: "unexpected" });
    expect(decideNextBookingsPage({ hasNextPage: true }, { position: { cursor: "c" }, returned: 5 })).toMatchObject({
      kind: "unexpected",
    });
  });
});
