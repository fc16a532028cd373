// Test vectors computed outside this code (Python's hmac module) pin the algorithm: lower-case hex
// HMAC-SHA256 over the exact body bytes, as Cal.com's sendPayload computes it.
import { describe, expect, it } from "vitest";
import { signCalBody, verifyCalSignature } from "./verify-cal-signature.js";

const SECRET = "churchhub-test-vector-secret";
const VECTORS = [
  {
    body: '{"triggerEvent":"PING","createdAt":"2026-11-24T10:00:00.000Z","payload":{"type":"Test"}}',
    signature: "8cb3d8e531385ec42e85c7316e3b2bae2bc53e3715845734c2dd731e65aa0ce2",
  },
  {
    body: '{"title":"Seelsorge – Gespräch"}',
    signature: "a071d11ef4851b124cd8428200e3885cddd884a761c2e94502ffe98f00457d31",
  },
];

describe("verifyCalSignature", () => {
  it.each(VECTORS)("accepts the known signature of $body", ({ body, signature }) => {
    expect(signCalBody(Buffer.from(body, "utf8"), SECRET)).toBe(signature);
    expect(verifyCalSignature(Buffer.from(body, "utf8"), signature, [SECRET])).toBe(true);
  });

  it("accepts an upper-case hex signature", () => {
    const { body, signature } = VECTORS[0]!;
    expect(verifyCalSignature(Buffer.from(body), signature.toUpperCase(), [SECRET])).toBe(true);
  });

  it("rejects a body changed by one byte", () => {
    const { body, signature } = VECTORS[0]!;
    expect(verifyCalSignature(Buffer.from(body.replace("PING", "PONG")), signature, [SECRET])).toBe(false);
  });

  it("rejects a signature made with another secret", () => {
    const { body } = VECTORS[0]!;
    expect(verifyCalSignature(Buffer.from(body), signCalBody(body, "another-secret-entirely"), [SECRET])).toBe(false);
  });

  it.each([undefined, "", "no-secret-provided", "sha256=8cb3d8e5", "zz".repeat(32), "8cb3d8e5"])(
    "rejects the header %j",
    (header) => {
      expect(verifyCalSignature(Buffer.from(VECTORS[0]!.body), header, [SECRET])).toBe(false);
    },
  );

  it('never treats "no-secret-provided" as a secret, even if configured by mistake', () => {
    const body = Buffer.from("{}");
    expect(verifyCalSignature(body, signCalBody(body, "no-secret-provided"), ["no-secret-provided"])).toBe(false);
  });

  it("accepts either of two secrets during a rotation", () => {
    const body = Buffer.from(VECTORS[0]!.body);
    expect(verifyCalSignature(body, signCalBody(body, "the-new-secret-value"), [SECRET, "the-new-secret-value"])).toBe(
      true,
    );
  });
});
