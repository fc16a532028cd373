// withRedirectUri: our callback joins a client's redirect URIs within Cal.com's limit of ten.
import { describe, expect, it } from "vitest";
import { MAX_REDIRECT_URIS, withRedirectUri } from "./redirect-uris.js";

const uris = (count: number) => Array.from({ length: count }, (_, index) => `http://host.test/${index}`);

describe("withRedirectUri", () => {
  it("leaves a list that already has the URI as it is", () => {
    expect(withRedirectUri(uris(3), "http://host.test/1")).toEqual(uris(3));
  });

  it("adds the URI last", () => {
    expect(withRedirectUri(uris(2), "http://ours.test/cb")).toEqual([...uris(2), "http://ours.test/cb"]);
  });

  it("replaces the last URI when the list is full, so it never exceeds ten", () => {
    const full = uris(MAX_REDIRECT_URIS);
    const result = withRedirectUri(full, "http://ours.test/cb");
    expect(result).toHaveLength(MAX_REDIRECT_URIS);
    expect(result).toEqual([...full.slice(0, 9), "http://ours.test/cb"]);
  });
});
