export { createApp, type AppDependencies } from './app.js';
export { createTemporalDeliveryRecorder, DeliveryNotRecordedError, type DeliveryRecorder } from './deliveries/delivery-recorder.js';
export { signCalBody, verifyCalSignature } from './webhooks/verify-cal-signature.js';
export { parseCalDelivery } from './webhooks/parse-cal-delivery.js';
export { createTemporalClient, checkTemporal } from './temporal-client.js';
