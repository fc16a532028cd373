export { createDeliveryRecorder, DeliveryNotRecordedError, type DeliveryRecorder } from "./delivery-recorder.js";
export { createInboxRelay, type InboxRelay } from "./inbox-relay.js";
export { createInboxStore, INBOX_CHANNEL, type InboxStore } from "./inbox-store.js";
export { createGroupedInboxInsert } from "./grouped-inbox-insert.js";
export { createEncryptedInboxCodec } from "./encrypted-inbox-codec.js";
export { registerInboxDepthGauge } from "./inbox-depth-gauge.js";
