// The OpenAPI document and the app agree: every route the app serves is documented, every documented
// path is served, and the document is what GET /openapi.json returns.
import type { Express } from "express";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildOpenApiDocument } from "@churchhub/api";
import { readJson, startPipeline, type Pipeline } from "./support/pipeline.js";

let pipeline: Pipeline;
beforeAll(async () => {
  // Both modes and the staff area on, so every optional route is served.
  pipeline = await startPipeline({ calEmulator: { oauth2: true }, staff: true });
});
afterAll(async () => {
  await pipeline?.stop();
});

interface Layer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

/** "METHOD /path/{param}" for every route of an Express 5 app, nested routers included. */
function servedRoutes(app: Express): string[] {
  const routes: string[] = [];
  const walk = (stack: Layer[]) => {
    for (const layer of stack) {
      if (layer.route) {
        const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
        for (const path of paths) {
          for (const method of Object.keys(layer.route.methods)) {
            if (method === "options" || method === "_all") continue;
            routes.push(`${method.toUpperCase()} ${path.replace(/:([A-Za-z]+)/g, "{$1}")}`);
          }
        }
      } else if (layer.handle?.stack) {
        walk(layer.handle.stack);
      }
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack);
  return [...new Set(routes)].sort();
}

it("documents exactly the routes the app serves", () => {
  const document = buildOpenApiDocument() as { paths: Record<string, Record<string, unknown>> };
  const documented = Object.entries(document.paths)
    .flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`))
    .sort();
  expect(servedRoutes(pipeline.app)).toEqual(documented);
});

it("serves the document at /openapi.json as OpenAPI 3.1", async () => {
  const response = await fetch(`${pipeline.baseUrl}/openapi.json`);
  expect(response.status).toBe(200);
  const document = await readJson(response);
  expect(document.openapi).toBe("3.1.0");
  expect(document).toEqual(JSON.parse(JSON.stringify(buildOpenApiDocument())));
  // The request schemas are the validating ones: the webhook envelope requires triggerEvent.
  expect(document.paths["/webhooks/cal"].post.requestBody.content["application/json"].schema.required).toContain(
    "triggerEvent",
  );
});
