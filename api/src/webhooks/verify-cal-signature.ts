// Verifies Cal.com's `X-Cal-Signature-256`: lower-case hex HMAC-SHA256 of the exact raw body, keyed by
// the webhook secret. Raw bytes in, yes or no out; comparison in constant time. Several secrets may be
// accepted at once so a secret can be rotated without losing deliveries signed with the old one.
import { createHmac, timingSafeEqual } from "node:crypto";
import { CAL_NO_SECRET_SENTINEL } from "@churchhub/settings";

const HEX_SHA256 = /^[0-9a-f]{64}$/i;

export function signCalBody(rawBody: Buffer | string, secret: string): string {
  return createHmac("sha256", secret).update(rawBody).digest("hex");
}

export function verifyCalSignature(
  rawBody: Buffer,
  signatureHeader: string | undefined,
  secrets: readonly string[],
): boolean {
  // Cal.com sends this literal when the webhook has no secret; it proves nothing, so never accept it.
  if (!signatureHeader || signatureHeader === CAL_NO_SECRET_SENTINEL || !HEX_SHA256.test(signatureHeader)) return false;
  const received = Buffer.from(signatureHeader.toLowerCase(), "hex");
  let valid = false;
  for (const secret of secrets) {
    if (!secret || secret === CAL_NO_SECRET_SENTINEL) continue;
    const expected = createHmac("sha256", secret).update(rawBody).digest();
    // No early exit: every configured secret is checked so timing does not reveal which one matched.
    if (timingSafeEqual(expected, received)) valid = true;
  }
  return valid;
}
