// Assembles the Express app: CORS and X-Request-Id on everything, every Cal.com route under /v2 (each
// counted and faultable), the OAuth 2.0 authorization page at the origin (as on app.cal.com), the
// /_emulator test hooks, and Cal.com's error envelope for anything that fails (OAuth's own shape on the token endpoint).
import express, { type Express } from "express";
import type { BookingService } from "./bookings.js";
import type { EmulatorHooks } from "./emulator-hooks.js";
import { notFound } from "./http/api-error.js";
import type { Authenticator } from "./http/authenticate.js";
import { cors } from "./http/cors.js";
import { createErrorHandler } from "./http/envelope.js";
import { requestId } from "./http/request-id.js";
import type { ScopeGuard } from "./http/scope-guard.js";
import { createRouteDeclarer, type RouteProbes } from "./http/route-probes.js";
import { createAdminRouter } from "./routes/admin.router.js";
import { declareBookingRoutes } from "./routes/bookings.router.js";
import { declareEventTypeRoutes } from "./routes/event-types.router.js";
import { declareManagedUserRoutes } from "./routes/managed-users.router.js";
import { declareMeRoutes } from "./routes/me.router.js";
import { declareOAuthRefreshRoutes } from "./routes/oauth-refresh.router.js";
import { declareProviderRoutes } from "./routes/provider.router.js";
import { declarePublicLookupRoutes } from "./routes/public-lookups.router.js";
import { declareSlotRoutes } from "./routes/slots.router.js";
import type { EmulatorState } from "./state.js";
import type { TokenService } from "./tokens.js";
import { declareAuthorizeRoutes } from "./oauth2/authorize.router.js";
import type { OAuth2Grants } from "./oauth2/oauth2-grants.js";
import { declareOAuth2TokenRoute, oauth2TokenErrorHandler } from "./oauth2/token-endpoint.router.js";
import { declareWebhookRoutes } from "./routes/webhooks.router.js";
import { declarePlatformWebhookRoutes } from "./routes/platform-webhooks.router.js";
import type { PlatformWebhookService } from "./platform-webhooks.js";
import type { UserWebhookService } from "./user-webhooks.js";

export interface AppDependencies {
  state: () => EmulatorState;
  clock: () => Date;
  tokens: TokenService;
  oauth2: OAuth2Grants;
  auth: Authenticator;
  bookings: BookingService;
  userWebhooks: UserWebhookService;
  platformWebhooks: PlatformWebhookService;
  probes: RouteProbes;
  scopes: ScopeGuard;
  hooks: EmulatorHooks;
  adminRoutes: boolean;
  onUnexpectedError: (error: unknown) => void;
}

export function createApp(deps: AppDependencies): Express {
  const app = express();
  app.disable("x-powered-by");
  app.disable("etag");
  // Form bodies too: the consent page posts one, and the token endpoint accepts RFC 6749's form encoding.
  app.use(cors(), requestId(), express.json({ limit: "1mb" }), express.urlencoded({ extended: false, limit: "100kb" }));

  const webPages = express.Router();
  declareAuthorizeRoutes(createRouteDeclarer(webPages, deps.probes, ""), deps);
  app.use(webPages);

  // Its own router so that its errors, injected faults included, keep OAuth's `{error, error_description}` shape.
  const tokenEndpoint = express.Router();
  declareOAuth2TokenRoute(createRouteDeclarer(tokenEndpoint, deps.probes), deps);
  tokenEndpoint.use(oauth2TokenErrorHandler());
  app.use("/v2", tokenEndpoint);

  const v2 = express.Router();
  const declare = createRouteDeclarer(v2, deps.probes);
  declareManagedUserRoutes(declare, deps);
  declareOAuthRefreshRoutes(declare, deps);
  declareMeRoutes(declare, deps);
  declareProviderRoutes(declare, deps);
  declareEventTypeRoutes(declare, deps);
  declareSlotRoutes(declare, deps);
  declareBookingRoutes(declare, deps);
  declareWebhookRoutes(declare, deps);
  declarePlatformWebhookRoutes(declare, deps);
  declarePublicLookupRoutes(declare);
  app.use("/v2", v2);

  if (deps.adminRoutes) app.use("/_emulator", createAdminRouter(deps.hooks));
  app.use((request, _response, next) => next(notFound(`Cannot ${request.method} ${request.path}`)));
  app.use(createErrorHandler(deps.clock, deps.onUnexpectedError));
  return app;
}
