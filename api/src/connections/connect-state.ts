// The OAuth `state` of a connect attempt and what binds it to one browser. The state is the attempt id
// and its expiry, signed (HMAC-SHA256), so a tampered or invented state is refused before any lookup;
// single use and the browser binding are checked against the attempt row (connect-link-store).
// PKCE (RFC 7636, S256) is used even with a confidential client: Cal.com supports it for both.
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

interface SignedState {
  attemptId: string;
  expiresAt: Date;
}

export type StateRefusal = "malformed" | "bad_signature" | "expired";

export function createStateSigner(key: Buffer, clock: () => Date) {
  const mac = (body: string) => createHmac("sha256", key).update(`cal-connect-state.v1.${body}`).digest("base64url");
  return {
    sign(state: SignedState): string {
      const body = Buffer.from(
        JSON.stringify({ a: state.attemptId, e: Math.floor(state.expiresAt.getTime() / 1000) }),
      ).toString("base64url");
      return `${body}.${mac(body)}`;
    },

    verify(value: unknown): { ok: true; state: SignedState } | { ok: false; refusal: StateRefusal } {
      if (typeof value !== "string" || value.length > 512) return { ok: false, refusal: "malformed" };
      const [body, signature, extra] = value.split(".");
      if (!body || !signature || extra !== undefined) return { ok: false, refusal: "malformed" };
      if (!sameText(signature, mac(body))) return { ok: false, refusal: "bad_signature" };
      let parsed: { a?: unknown; e?: unknown };
      try {
        parsed = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
      } catch {
        return { ok: false, refusal: "malformed" };
      }
      if (typeof parsed.a !== "string" || typeof parsed.e !== "number") return { ok: false, refusal: "malformed" };
      const expiresAt = new Date(parsed.e * 1000);
      if (expiresAt.getTime() <= clock().getTime()) return { ok: false, refusal: "expired" };
      return { ok: true, state: { attemptId: parsed.a, expiresAt } };
    },
  };
}

export type StateSigner = ReturnType<typeof createStateSigner>;

export function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** A random value for the browser's cookie; only its hash is stored with the attempt. */
export function newBrowserBinding(): string {
  return randomBytes(32).toString("base64url");
}

export function hashBrowserBinding(binding: string): string {
  return createHash("sha256").update(binding).digest("hex");
}

export function newPkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

/**
 * The state key: CONNECT_STATE_KEY (base64, ≥ 32 bytes) when configured (required in production, and
 * the same on every api replica), otherwise a random key for this process (development).
 */
export function resolveStateKey(configured: string | undefined): Buffer {
  if (!configured) return randomBytes(32);
  const key = Buffer.from(configured, "base64");
  if (key.length < 32) throw new Error("CONNECT_STATE_KEY must be at least 32 bytes, base64-encoded");
  return key;
}
