// The OpenAPI 3.1 document of the api, built from the same zod schemas that validate the requests
// (JSON Schema 2020-12, which OpenAPI 3.1 uses). Served at GET /openapi.json; a test checks that it
// lists exactly the routes the app serves, and the fuzzers drive the api from it.
import { z } from "zod";
import {
  apiKeyParamsSchema,
  bookingParamsSchema,
  bookingSearchSchema,
  newApiKeySchema,
} from "../admin/admin.router.js";
import { codecBodySchema } from "../codec/codec.router.js";
import { replayRequestSchema } from "../replay/replay.router.js";
import { managedUserTokenRequestSchema } from "../tokens/tokens.router.js";
import { connectionParamsSchema, newConnectLinkSchema } from "../connections/connections.router.js";
import { connectLinkParamsSchema, hostTokenParamsSchema, oauthAnswerSchema } from "../connections/connect.router.js";
import { hostParamsSchema } from "../hosts/hosts.router.js";
import { connectionWebhookParamsSchema } from "../webhooks/connection-webhook.router.js";
import { calBookingPayloadSchema, calWebhookEnvelopeSchema } from "../webhooks/cal-webhook.schema.js";
import {
  acceptedDeliverySchema,
  anyObjectSchema,
  codecResponseSchema,
  connectLinkSchema,
  connectionListSchema,
  connectionSchema,
  createdApiKeySchema,
  disconnectResultSchema,
  errorResponseSchema,
  healthSchema,
  hostSchema,
  publicHostListSchema,
  managedUserTokenSchema,
  refreshedTokenSchema,
  replayResultSchema,
  sessionSchema,
} from "./response-schemas.js";
import { buildStaffSensitivePaths } from "./staff-sensitive-paths.js";
import { staffPaths, staffSecurityScheme } from "./staff-paths.js";
import { questionnairePaths } from "./questionnaire-paths.js";
import { privateBookingPaths } from "./private-booking-paths.js";

type Schema = z.ZodType;

const jsonSchema = (schema: Schema) =>
  z.toJSONSchema(schema, { target: "draft-2020-12", unrepresentable: "any", io: "input" });
/**
 * The zod schema behind a JSON content entry, kept beside its JSON Schema under a symbol key (which
 * JSON.stringify leaves out of the served document) so tests check answers against it (response-contract.ts).
 */
export const ZOD_SCHEMA = Symbol("zod schema");
const json = (schema: Schema) => ({ "application/json": { schema: jsonSchema(schema), [ZOD_SCHEMA]: schema } });
const error = (description: string) => ({ description, content: json(errorResponseSchema) });
const ok = (description: string, schema: Schema) => ({ description, content: json(schema) });

/** The parameters of one request part, from the schema that validates it (validate-request.ts). */
const parametersOf = (location: "path" | "query", schema: z.ZodObject) =>
  Object.entries(schema.shape).map(([name, field]) => ({
    name,
    in: location,
    required: location === "path" || !(field as Schema).safeParse(undefined).success,
    ...((field as Schema).description ? { description: (field as Schema).description } : {}),
    schema: jsonSchema(field as Schema),
  }));

const webhookOperation = (summary: string) => ({
  summary,
  tags: ["webhooks"],
  parameters: [
    {
      name: "X-Cal-Signature-256",
      in: "header",
      required: true,
      description: "Lower-case hex HMAC-SHA256 of the exact body, keyed by the webhook secret",
      schema: { type: "string", pattern: "^[0-9a-fA-F]{64}$" },
    },
  ],
  requestBody: {
    required: true,
    description:
      "A Cal.com delivery. Booking triggers carry a booking payload (see components.schemas.CalBookingPayload); other triggers are acknowledged and audited as sent. A body without Cal.com's envelope (what a payloadTemplate renders: other JSON, or text sent as form-encoded) is acknowledged too and audited as unsupported_template with the body sealed, because Cal.com never retries a refusal.",
    content: {
      "application/json": {
        schema: {
          anyOf: [
            jsonSchema(calWebhookEnvelopeSchema),
            { description: "Any other JSON value (a rendered payloadTemplate): 202, audited as unsupported_template" },
          ],
        },
      },
      "application/x-www-form-urlencoded": {
        schema: {
          type: "string",
          description: "A rendered text payloadTemplate: 202, audited as unsupported_template",
        },
      },
    },
  },
  responses: {
    "202": ok("Recorded durably; processing follows", acceptedDeliverySchema),
    "400": error("Not JSON, or a required field is missing or wrong (the message names it)"),
    "401": error("Missing or invalid signature"),
    "413": error("Body over the size limit"),
    "415": error("Not application/json, another charset, or compressed"),
    "429": error("Too many requests (Retry-After says when to retry)"),
    "503": error("Neither the inbox nor Temporal could record it; retry later (Retry-After)"),
  },
});

/**
 * What express.json answers before the handler runs, on every JSON body (schemathesis found 413 on
 * the token endpoint undocumented): over the route's limit, or a charset other than UTF-8.
 */
const jsonBodyErrors = { "413": error("Body over the size limit"), "415": error("Not JSON in UTF-8") };

const operatorSecurity = [{ apiKey: [] }];
const htmlPage = (description: string) => ({ description, content: { "text/html": { schema: { type: "string" } } } });
const webServerSecurity = [{ webServerToken: [] }];

export function buildOpenApiDocument(): Record<string, unknown> {
  return withOversizedRequestAnswers({
    openapi: "3.1.0",
    info: {
      title: "ChurchHub Booking api",
      version: "1.0.0",
      description:
        "Receives Cal.com webhooks, serves managed-user tokens to our web server, connects hosts’ own Cal.com accounts (OAuth 2.0), and gives operators codec, replay and metrics.",
      license: { name: "AGPL-3.0-or-later", identifier: "AGPL-3.0-or-later" },
    },
    components: {
      securitySchemes: {
        apiKey: { type: "http", scheme: "bearer", description: "An API key (chk_…) with the admin or operator role" },
        webServerToken: {
          type: "http",
          scheme: "bearer",
          description: "The WEB_SERVER_TOKEN our own web server presents",
        },
        calAccessToken: {
          type: "http",
          scheme: "bearer",
          description: "A Cal.com access token Cal.com refused as expired",
        },
        ...staffSecurityScheme,
      },
      schemas: { CalBookingPayload: jsonSchema(calBookingPayloadSchema), Error: jsonSchema(errorResponseSchema) },
    },
    paths: {
      "/webhooks/cal": { post: webhookOperation("Receive a Cal.com webhook delivery") },
      "/webhooks/cal/booking.created": { post: webhookOperation("Receive a Cal.com webhook delivery (seed route)") },
      "/webhooks/cal/booking.updated": { post: webhookOperation("Receive a Cal.com webhook delivery (seed route)") },
      "/webhooks/cal/connections/{connectionId}": {
        post: {
          ...webhookOperation(
            "Receive a delivery from a connected host's own Cal.com account (signed with that connection's secret)",
          ),
          parameters: [...webhookOperation("").parameters, ...parametersOf("path", connectionWebhookParamsSchema)],
          responses: {
            ...webhookOperation("").responses,
            "404": error("No such connection"),
            "410": error("The connection has been disconnected"),
          },
        },
      },
      "/health": {
        get: {
          summary: "The api and its dependencies",
          tags: ["health"],
          responses: { "200": ok("All up", healthSchema), "503": ok("A dependency is down", healthSchema) },
        },
      },
      "/ready": {
        get: {
          summary: "Ready for traffic",
          tags: ["health"],
          responses: { "200": ok("Ready", healthSchema), "503": ok("Not ready", healthSchema) },
        },
      },
      "/openapi.json": {
        get: { summary: "This document", tags: ["health"], responses: { "200": ok("OpenAPI 3.1", anyObjectSchema) } },
      },
      "/metrics": {
        get: {
          summary: "Prometheus metrics",
          tags: ["operations"],
          security: operatorSecurity,
          responses: {
            "200": { description: "Prometheus text format", content: { "text/plain": { schema: { type: "string" } } } },
            "401": error("No valid API key"),
          },
        },
      },
      "/tokens/cal/managed-user": {
        post: {
          summary: "A managed user's Cal.com access token (our web server only)",
          tags: ["tokens"],
          security: webServerSecurity,
          requestBody: { required: true, content: json(managedUserTokenRequestSchema) },
          responses: {
            "200": ok("A token valid for at least five more minutes", managedUserTokenSchema),
            "400": error("Bad input (the message names the field)"),
            ...jsonBodyErrors,
            "401": error("Not our web server"),
            "404": error("No managed user with that username"),
            "415": error("Not application/json"),
            "429": error("Too many requests"),
            "502": error("Cal.com refused the request"),
            "503": error("Cal.com is unavailable"),
          },
        },
      },
      "/tokens/cal/refresh": {
        get: {
          summary: "Cal Atoms' refreshUrl: a new token for one Cal.com refused",
          tags: ["tokens"],
          security: [{ calAccessToken: [] }],
          responses: {
            "200": ok("The new token", refreshedTokenSchema),
            "401": error("Not a token of ours"),
            "429": error("Too many requests"),
            "503": error("Cal.com is unavailable"),
          },
        },
      },
      "/hosts/{username}": {
        get: {
          summary:
            "A bookable host and their public event types, by short public name (current or earlier) or Cal.com username (our web server only)",
          tags: ["hosts"],
          security: webServerSecurity,
          parameters: [...parametersOf("path", hostParamsSchema)],
          responses: {
            "200": ok("The host", hostSchema),
            "400": error("Not a username"),
            "401": error("Not our web server"),
            "404": error("No such host here"),
            "502": error("Cal.com refused"),
            "503": error("Cal.com is unavailable"),
          },
        },
      },
      "/public/hosts": {
        get: {
          summary: "Who can be booked here: display names, short public names and booking page paths (no emails)",
          tags: ["hosts"],
          security: [],
          responses: {
            "200": ok("By name", publicHostListSchema),
            "429": error("Too many requests"),
            "502": error("Cal.com refused"),
            "503": error("Cal.com is unavailable"),
          },
        },
      },
      ...Object.fromEntries(
        (["decode", "encode"] as const).map((operation) => [
          `/codec/${operation}`,
          {
            post: {
              summary: `Temporal codec server: ${operation} payloads (${operation === "decode" ? "admin" : "operator or admin"})`,
              tags: ["operations"],
              security: operatorSecurity,
              requestBody: { required: true, content: json(codecBodySchema) },
              responses: {
                "200": ok("The payloads", codecResponseSchema),
                "400": error("Malformed payloads"),
                "401": error("No valid API key"),
                "403": error("Wrong role"),
                ...jsonBodyErrors,
              },
            },
          },
        ]),
      ),
      "/auth/session": {
        get: {
          summary: "Sign-in form for the Temporal UI codec",
          tags: ["operations"],
          responses: { "200": { description: "HTML form", content: { "text/html": { schema: { type: "string" } } } } },
        },
        post: {
          summary: "Start a codec session (cookie) with an API key",
          tags: ["operations"],
          security: operatorSecurity,
          requestBody: {
            required: false,
            content: {
              "application/x-www-form-urlencoded": {
                schema: { type: "object", properties: { key: { type: "string" } } },
              },
            },
          },
          // A key sent from the sign-in form gets a page back; a key sent as Bearer gets JSON (schemathesis: ST105).
          responses: {
            "200": {
              description: "Signed in",
              content: { ...json(sessionSchema), "text/html": { schema: { type: "string" } } },
            },
            // What express.urlencoded answers before the handler (the fuzzer's answers, held to this document).
            "400": error("A form body that could not be read (e.g. a corrupt compressed body)"),
            "401": error("No valid API key"),
            "413": error("Form over the size limit"),
            "415": error("A form in another charset than UTF-8, or an unsupported Content-Encoding"),
            "429": error("Too many requests"),
          },
        },
        delete: {
          summary: "End the codec session",
          tags: ["operations"],
          responses: { "204": { description: "Signed out" } },
        },
      },
      "/operations/replay": {
        post: {
          summary: "Re-drive the processing of one audited event or a time range (operator)",
          tags: ["operations"],
          security: operatorSecurity,
          requestBody: { required: true, content: json(replayRequestSchema) },
          responses: {
            "202": ok("Workflows started", replayResultSchema),
            "400": error("Bad request"),
            "401": error("No valid API key"),
            "403": error("Wrong role"),
            "404": error("No such event"),
            ...jsonBodyErrors,
          },
        },
      },
      "/admin/bookings/{uid}": {
        get: {
          summary: "A booking read back decrypted, with its audit trail (admin)",
          tags: ["admin"],
          security: operatorSecurity,
          parameters: parametersOf("path", bookingParamsSchema),
          responses: {
            "200": ok("The booking", anyObjectSchema),
            "400": error("Not a booking uid"),
            "401": error("No valid API key"),
            "403": error("Not an admin"),
            "404": error("No such booking"),
          },
        },
      },
      "/admin/bookings": {
        get: {
          summary: "Bookings of an attendee, found through the blind index (admin)",
          tags: ["admin"],
          security: operatorSecurity,
          parameters: parametersOf("query", bookingSearchSchema),
          responses: {
            "200": ok("The bookings", anyObjectSchema),
            "400": error("Not an email"),
            "401": error("No valid API key"),
            "403": error("Not an admin"),
          },
        },
      },
      "/admin/api-keys": {
        get: {
          summary: "API keys (admin)",
          tags: ["admin"],
          security: operatorSecurity,
          responses: {
            "200": ok("The keys, without secrets", anyObjectSchema),
            "401": error("No valid API key"),
            "403": error("Not an admin"),
          },
        },
        post: {
          summary: "Create an API key (admin)",
          tags: ["admin"],
          security: operatorSecurity,
          requestBody: { required: true, content: json(newApiKeySchema) },
          responses: {
            "201": ok("The key, shown once", createdApiKeySchema),
            "400": error("Bad request"),
            "401": error("No valid API key"),
            "403": error("Not an admin"),
            ...jsonBodyErrors,
          },
        },
      },
      "/connections/cal/links": {
        post: {
          summary: "Create a one-time link a host opens to connect their Cal.com account (operator)",
          tags: ["connections"],
          security: operatorSecurity,
          requestBody: { required: false, content: json(newConnectLinkSchema) },
          responses: {
            "201": ok("The link, shown once", connectLinkSchema),
            "400": error("Bad request"),
            "401": error("No valid API key"),
            "403": error("Wrong role"),
            ...jsonBodyErrors,
          },
        },
      },
      "/connections/cal": {
        get: {
          summary: 'Connected Cal.com accounts and their state, "needs reconnect" included (operator)',
          tags: ["connections"],
          security: operatorSecurity,
          responses: {
            "200": ok("The connections", connectionListSchema),
            "401": error("No valid API key"),
            "403": error("Wrong role"),
          },
        },
      },
      "/connections/cal/{id}": {
        get: {
          summary: "One connected Cal.com account (operator)",
          tags: ["connections"],
          security: operatorSecurity,
          parameters: parametersOf("path", connectionParamsSchema),
          responses: {
            "200": ok("The connection", connectionSchema),
            "400": error("Not a UUID"),
            "401": error("No valid API key"),
            "403": error("Wrong role"),
            "404": error("No such connection"),
          },
        },
      },
      "/connections/cal/{id}/disconnect": {
        post: {
          summary:
            "Disconnect: delete our webhook on the account, forget the tokens; bookings and audit history stay (operator)",
          tags: ["connections"],
          security: operatorSecurity,
          parameters: parametersOf("path", connectionParamsSchema),
          responses: {
            "200": ok("Disconnected", disconnectResultSchema),
            "400": error("Not a UUID"),
            "401": error("No valid API key"),
            "403": error("Wrong role"),
            "404": error("No such connection"),
            "503": error("Not finished in time; it continues (Retry-After)"),
          },
        },
      },
      "/connect/cal/{token}": {
        get: {
          summary: "A host opens their connect link: sent on to Cal.com's consent page",
          tags: ["connections"],
          parameters: parametersOf("path", connectLinkParamsSchema),
          responses: {
            "302": {
              description: "To Cal.com's authorization page (state signed, PKCE S256); sets the browser-binding cookie",
            },
            "404": htmlPage("The link expired, was used, or never existed"),
            "429": error("Too many requests"),
          },
        },
      },
      "/connect/cal/manage/{token}": {
        get: {
          summary: "The host's private page for their connection (link shown once, after connecting)",
          tags: ["connections"],
          parameters: parametersOf("path", hostTokenParamsSchema),
          responses: {
            "200": htmlPage("The connection, with a Disconnect button"),
            "404": htmlPage("Unknown link, or already disconnected"),
            "429": error("Too many requests"),
          },
        },
        post: {
          summary: "The host disconnects their own Cal.com account",
          tags: ["connections"],
          parameters: parametersOf("path", hostTokenParamsSchema),
          responses: {
            "200": htmlPage("Disconnected: our webhook deleted at Cal.com, tokens forgotten, bookings kept"),
            "404": htmlPage("Unknown link, or already disconnected"),
            "429": error("Too many requests"),
            "503": htmlPage("Not finished in time; try again"),
          },
        },
      },
      "/oauth/cal/callback": {
        get: {
          summary: "Cal.com sends the host back here after the consent page",
          tags: ["connections"],
          parameters: parametersOf("query", oauthAnswerSchema),
          responses: {
            "200": htmlPage("Connected; links to the host’s booking page"),
            "400": htmlPage("Refused: state tampered, replayed, expired or from another browser; access denied"),
            "429": error("Too many requests"),
            "502": htmlPage("Cal.com refused the code or our webhook"),
            "503": htmlPage("Cal.com or Temporal unavailable"),
          },
        },
      },
      "/admin/api-keys/{id}": {
        delete: {
          summary: "Revoke an API key (admin)",
          tags: ["admin"],
          security: operatorSecurity,
          parameters: parametersOf("path", apiKeyParamsSchema),
          responses: {
            "204": { description: "Revoked" },
            "400": error("Not a UUID"),
            "401": error("No valid API key"),
            "403": error("Not an admin"),
            "404": error("No such active key"),
          },
        },
      },
      ...staffPaths,
      ...questionnairePaths({ json, parametersOf }),
      ...privateBookingPaths({ json, ok, error, parametersOf }),
      ...buildStaffSensitivePaths({ json, ok, error, parametersOf }),
    },
  });
}

/**
 * Node's HTTP server itself answers 431, with no body, to a request whose line and headers exceed its
 * 16 KB limit (a long query string, say), before any route sees it: every operation can answer it.
 */
function withOversizedRequestAnswers<T extends { paths: Record<string, Record<string, unknown>> }>(document: T): T {
  for (const operations of Object.values(document.paths))
    for (const operation of Object.values(operations) as Array<{ responses?: Record<string, unknown> }>)
      if (operation.responses)
        operation.responses["431"] ??= { description: "Request line and headers over the server's 16 KB limit" };
  return document;
}
