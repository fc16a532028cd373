export { createDeliveryRecorder, DeliveryNotRecordedError, type DeliveryRecorder } from "./delivery-recorder.js";
export { createInboxRelay, type InboxRelay } from "./inbox-relay.js";
export { createInboxStore, INBOX_CHANNEL } from "./inbox-store.js";
export { createEncryptedInboxCodec } from "./encrypted-inbox-codec.js";
export { registerInboxDepthGauge } from "./inbox-depth-gauge.js";
