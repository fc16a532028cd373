export { startEmbeddedPostgres, type RunningPostgres } from "./embedded-postgres.js";
export { startTemporalDevServer, type RunningTemporal } from "./temporal-dev-server.js";
export {
  resolveTemporalCli,
  describeTemporalCli,
  TemporalCliNotFoundError,
  type ResolvedTemporalCli,
} from "./temporal-cli.js";
export { freePort } from "./free-port.js";
export { projectRoot } from "./project-root.js";
export { startLocalMailServer, type RunningMailServer } from "./mail-server.js";
export { createMailInbox, linkIn, type MailInbox, type ReceivedMail } from "./mail-inbox.js";
