// Helpers other workspaces' tests may share: a hand-moved clock, a started emulator with an HTTP helper,
// a local webhook receiver that keeps raw bodies, and a driver for the OAuth 2.0 consent page.
export { createTestClock, type TestClock } from "./test-clock.js";
export { startTestEmulator, SANDBOX, SUNDAY_NOON, type TestEmulator, type ApiResponse } from "./start-emulator.js";
export { startWebhookReceiver, type WebhookReceiver, type ReceivedWebhook } from "./webhook-receiver.js";
export { answerConsent, authorizationUrl, type ConsentRequest } from "./oauth2-consent.js";
