// Rate limits for the public endpoints (per client IP, one-minute windows): 429 with Retry-After and
// a message, never a silent drop. Limits are settings, because a church federation behind one
// Cal.com IP range needs more webhook headroom than a single church.
import type { Request, RequestHandler } from "express";
import { rateLimit } from "express-rate-limit";

/**
 * `keyOf` counts by something other than the client IP: the questionnaire endpoints are called by our web
 * server (one IP for every visitor), so they count per booking or answer link instead.
 */
export function createRateLimit(perMinute: number, keyOf?: (request: Request) => string): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    // Our own key: express-rate-limit's checks of how it would derive an address (X-Forwarded-For without
    // "trust proxy") do not apply, and only filled the logs with warnings.
    ...(keyOf ? { keyGenerator: keyOf, validate: { keyGeneratorIpFallback: false, xForwardedForHeader: false } } : {}),
    standardHeaders: "draft-7",
    legacyHeaders: false,
    handler: (request, response) => {
      const resetTime = (request as { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
      const seconds = Math.max(1, Math.ceil(((resetTime?.getTime() ?? Date.now() + 60_000) - Date.now()) / 1000));
      response
        .set("Retry-After", String(seconds))
        .status(429)
        .json({ error: { code: "rate_limited", message: `Too many requests; retry after ${seconds} seconds` } });
    },
  });
}
