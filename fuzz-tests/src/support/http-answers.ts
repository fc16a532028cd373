// Sending a fuzzed request and reading the answer safely (any body, any status), plus the checks every
// refusal must pass: a JSON error object whose message is there for a person to act on.
import { expect } from "vitest";
import type { Expected } from "./webhook-requests.js";

export interface Answer {
  status: number;
  text: string;
  json: unknown;
  headers: Headers;
}

export async function answerOf(response: Response): Promise<Answer> {
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, text, json, headers: response.headers };
}

/** A body as a stream, so fetch sends it chunked, without Content-Length. */
export function chunkedBody(body: Buffer): ReadableStream<Uint8Array> {
  const chunkSize = 64 * 1024;
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= body.length) return controller.close();
      controller.enqueue(new Uint8Array(body.subarray(offset, offset + chunkSize)));
      offset += chunkSize;
    },
  });
}

export function errorOf(answer: Answer): { code: string; message: string } | undefined {
  const error = (answer.json as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  return typeof error?.code === "string" && typeof error.message === "string"
    ? { code: error.code, message: error.message }
    : undefined;
}

/** Asserts that the answer is exactly the expected refusal, with `context` in the failure message. */
export function expectRefusal(answer: Answer, expected: Expected, context: string): void {
  const summary = `${context}\n  → ${answer.status} ${answer.text.slice(0, 300)}`;
  expect(answer.status, summary).toBe(expected.status);
  expect(answer.json, summary).toEqual({ error: { code: expected.code, message: expect.any(String) } });
  const { message } = errorOf(answer)!;
  if (typeof expected.message === "string") expect(message, summary).toBe(expected.message);
  else expect(message, summary).toMatch(expected.message);
}

/** Any 4xx: the error object, a message of some substance; 401 says only "Unauthorized" by design. */
export function expectWellFormedClientError(answer: Answer, context: string): void {
  const summary = `${context}\n  → ${answer.status} ${answer.text.slice(0, 300)}`;
  expect(answer.status, summary).toBeGreaterThanOrEqual(400);
  expect(answer.status, summary).toBeLessThan(500);
  const error = errorOf(answer);
  expect(error, summary).toBeDefined();
  expect(Object.keys(answer.json as object), summary).toEqual(["error"]);
  if (answer.status === 401) {
    expect(error, summary).toEqual({ code: "unauthorized", message: "Unauthorized" });
    return;
  }
  expect(error!.message.length, summary).toBeGreaterThan(5);
  if (answer.status === 400) {
    // A 400 names the field (or the body) it is about: "path: what is wrong".
    expect(error!.message, summary).toMatch(/^[A-Za-z0-9_.[\]-]+: \S/);
  }
}
