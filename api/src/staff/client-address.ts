// The address a staff request came from, for the access log and (handed to Better Auth) the sign-in rate
// limit. The browser reaches the api through our web server, which names the client in X-Forwarded-For;
// that header is believed only when the direct peer is one of the configured proxies (anyone else could
// write anything in it).
import type { Request, RequestHandler } from "express";

const normalize = (address: string) => address.replace(/^::ffff:/, "");

export function clientAddress(request: Request, trustedProxies: readonly string[]): string | null {
  const peer = request.socket.remoteAddress ? normalize(request.socket.remoteAddress) : null;
  if (!peer || !trustedProxies.includes(peer)) return peer;
  const forwarded = (request.get("x-forwarded-for") ?? "")
    .split(",")
    .map((hop) => normalize(hop.trim()))
    .filter(Boolean);
  // Right to left: the first hop not added by one of our proxies is the client.
  for (let index = forwarded.length - 1; index >= 0; index -= 1) {
    const hop = forwarded[index]!;
    if (!trustedProxies.includes(hop)) return hop;
  }
  return forwarded[0] ?? peer;
}

/**
 * Hands Better Auth (sign-in rate limit, session address) the client address resolved here: it reads
 * X-Forwarded-For without seeing who sent it, so anyone reaching the api directly (its port is public for
 * Cal.com's webhooks) could otherwise name any address and get a fresh sign-in allowance with each.
 */
export function resolvedClientAddressHeader(trustedProxies: readonly string[]): RequestHandler {
  return (request, _response, next) => {
    const address = clientAddress(request, trustedProxies);
    if (address) request.headers["x-forwarded-for"] = address;
    else delete request.headers["x-forwarded-for"];
    next();
  };
}
