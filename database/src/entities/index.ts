export { AuditLog, type AuditOutcome } from "./audit-log.entity.js";
export { Booking, type StatusChange } from "./booking.entity.js";
export { ContextSummary } from "./context-summary.entity.js";
export { ManagedUserToken } from "./managed-user-token.entity.js";
export { Policy } from "./policy.entity.js";
export { User } from "./user.entity.js";
