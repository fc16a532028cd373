// Sends the Temporal SDK's own log lines through our logger, so they are JSON and redacted like ours.
import { DefaultLogger, type LogLevel } from "@temporalio/worker";
import type { Logger } from "@churchhub/logging";

const PINO_METHOD: Record<LogLevel, "trace" | "debug" | "info" | "warn" | "error"> = {
  TRACE: "trace",
  DEBUG: "debug",
  INFO: "info",
  WARN: "warn",
  ERROR: "error",
};

export function createTemporalLogger(logger: Logger, level: LogLevel = "WARN"): DefaultLogger {
  return new DefaultLogger(level, (entry) => {
    logger[PINO_METHOD[entry.level]]({ component: "temporal-sdk", ...entry.meta }, entry.message);
  });
}
