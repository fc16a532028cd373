// The one logger. The service name goes in `service` (a top-level `name` would be redacted as a person's).
// Redaction lives here, centrally, so no call site has to remember it: pastoral-care
// bookings make any personal data, token, secret or signature in a log line a serious leak.
import { pino, type Logger, type LoggerOptions } from "pino";

/** Keys whose values never reach a log line, wherever they appear (top level or one/two levels down). */
const SENSITIVE_KEYS = [
  "authorization",
  "cookie",
  "set-cookie",
  "x-cal-signature-256",
  "x-cal-secret-key",
  "secret",
  "password",
  "accessToken",
  "refreshToken",
  "access_token",
  "refresh_token",
  "token",
  // OAuth 2.0 connections: the PKCE verifier, our client secret and per-connection webhook secrets.
  "code_verifier",
  "codeVerifier",
  "client_secret",
  "clientSecret",
  "webhookSecret",
  "email",
  "name",
  "attendees",
  "responses",
  "description",
  "additionalNotes",
  "phoneNumber",
  "body",
  "payload",
  // Secure notes' text (staff area).
  "text",
  // Database errors carry the statement's parameters (sealed values, but also ids and times).
  "parameters",
  "driverError",
];

function redactPaths(): string[] {
  const paths: string[] = [];
  for (const key of SENSITIVE_KEYS) {
    const bracketed = `["${key}"]`;
    paths.push(bracketed, `*${bracketed}`, `*.*${bracketed}`);
  }
  paths.push("req.headers", "res.headers");
  return paths;
}

export function createLogger(
  options: { level?: string; name?: string; destination?: pino.DestinationStream } = {},
): Logger {
  const loggerOptions: LoggerOptions = {
    level: options.level ?? "info",
    redact: { paths: redactPaths(), censor: "[redacted]" },
    base: { service: options.name },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return options.destination ? pino(loggerOptions, options.destination) : pino(loggerOptions);
}

export type { Logger };
