// Reads one cookie from the request (Cal.com keeps the slot-reservation uid in a `uid` cookie).
import type { Request } from "express";

export function readCookie(request: Request, name: string): string | undefined {
  for (const pair of (request.get("Cookie") ?? "").split(";")) {
    const [key, ...rest] = pair.trim().split("=");
    if (key === name) return decodeURIComponent(rest.join("="));
  }
  return undefined;
}
