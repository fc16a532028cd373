// Assembles the Express app: CORS and X-Request-Id on everything, every Cal.com route under /v2 (each
// counted and faultable), the /_emulator test hooks, and Cal.com's error envelope for anything that fails.
import express, { type Express } from 'express';
import type { BookingService } from './bookings.js';
import type { EmulatorHooks } from './emulator-hooks.js';
import { notFound } from './http/api-error.js';
import type { Authenticator } from './http/authenticate.js';
import { cors } from './http/cors.js';
import { createErrorHandler } from './http/envelope.js';
import { requestId } from './http/request-id.js';
import { createRouteDeclarer, type RouteProbes } from './http/route-probes.js';
import { createAdminRouter } from './routes/admin.router.js';
import { declareBookingRoutes } from './routes/bookings.router.js';
import { declareEventTypeRoutes } from './routes/event-types.router.js';
import { declareManagedUserRoutes } from './routes/managed-users.router.js';
import { declareMeRoutes } from './routes/me.router.js';
import { declareOAuthRefreshRoutes } from './routes/oauth-refresh.router.js';
import { declareProviderRoutes } from './routes/provider.router.js';
import { declarePublicLookupRoutes } from './routes/public-lookups.router.js';
import { declareSlotRoutes } from './routes/slots.router.js';
import type { EmulatorState } from './state.js';
import type { TokenService } from './tokens.js';

export interface AppDependencies {
  state: () => EmulatorState;
  clock: () => Date;
  tokens: TokenService;
  auth: Authenticator;
  bookings: BookingService;
  probes: RouteProbes;
  hooks: EmulatorHooks;
  adminRoutes: boolean;
  onUnexpectedError: (error: unknown) => void;
}

export function createApp(deps: AppDependencies): Express {
  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');
  app.use(cors(), requestId(), express.json({ limit: '1mb' }));

  const v2 = express.Router();
  const declare = createRouteDeclarer(v2, deps.probes);
  declareManagedUserRoutes(declare, deps);
  declareOAuthRefreshRoutes(declare, deps);
  declareMeRoutes(declare, deps);
  declareProviderRoutes(declare, deps);
  declareEventTypeRoutes(declare, deps);
  declareSlotRoutes(declare, deps);
  declareBookingRoutes(declare, deps);
  declarePublicLookupRoutes(declare);
  app.use('/v2', v2);

  if (deps.adminRoutes) app.use('/_emulator', createAdminRouter(deps.hooks));
  app.use((request, _response, next) => next(notFound(`Cannot ${request.method} ${request.path}`)));
  app.use(createErrorHandler(deps.clock, deps.onUnexpectedError));
  return app;
}
