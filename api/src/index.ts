export { createApp, type AppDependencies } from "./app.js";
export { buildApiDependencies, type ApiProcessParts } from "./build-api-dependencies.js";
export { signCalBody, verifyCalSignature } from "./webhooks/verify-cal-signature.js";
export { parseCalDelivery } from "./webhooks/parse-cal-delivery.js";
export { checkTemporal, createTemporalClient } from "./temporal-client.js";
export {
  combineHostDirectories,
  createConnectedHostDirectory,
  createManagedUserDirectory,
} from "./hosts/host-directory.js";
export { createConnectionService } from "./connections/connection-service.js";
export { createStateSigner } from "./connections/connect-state.js";
export { issueConnectLinkWithSettings } from "./connections/issue-connect-link.js";
export { createManagedUserTokenService } from "./tokens/managed-user-token-service.js";
export { createApiMetrics } from "./metrics/api-metrics.js";
export { createReplayService } from "./replay/replay-service.js";
export { buildOpenApiDocument } from "./openapi/openapi-document.js";
export { createResponseContract, type Answer, type ResponseContract } from "./openapi/response-contract.js";
export {
  createStaffArea,
  createStaffAreaFromSettings,
  StaffAreaConfigurationError,
  type StaffArea,
  type StaffAreaOptions,
} from "./staff/staff-area.js";
export { inviteStaff, StaffInvitationError, type StaffInvitation } from "./staff/invite/invite-staff.js";
export { resolveHostCalUserId, UnknownHostError } from "./staff/invite/resolve-host.js";
export { STAFF_AUTH_BASE_PATH, STAFF_ROLES, type StaffRole } from "./staff/auth/create-staff-auth.js";
export { CSRF_HEADER } from "./staff/staff-csrf.js";
export { createErrorHandler } from "./http/error-handler.js";
export { notFound } from "./http/http-errors.js";
export { createStaffAccessLog, type StaffAccessLog } from "./staff/access-log/staff-access-log.js";
export { findStaffAuthSchemaGaps } from "./staff/auth/staff-auth-schema-check.js";
export { createHostPublicNames, type HostPublicNames } from "./hosts/public-names/host-public-names.js";
export { createHostEventTypes, type HostEventTypes } from "./questionnaires/host-event-types.js";
export type { StaffQuestionnaireDependencies } from "./questionnaires/staff-questionnaires.router.js";
export { createErasureRequester, type RequestErasure } from "./staff/erasure/request-erasure.js";
export { createSensitiveSettingsService } from "./staff/sensitive/sensitive-settings-service.js";
