// The OpenAPI document and the app agree: every route the app serves is documented, every documented
// path is served, the document is what GET /openapi.json returns, and every documented operation's
// answers keep their documented statuses and response schemas (the pipeline checks every answer).
import type { Express } from "express";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildOpenApiDocument } from "@churchhub/api";
import { randomUUID } from "node:crypto";
import { deliveries, newBookingFixture } from "@churchhub/test-support/cal-deliveries";
import { connectAccount } from "@churchhub/test-support/connect-flow";
import { readJson, startPipeline, type Pipeline } from "@churchhub/test-support/pipeline";

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
  // The request schemas are the validating ones: the webhook envelope (the first form a body may take)
  // requires triggerEvent.
  expect(
    document.paths["/webhooks/cal"].post.requestBody.content["application/json"].schema.anyOf[0].required,
  ).toContain("triggerEvent");
});

it("answers every documented operation within its documented statuses and response schemas", async () => {
  const admin = (await pipeline.apiKeys.create({ name: "contract admin", role: "admin" })).key;
  const asAdmin = { authorization: `Bearer ${admin}` };
  const asWebServer = { authorization: `Bearer ${pipeline.webServerToken}` };
  const jsonBody = (body: unknown, headers: Record<string, string> = asAdmin) => ({
    method: "POST",
    headers: { ...headers, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const call = (path: string, init: RequestInit = {}) =>
    fetch(`${pipeline.baseUrl}${path}`, { redirect: "manual", ...init });
  const statusOf = async (path: string, init: RequestInit = {}) => {
    const response = await call(path, init);
    await response.arrayBuffer();
    return response.status;
  };

  // Deliveries, processed, so the replay and admin reads have something to answer with.
  const fixture = newBookingFixture();
  const body = deliveries.created(fixture, "2026-11-20T09:00:00.000Z");
  const accepted = await pipeline.send(body);
  expect(accepted.status).toBe(202);
  await pipeline.processed(accepted, body);
  const { deliveryId } = await readJson(accepted.clone());
  for (const path of ["/webhooks/cal/booking.created", "/webhooks/cal/booking.updated"])
    expect((await pipeline.send(body, { path })).status).toBe(202);
  expect((await pipeline.send(body, { path: `/webhooks/cal/connections/${randomUUID()}` })).status).toBe(404);

  expect(await statusOf("/health")).toBe(200);
  expect(await statusOf("/ready")).toBe(200);
  expect(await statusOf("/metrics", { headers: asAdmin })).toBe(200);

  const username = pipeline.cal!.emulator.fixtures.managedUsers[0]!.username;
  expect(await statusOf("/tokens/cal/managed-user", jsonBody({ username }, asWebServer))).toBe(200);
  expect(await statusOf("/tokens/cal/refresh")).toBe(401);
  expect(await statusOf(`/hosts/${username}`, { headers: asWebServer })).toBe(200);
  expect(await statusOf("/public/hosts")).toBe(200);

  const encoded = await readJson(
    await call("/codec/encode", jsonBody({ payloads: [{ metadata: { encoding: "anNvbi9wbGFpbg==" }, data: "e30=" }] })),
  );
  expect(await statusOf("/codec/decode", jsonBody(encoded))).toBe(200);

  expect(await statusOf("/auth/session")).toBe(200);
  expect(await statusOf("/auth/session", { method: "POST", headers: asAdmin })).toBe(200);
  expect(await statusOf("/auth/session", { method: "DELETE" })).toBe(204);

  expect(await statusOf("/operations/replay", jsonBody({ deliveryId }))).toBe(202);
  expect(await statusOf(`/admin/bookings/${fixture.uid}`, { headers: asAdmin })).toBe(200);
  expect(await statusOf("/admin/bookings?attendeeEmail=nobody%40example.org", { headers: asAdmin })).toBe(200);
  expect(await statusOf("/admin/api-keys", { headers: asAdmin })).toBe(200);
  const created = await readJson(await call("/admin/api-keys", jsonBody({ name: "short-lived", role: "operator" })));
  expect(await statusOf(`/admin/api-keys/${created.id}`, { method: "DELETE", headers: asAdmin })).toBe(204);

  // A connected account: links, the list, one connection, its disconnect; then the host's pages.
  expect((await connectAccount(pipeline, admin, pipeline.cal!.emulator.fixtures.ordinaryAccounts[0]!.id)).status).toBe(
    200,
  );
  expect(await statusOf("/connections/cal/links", jsonBody({}))).toBe(201);
  const { connections } = await readJson(await call("/connections/cal", { headers: asAdmin }));
  expect(await statusOf(`/connections/cal/${connections[0].id}`, { headers: asAdmin })).toBe(200);
  expect(await statusOf(`/connections/cal/${connections[0].id}/disconnect`, { method: "POST", headers: asAdmin })).toBe(
    200,
  );
  const unknownToken = "A".repeat(43);
  expect(await statusOf(`/connect/cal/${unknownToken}`)).toBe(404);
  expect(await statusOf(`/connect/cal/manage/${unknownToken}`)).toBe(404);
  expect(await statusOf(`/connect/cal/manage/${unknownToken}`, { method: "POST" })).toBe(404);
  expect(await statusOf("/oauth/cal/callback?code=x&state=y")).toBe(400);

  // The staff area without a session (staff-admin.test.ts and staff-area.test.ts sign people in): every
  // documented staff operation answers a documented 401.
  const staffDocument = buildOpenApiDocument() as { paths: Record<string, Record<string, unknown>> };
  for (const [template, operations] of Object.entries(staffDocument.paths).filter(([path]) =>
    path.startsWith("/staff/"),
  ))
    for (const method of Object.keys(operations)) {
      const path = template.replace(/\{\w+\}/g, randomUUID());
      expect(await statusOf(path, { method: method.toUpperCase() }), `${method} ${template}`).toBe(401);
    }

  // Questionnaires (questionnaires.test.ts covers what they do): the web server's side with nothing
  // attached or issued, and the staff side without a session.
  const uid = "7Yq3cYbT6P2xQ9hVwRk1aB";
  const submission = { bookingUid: uid, eventTypeId: 999_999, versionId: randomUUID(), answers: {} };
  expect(await statusOf("/questionnaires/event-types/999999", { headers: asWebServer })).toBe(404);
  expect(await statusOf("/questionnaires/responses", jsonBody(submission, asWebServer))).toBe(404);
  expect(
    await statusOf(
      "/questionnaires/answer-later-links",
      jsonBody({ bookingUid: uid, eventTypeId: 999_999 }, asWebServer),
    ),
  ).toBe(404);
  expect(await statusOf(`/questionnaires/answer-later/${unknownToken}`, { headers: asWebServer })).toBe(404);
  expect(
    await statusOf(
      `/questionnaires/answer-later/${unknownToken}`,
      jsonBody({ versionId: randomUUID(), answers: {} }, asWebServer),
    ),
  ).toBe(404);
  // Private booking (private-booking.test.ts covers what it does): no sensitive event type, no link.
  expect(await statusOf("/private-bookings/event-types/999999", { headers: asWebServer })).toBe(404);
  expect(await statusOf("/private-bookings", jsonBody({ eventTypeId: 999_999 }, asWebServer))).toBe(404);
  expect(await statusOf(`/private-bookings/${unknownToken}`, { headers: asWebServer })).toBe(404);
  expect(await statusOf(`/private-bookings/${unknownToken}/cancel`, { method: "POST", headers: asWebServer })).toBe(
    404,
  );
  const questionnaire = `/staff/questionnaires/${randomUUID()}`;
  for (const [method, path] of [
    ["GET", "/staff/questionnaires"],
    ["POST", "/staff/questionnaires"],
    ["GET", questionnaire],
    ["PUT", `${questionnaire}/draft`],
    ["GET", `${questionnaire}/versions`],
    ["POST", `${questionnaire}/versions`],
    ["GET", `${questionnaire}/event-types`],
    ["PUT", `${questionnaire}/attachments/9003`],
    ["DELETE", `${questionnaire}/attachments/9003`],
    ["GET", `/staff/bookings/${fixture.uid}/questionnaire-responses`],
  ] as const) {
    expect(await statusOf(path, { method }), `${method} ${path}`).toBe(401);
  }

  expect(pipeline.contractViolations).toEqual([]);
  const document = buildOpenApiDocument() as { paths: Record<string, Record<string, unknown>> };
  const documented = Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
  );
  expect(documented.filter((operation) => !pipeline.checkedOperations.has(operation))).toEqual([]);
});
