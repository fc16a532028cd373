// Guards a server-only endpoint with a bearer token compared in constant time (SHA-256 first, so
// tokens of different lengths take the same time). 401 with no detail when it does not match.
import { createHash, timingSafeEqual } from "node:crypto";
import type { RequestHandler } from "express";
import { unauthorized } from "./http-errors.js";

const digest = (value: string) => createHash("sha256").update(value).digest();

export function requireBearerToken(expectedTokens: () => readonly string[]): RequestHandler {
  return (request, _response, next) => {
    const header = request.get("authorization") ?? "";
    const presented = header.startsWith("Bearer ") ? header.slice("Bearer ".length).trim() : "";
    const presentedDigest = digest(presented);
    let valid = false;
    for (const token of expectedTokens()) {
      if (token && timingSafeEqual(digest(token), presentedDigest)) valid = true;
    }
    next(presented && valid ? undefined : unauthorized());
  };
}

export function bearerTokenOf(header: string | undefined): string | null {
  if (!header?.startsWith("Bearer ")) return null;
  const token = header.slice("Bearer ".length).trim();
  return token.length > 0 && token.length <= 4096 ? token : null;
}
