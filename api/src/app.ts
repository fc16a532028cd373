// Builds the Express app from its dependencies without listening, so tests start it on any port.
import express, { type Express } from 'express';
import type { Logger } from '@churchhub/logging';
import type { DeliveryRecorder } from '@churchhub/delivery-inbox';
import { createErrorHandler } from './http/error-handler.js';
import { notFound } from './http/http-errors.js';
import { createHealthRouter, type HealthCheck } from './health.router.js';
import { createHostsRouter, type HostsRouterDependencies } from './hosts/hosts.router.js';
import { requireBearerToken } from './http/require-bearer-token.js';
import type { ManagedUserTokenService } from './tokens/managed-user-token-service.js';
import { createTokensRouter } from './tokens/tokens.router.js';
import { createCalWebhookRouter } from './webhooks/cal-webhook.router.js';

export interface AppDependencies {
  logger: Logger;
  clock: () => Date;
  webhookSecrets: () => readonly string[];
  maxWebhookBodyBytes: number;
  recorder: DeliveryRecorder;
  healthChecks: Record<string, HealthCheck>;
  /** The bearer tokens our own web server presents to the server-only endpoints. */
  webServerTokens: () => readonly string[];
  /** Managed-user mode (a Cal.com Platform OAuth client is configured): hosts and tokens. */
  managedUsers?: {
    tokenService: ManagedUserTokenService;
    hosts: HostsRouterDependencies;
  };
}

export function createApp(deps: AppDependencies): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.use(createHealthRouter(deps.healthChecks));
  app.use(
    createCalWebhookRouter({
      secrets: deps.webhookSecrets,
      maxBodyBytes: deps.maxWebhookBodyBytes,
      recorder: deps.recorder,
      clock: deps.clock,
      logger: deps.logger,
    }),
  );
  if (deps.managedUsers) {
    const requireWebServer = requireBearerToken(deps.webServerTokens);
    app.use(createTokensRouter({ tokenService: deps.managedUsers.tokenService, requireWebServer, logger: deps.logger }));
    app.use('/hosts', requireWebServer);
    app.use(createHostsRouter(deps.managedUsers.hosts));
  }
  app.use((_request, _response, next) => next(notFound()));
  app.use(createErrorHandler(deps.logger));
  return app;
}
