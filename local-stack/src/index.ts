export { startEmbeddedPostgres, type RunningPostgres } from "./embedded-postgres.js";
export { startTemporalDevServer, type RunningTemporal } from "./temporal-dev-server.js";
export {
  resolveTemporalCli,
  describeTemporalCli,
  TemporalCliNotFoundError,
  type ResolvedTemporalCli,
} from "./temporal-cli.js";
export { freePort } from "./free-port.js";
export { waitForHttp } from "./wait-for-http.js";
export { projectRoot } from "./project-root.js";
