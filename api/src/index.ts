export { createApp, type AppDependencies } from './app.js';
export { signCalBody, verifyCalSignature } from './webhooks/verify-cal-signature.js';
export { parseCalDelivery } from './webhooks/parse-cal-delivery.js';
export { createTemporalClient, checkTemporal } from './temporal-client.js';
export { createHostDirectory, type HostDirectory } from './hosts/host-directory.js';
export { createManagedUserTokenService, tokenWorkflowId, MIN_TOKEN_VALIDITY_MS, type ManagedUserTokenService } from './tokens/managed-user-token-service.js';
export { createApiMetrics, type ApiMetrics } from './metrics/api-metrics.js';
export { createReplayService, MAX_REPLAY_EVENTS, type ReplayService } from './replay/replay-service.js';
export { buildOpenApiDocument } from './openapi/openapi-document.js';
