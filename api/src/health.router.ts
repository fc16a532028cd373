// GET /health and GET /ready: the api is up; are its dependencies? 503 when one is down, so a load
// balancer or `docker compose` health check can act on it.
import { Router } from "express";

export type HealthCheck = () => Promise<void>;

const CHECK_TIMEOUT_MS = 2_000;

async function probe(check: HealthCheck): Promise<"up" | "down"> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("timeout")), CHECK_TIMEOUT_MS);
  });
  try {
    await Promise.race([check(), timeout]);
    return "up";
  } catch {
    return "down";
  } finally {
    clearTimeout(timer);
  }
}

export function createHealthRouter(checks: Record<string, HealthCheck>): Router {
  const router = Router();
  // /health reports each dependency (503 when one is down); /ready is the same question asked by a
  // load balancer or orchestrator before sending traffic.
  router.get(["/health", "/ready"], async (_request, response) => {
    const names = Object.keys(checks);
    const results = await Promise.all(names.map((name) => probe(checks[name]!)));
    const dependencies = Object.fromEntries(names.map((name, index) => [name, results[index]]));
    const healthy = results.every((result) => result === "up");
    response.status(healthy ? 200 : 503).json({ status: healthy ? "ok" : "degraded", api: "up", ...dependencies });
  });
  return router;
}
