// Where the next page of `GET /v2/bookings` starts, read from the page's `pagination`. Cal.com documents
// two forms (cal-emulator/README.md): offset (`hasNextPage`, with take/skip) and cursor (`nextCursor`,
// `hasMore`). "No more pages" and "a shape we do not know" are different answers: the first ends the
// listing, the second must stop it loudly, or a changed API would silently end every reconciliation early.

/** Where a page starts: an offset (take/skip) or a cursor Cal.com gave us. */
export type BookingsPagePosition = { skip: number } | { cursor: string };

export type BookingsPagingDecision =
  | { kind: "last" }
  | { kind: "next"; position: BookingsPagePosition }
  /** `detail` names the pagination keys seen, never values: safe to log and keep in Temporal. */
  | { kind: "unexpected"; detail: string };

function keysOf(value: object): string {
  return Object.keys(value).slice(0, 12).join(",") || "none";
}

export function decideNextBookingsPage(
  pagination: unknown,
  current: { position: BookingsPagePosition; returned: number },
): BookingsPagingDecision {
  if (pagination === null || typeof pagination !== "object" || Array.isArray(pagination))
    return { kind: "unexpected", detail: "no pagination object" };
  const fields = pagination as Record<string, unknown>;
  const { hasMore, nextCursor, hasNextPage } = fields;

  const cursorForm = "hasMore" in fields || "nextCursor" in fields;
  if (cursorForm) {
    if (hasMore !== undefined && typeof hasMore !== "boolean")
      return { kind: "unexpected", detail: "hasMore is not a boolean" };
    const cursor = typeof nextCursor === "number" ? String(nextCursor) : nextCursor;
    if (cursor !== undefined && cursor !== null && (typeof cursor !== "string" || cursor === ""))
      return { kind: "unexpected", detail: "nextCursor is neither a string, a number nor null" };
    if (hasMore === false) return { kind: "last" };
    if (typeof cursor === "string") return { kind: "next", position: { cursor } };
    if (hasMore === true) return { kind: "unexpected", detail: "hasMore without a nextCursor" };
    return { kind: "last" };
  }

  if (typeof hasNextPage === "boolean") {
    if (!hasNextPage) return { kind: "last" };
    if (!("skip" in current.position)) return { kind: "unexpected", detail: "hasNextPage on a page fetched by cursor" };
    // An empty page that claims more would page forever.
    if (current.returned === 0) return { kind: "unexpected", detail: "hasNextPage on an empty page" };
    return { kind: "next", position: { skip: current.position.skip + current.returned } };
  }
  return { kind: "unexpected", detail: `neither hasNextPage nor nextCursor/hasMore (keys: ${keysOf(fields)})` };
}
