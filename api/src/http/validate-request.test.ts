// validateRequest and describeIssues: each part checked by its schema, every problem named in one format,
// the parsed values handed to the handler, and a route's own refusal used instead of the JSON 400.
import type { Request, Response } from "express";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { HttpError } from "./http-errors.js";
import { describeIssues, validateRequest } from "./validate-request.js";

function run(middleware: ReturnType<typeof validateRequest>, request: Partial<Request>) {
  const response = {} as Response;
  let nextCalled = false;
  middleware(request as Request, response, () => {
    nextCalled = true;
  });
  return { response, nextCalled };
}

describe("validateRequest", () => {
  const schemas = {
    params: z.object({ id: z.uuid({ error: "must be a UUID" }) }),
    query: z.object({ limit: z.coerce.number().int().max(10) }),
    body: z.strictObject({ name: z.string().min(1) }),
  };

  it("hands the parsed parts to the handler", () => {
    const validation = validateRequest(schemas);
    const id = "3f1c2b9a-8d7e-4c6b-9a5f-1e2d3c4b5a69";
    const { response, nextCalled } = run(validation, { params: { id }, query: { limit: "7" }, body: { name: "Ruth" } });
    expect(nextCalled).toBe(true);
    expect(validation.parsed(response)).toEqual({ params: { id }, query: { limit: 7 }, body: { name: "Ruth" } });
  });

  it("refuses with one 400 naming every part's problems", () => {
    const validation = validateRequest(schemas);
    try {
      run(validation, { params: { id: "nope" }, query: { limit: "11" }, body: { name: "", extra: 1 } });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(HttpError);
      expect((error as HttpError).status).toBe(400);
      expect((error as HttpError).code).toBe("bad_request");
      expect((error as HttpError).message).toMatch(/^id: must be a UUID; limit: .+; name: .+; body: .+$/);
    }
  });

  it("lets a route answer an invalid request itself", () => {
    const refusals: string[] = [];
    const validation = validateRequest(
      { params: z.object({ token: z.string().regex(/^[a-z]{4}$/) }) },
      { refuse: (request) => void refusals.push(String(request.params?.token)) },
    );
    expect(run(validation, { params: { token: "bad!" } }).nextCalled).toBe(false);
    expect(refusals).toEqual(["bad!"]);
  });
});

describe("describeIssues", () => {
  it("names at most five problems, under the given prefix", () => {
    const schema = z.object(Object.fromEntries(Array.from({ length: 8 }, (_, index) => [`f${index}`, z.string()])));
    const result = schema.safeParse({});
    expect(result.success).toBe(false);
    const message = describeIssues(result.error!, "payload");
    expect(message.split("; ")).toHaveLength(5);
    expect(message.startsWith("payload.f0: ")).toBe(true);
  });
});
