export { createActivities, type Activities, type ActivityDependencies, type WriteAuditLogInput } from './create-activities.js';
export { INVALID_DELIVERY } from './classify-database-error.js';
export type { PersistBookingResult } from './persist-booking.js';
