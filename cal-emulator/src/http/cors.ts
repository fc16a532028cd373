// Cal.com API v2's CORS policy (apps/api/v2/src/app.ts `enableCors`): any origin, these methods and
// headers, preflight cached for a day. The Booker atom calls the API straight from the browser.
import type { RequestHandler } from "express";

export const CORS_ALLOWED_HEADERS = [
  "x-cal-client-id",
  "x-cal-secret-key",
  "x-cal-platform-embed",
  "cal-api-version",
  "Accept",
  "Authorization",
  "Content-Type",
  "Origin",
] as const;

export const CORS_ALLOWED_METHODS = ["GET", "PATCH", "DELETE", "HEAD", "POST", "PUT", "OPTIONS"] as const;

export function cors(): RequestHandler {
  return (request, response, next) => {
    response.setHeader("Access-Control-Allow-Origin", "*");
    if (request.method !== "OPTIONS") return next();
    // The `cors` package Nest uses answers a preflight itself with 204 and an empty body.
    response.setHeader("Access-Control-Allow-Methods", CORS_ALLOWED_METHODS.join(","));
    response.setHeader("Access-Control-Allow-Headers", CORS_ALLOWED_HEADERS.join(","));
    response.setHeader("Access-Control-Max-Age", "86400");
    response.setHeader("Content-Length", "0");
    response.status(204).end();
  };
}
