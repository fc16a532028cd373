export { startEmbeddedPostgres, type RunningPostgres } from "./embedded-postgres.js";
export { startTemporalDevServer, type RunningTemporal } from "./temporal-dev-server.js";
export {
  resolveTemporalCli,
  describeTemporalCli,
  TemporalCliNotFoundError,
  type ResolvedTemporalCli,
} from "./temporal-cli.js";
// One implementation, the worker's (it needs one at run time and must not depend on dev tooling); the
// local stack, tests and bench call it freePort.
export { freeLoopbackPort as freePort } from "@churchhub/worker/free-loopback-port";
export { waitForHttp } from "./wait-for-http.js";
export { projectRoot } from "./project-root.js";
export { ensurePypiTool, installedPypiTool, PypiToolInstallError, type PypiTool } from "./pypi-tool.js";
export {
  startChildService,
  tsxCommand,
  waitUntilServing,
  type ChildService,
  type ChildServiceOptions,
} from "./child-service.js";
export { startLocalMailServer, type RunningMailServer } from "./mail-server.js";
export { createMailInbox, linkIn, type MailInbox, type ReceivedMail } from "./mail-inbox.js";
export { ensureTemporalTestServer } from "./temporal-test-server.js";
export { seededQuestionnaire, seedSandboxQuestionnaire, SEEDED_QUESTIONNAIRE_TITLE } from "./questionnaire-seed.js";
