// The response contract: answers are held to the statuses and JSON schemas of the OpenAPI document.
import { describe, expect, it } from "vitest";
import { createResponseContract, type Answer } from "./response-contract.js";

const contract = createResponseContract();
const violation = (answer: Answer) => contract.check(answer).violation;
const json = "application/json; charset=utf-8";

describe("createResponseContract", () => {
  it("accepts an answer that keeps the document", () => {
    const body = JSON.stringify({ status: "ok", api: "up", database: "up", temporal: "up" });
    expect(violation({ method: "GET", path: "/health", status: 200, contentType: json, body })).toBeNull();
  });

  it("names a body that does not match its schema", () => {
    const body = JSON.stringify({ status: "fine", api: "up", database: "up", temporal: "up" });
    expect(violation({ method: "GET", path: "/health", status: 200, contentType: json, body })).toMatch(
      /^GET \/health → 200: the body does not match its schema \(status: /,
    );
  });

  it("names a status the operation does not document", () => {
    expect(violation({ method: "GET", path: "/connections/cal/abc", status: 418, contentType: json, body: "{}" })).toBe(
      "GET /connections/cal/{id} → 418: a status the document does not list",
    );
  });

  it("checks error bodies too, and the media type", () => {
    const wrong = JSON.stringify({ message: "no" });
    expect(violation({ method: "POST", path: "/webhooks/cal", status: 401, contentType: json, body: wrong })).toMatch(
      /^POST \/webhooks\/cal → 401: the body does not match its schema/,
    );
    expect(violation({ method: "POST", path: "/webhooks/cal", status: 401, contentType: "text/html", body: "x" })).toBe(
      "POST /webhooks/cal → 401: answered text/html, documented application/json",
    );
  });

  it("prefers a literal path to a template, and leaves routes the document does not have alone", () => {
    const link = JSON.stringify({ id: "x" });
    expect(
      violation({
        method: "POST",
        path: "/connections/cal/links",
        status: 201,
        contentType: json,
        body: link,
      }),
    ).toMatch(/^POST \/connections\/cal\/links → 201: the body does not match its schema/);
    expect(violation({ method: "GET", path: "/nowhere", status: 404, contentType: json, body: "{}" })).toBeNull();
  });
});
