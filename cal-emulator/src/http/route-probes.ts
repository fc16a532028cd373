// Test hooks at the route level: count calls per route and make the next N calls to a route fail
// with a 5xx, so retry logic can be tested and "no upstream call was made" can be asserted.
import type { NextFunction, Request, RequestHandler, Response, Router } from "express";
import { injectedFault } from "./api-error.js";

/** "METHOD /path/:param", exactly as the route is declared, e.g. "POST /v2/bookings/:bookingUid/cancel". */
export type RouteKey = string;

export interface RouteProbes {
  probe(key: RouteKey): RequestHandler;
  callCount(key: RouteKey): number;
  callCounts(): Record<RouteKey, number>;
  failNext(key: RouteKey, times: number, status?: number): void;
  knownRoutes(): RouteKey[];
  reset(): void;
}

export function createRouteProbes(): RouteProbes {
  const calls = new Map<RouteKey, number>();
  const faults = new Map<RouteKey, { remaining: number; status: number }>();
  const known = new Set<RouteKey>();

  return {
    probe(key) {
      known.add(key);
      return (_request, _response, next) => {
        calls.set(key, (calls.get(key) ?? 0) + 1);
        const fault = faults.get(key);
        if (fault && fault.remaining > 0) {
          fault.remaining -= 1;
          return next(injectedFault(fault.status));
        }
        next();
      };
    },
    callCount: (key) => calls.get(key) ?? 0,
    callCounts: () => Object.fromEntries(calls),
    failNext(key, times, status = 500) {
      if (!known.has(key)) throw new Error(`failNext: no route ${key}; known routes: ${[...known].join(", ")}`);
      if (status < 500 || status > 599) throw new Error(`failNext: status must be a 5xx, got ${status}`);
      faults.set(key, { remaining: times, status });
    },
    knownRoutes: () => [...known],
    reset() {
      calls.clear();
      faults.clear();
    },
  };
}

/** A route handler or middleware; a returned promise's rejection reaches the error handler (Express 5). */
type Handler = (request: Request, response: Response, next: NextFunction) => unknown;
type Method = "get" | "post" | "patch" | "delete";

/**
 * Declares a route with its probe in front, so every route is counted and can be faulted. `mountedAt` is
 * where the router is mounted: /v2 for the API, "" for pages Cal.com serves at its web origin.
 */
export function createRouteDeclarer(router: Router, probes: RouteProbes, mountedAt = "/v2") {
  return (method: Method, path: string, ...handlers: Handler[]) => {
    router[method](
      path,
      probes.probe(`${method.toUpperCase()} ${mountedAt}${path}`),
      ...(handlers as RequestHandler[]),
    );
  };
}
export type DeclareRoute = ReturnType<typeof createRouteDeclarer>;
