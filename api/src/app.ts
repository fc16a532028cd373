// Builds the Express app from its dependencies without listening, so tests start it on any port.
import cors from "cors";
import express, { type Express } from "express";
import helmet from "helmet";
import type { PayloadCodec } from "@temporalio/common";
import type { ApiKeyStore, BookingReader, CalConnectionStore } from "@churchhub/database";
import type { Logger } from "@churchhub/logging";
import type { DeliveryRecorder } from "@churchhub/delivery-inbox";
import { createErrorHandler } from "./http/error-handler.js";
import { notFound } from "./http/http-errors.js";
import { createHealthRouter, type HealthCheck } from "./health.router.js";
import { createAdminRouter } from "./admin/admin.router.js";
import { createRoleGuard } from "./auth/require-role.js";
import { createSessionRouter } from "./auth/session.router.js";
import { createCodecRouter } from "./codec/codec.router.js";
import { createHostsRouter, type HostsRouterDependencies } from "./hosts/hosts.router.js";
import { createRateLimit } from "./http/rate-limit.js";
import { requestId } from "./http/request-id.js";
import type { ApiMetrics } from "./metrics/api-metrics.js";
import type { ReplayService } from "./replay/replay-service.js";
import { createReplayRouter } from "./replay/replay.router.js";
import { buildOpenApiDocument } from "./openapi/openapi-document.js";
import { requireBearerToken } from "./http/require-bearer-token.js";
import type { ManagedUserTokenService } from "./tokens/managed-user-token-service.js";
import { createTokensRouter } from "./tokens/tokens.router.js";
import { createCalWebhookRouter } from "./webhooks/cal-webhook.router.js";
import { createConnectionWebhookRouter } from "./webhooks/connection-webhook.router.js";
import { createConnectRouter } from "./connections/connect.router.js";
import { createConnectionsRouter } from "./connections/connections.router.js";
import type { ConnectionService } from "./connections/connection-service.js";
import type { StaffArea } from "./staff/staff-area.js";
import {
  createPublicQuestionnairesRouter,
  type PublicQuestionnaireDependencies,
} from "./questionnaires/public-questionnaires.router.js";
import {
  createPublicPrivateBookingsRouter,
  type PublicPrivateBookingDependencies,
} from "./private-bookings/public-private-bookings.router.js";

export interface AppDependencies {
  logger: Logger;
  clock: () => Date;
  webhookSecrets: () => readonly string[];
  maxWebhookBodyBytes: number;
  recorder: DeliveryRecorder;
  healthChecks: Record<string, HealthCheck>;
  /** The bearer tokens our own web server presents to the server-only endpoints. */
  webServerTokens: () => readonly string[];
  /** Managed-user mode (a Cal.com Platform OAuth client is configured): tokens. */
  managedUsers?: {
    tokenService: ManagedUserTokenService;
  };
  /** Hosts the booking page can show (managed users and/or connected accounts); absent: no /hosts. */
  hosts?: HostsRouterDependencies;
  /** OAuth 2.0 mode (a Cal.com OAuth 2.0 client is configured): connect links, callback, connection webhooks. */
  connections?: {
    service: ConnectionService;
    store: Pick<CalConnectionStore, "webhookVerification">;
    webPublicUrl: string;
  };
  /** API keys (hashed) for the admin and operator roles. */
  apiKeys: ApiKeyStore;
  /** Reads bookings back decrypted, for admins. */
  reader: BookingReader;
  /** The Temporal payload codec, served to the Temporal UI as a codec server. */
  codec: PayloadCodec;
  cors: { webOrigins: readonly string[]; temporalUiOrigins: readonly string[] };
  rateLimits: { webhooksPerMinute: number; tokensPerMinute: number; publicPerMinute: number };
  /** Mark cookies Secure (behind https). */
  secureCookies: boolean;
  metrics: ApiMetrics;
  replay: ReplayService;
  /** The staff area (sign-in and /staff endpoints); absent when STAFF_AUTH_SECRET is not set. */
  staff?: { router: ReturnType<StaffArea["createRouter"]>; close: StaffArea["close"] };
  /** Questionnaires for visitors, through our web server (the staff side is in the staff area). */
  questionnaires?: PublicQuestionnaireDependencies;
  /** Private booking of sensitive event types, through our web server. */
  privateBookings?: PublicPrivateBookingDependencies;
}

export function createApp(deps: AppDependencies): Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", false);
  app.use(requestId);
  // Cal.com's deliveries first, ahead of the layers only other routes need: they are the route under
  // load, and Helmet's headers instruct browsers, which never read a 202 sent to Cal.com's servers.
  // Helmet alone was ~5% of the api's busy CPU samples at 300 deliveries/s (api-ack-profile.ts in bench/).
  app.use("/webhooks", createRateLimit(deps.rateLimits.webhooksPerMinute));
  app.use(
    createCalWebhookRouter({
      secrets: deps.webhookSecrets,
      maxBodyBytes: deps.maxWebhookBodyBytes,
      recorder: deps.recorder,
      clock: deps.clock,
      logger: deps.logger,
      metrics: deps.metrics,
    }),
  );
  if (deps.connections) {
    app.use(
      createConnectionWebhookRouter({
        connections: deps.connections.store,
        maxBodyBytes: deps.maxWebhookBodyBytes,
        recorder: deps.recorder,
        clock: deps.clock,
        logger: deps.logger,
        metrics: deps.metrics,
      }),
    );
  }
  app.use(helmet());
  const requireRole = createRoleGuard(deps.apiKeys);
  const publicLimit = createRateLimit(deps.rateLimits.publicPerMinute);

  app.use(["/health", "/ready"], publicLimit);
  app.use(createHealthRouter(deps.healthChecks));
  const openApiDocument = buildOpenApiDocument();
  app.get("/openapi.json", publicLimit, (_request, response) => {
    response.json(openApiDocument);
  });
  // Prometheus scrapes with an operator key (bearer_token in its scrape config).
  app.get("/metrics", requireRole("operator", "admin"), async (_request, response) => {
    response.type(deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics());
  });
  app.use(createCodecRouter({ codec: deps.codec, requireRole, allowedOrigins: deps.cors.temporalUiOrigins }));
  app.use("/auth", publicLimit);
  app.use(createSessionRouter({ authenticator: deps.apiKeys, secureCookies: deps.secureCookies }));
  app.use(createAdminRouter({ reader: deps.reader, apiKeys: deps.apiKeys, requireRole }));
  app.use(createReplayRouter({ replay: deps.replay, requireRole }));
  if (deps.managedUsers) {
    const requireWebServer = requireBearerToken(deps.webServerTokens);
    app.use("/tokens", createRateLimit(deps.rateLimits.tokensPerMinute));
    // Cal Atoms call the refresh URL from the browser of our own web pages only.
    app.use(
      "/tokens/cal/refresh",
      cors({ origin: [...deps.cors.webOrigins], methods: ["GET"], allowedHeaders: ["authorization", "content-type"] }),
    );
    app.use(
      createTokensRouter({
        tokenService: deps.managedUsers.tokenService,
        requireWebServer,
        logger: deps.logger,
        metrics: deps.metrics,
      }),
    );
  }
  if (deps.hosts) {
    app.use("/hosts", requireBearerToken(deps.webServerTokens));
    // The list of hosts on the site's front page: public, so rate-limited like other public endpoints.
    app.use("/public", publicLimit);
    app.use(createHostsRouter(deps.hosts));
  }
  if (deps.connections) {
    app.use(["/connect", "/oauth"], publicLimit);
    app.use(
      createConnectRouter({
        service: deps.connections.service,
        churchName: deps.hosts?.churchName ?? "ChurchHub",
        webPublicUrl: deps.connections.webPublicUrl,
        secureCookies: deps.secureCookies,
      }),
    );
    app.use(createConnectionsRouter({ service: deps.connections.service, requireRole }));
  }
  if (deps.questionnaires) {
    app.use("/questionnaires", publicLimit, requireBearerToken(deps.webServerTokens));
    app.use(createPublicQuestionnairesRouter(deps.questionnaires));
  }
  if (deps.privateBookings) {
    app.use("/private-bookings", publicLimit, requireBearerToken(deps.webServerTokens));
    app.use(createPublicPrivateBookingsRouter(deps.privateBookings));
  }
  if (deps.staff) {
    app.use("/staff", publicLimit);
    app.use(deps.staff.router);
  }
  app.use((_request, _response, next) => next(notFound()));
  app.use(createErrorHandler(deps.logger));
  return app;
}
