export {
  createDeliveryRecorder,
  DeliveryNotRecordedError,
  type DeliveryRecorder,
  type RecordOutcome,
} from "./delivery-recorder.js";
export { createInboxRelay, type DrainResult, type InboxRelay, type InboxRelayOptions } from "./inbox-relay.js";
export {
  createInboxStore,
  INBOX_CHANNEL,
  type InboxCodec,
  type InboxStore,
  type PendingDelivery,
} from "./inbox-store.js";
export { startDeliveryWorkflow, type StartOutcome } from "./start-delivery-workflow.js";
export { createEncryptedInboxCodec } from "./encrypted-inbox-codec.js";
export { registerInboxDepthGauge } from "./inbox-depth-gauge.js";
