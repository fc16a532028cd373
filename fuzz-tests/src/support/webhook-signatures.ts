// Every way of getting X-Cal-Signature-256 wrong that a sender or an attacker might try, and the right
// one. A signer computes the header at send time, when the pipeline's secret is known.
import { randomBytes } from "node:crypto";
import fc from "fast-check";
import { signCalBody } from "@churchhub/api";

/** How the X-Cal-Signature-256 header is made from the body and the secret (null: header absent). */
export type Signer = { label: string; sign: (body: Buffer, secret: string) => string | null };

export const validSignature: Signer = { label: "valid signature", sign: (body, secret) => signCalBody(body, secret) };

export const printableHeaderValue = fc
  .string({
    unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyzABCDEF0123456789=+/-_ .:,;".split("")),
    minLength: 1,
    maxLength: 100,
  })
  .map((value) => value.trim())
  .filter((value) => value.length > 0);

/** Every way of getting the signature wrong that a sender or an attacker might try. */
export const badSigner: fc.Arbitrary<Signer> = fc.oneof(
  fc.constant<Signer>({ label: "no signature header", sign: () => null }),
  fc.constant<Signer>({ label: "empty signature", sign: () => "" }),
  fc.constant<Signer>({ label: "Cal.com's no-secret-provided literal", sign: () => "no-secret-provided" }),
  fc.constant<Signer>({
    label: "HMAC keyed by the no-secret-provided literal",
    sign: (body) => signCalBody(body, "no-secret-provided"),
  }),
  fc.integer({ min: 1, max: 63 }).map<Signer>((length) => ({
    label: `truncated to ${length} hex digits`,
    sign: (body, secret) => signCalBody(body, secret).slice(0, length),
  })),
  fc.constant<Signer>({ label: "one hex digit too many", sign: (body, secret) => `${signCalBody(body, secret)}0` }),
  fc.integer({ min: 0, max: 63 }).map<Signer>((index) => ({
    label: `hex digit ${index} flipped`,
    sign: (body, secret) => {
      const valid = signCalBody(body, secret);
      return `${valid.slice(0, index)}${valid[index] === "0" ? "1" : "0"}${valid.slice(index + 1)}`;
    },
  })),
  fc.constant<Signer>({
    label: "sha256= prefix (GitHub style)",
    sign: (body, secret) => `sha256=${signCalBody(body, secret)}`,
  }),
  fc.constant<Signer>({
    label: "base64 instead of hex",
    sign: (body, secret) => Buffer.from(signCalBody(body, secret), "hex").toString("base64"),
  }),
  fc.constant<Signer>({
    label: "signed with another secret",
    sign: (body) => signCalBody(body, randomBytes(24).toString("hex")),
  }),
  fc.constant<Signer>({
    label: "signature of other bytes",
    sign: (body, secret) => signCalBody(Buffer.concat([body, Buffer.from(" ")]), secret),
  }),
  fc.constant<Signer>({
    label: "two signatures in one header",
    sign: (body, secret) => `${signCalBody(body, secret)}, ${signCalBody(body, secret)}`,
  }),
  printableHeaderValue.map<Signer>((value) => ({ label: "random header value", sign: () => value })),
);
