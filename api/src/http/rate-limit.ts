// Rate limits for the public endpoints (per client IP, one-minute windows): 429 with Retry-After and
// a message, never a silent drop. Limits are settings, because a church federation behind one
// Cal.com IP range needs more webhook headroom than a single church.
import type { RequestHandler } from "express";
import { rateLimit } from "express-rate-limit";

export function createRateLimit(perMinute: number): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
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
