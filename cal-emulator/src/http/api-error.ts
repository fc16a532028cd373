// Cal.com API v2's errors as values: NestJS exception class name (the envelope's `code`), status,
// message and `details` (Nest's getResponse()). The error handler turns them into Cal.com's envelope.
// Sources: apps/api/v2/src/filters/http-exception.filter.ts, modules/auth/guards/api-auth/token-expired.exception.ts.
import type { z } from "zod";

const STATUS_TEXT: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  409: "Conflict",
  410: "Gone",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
};

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** A Nest HttpException built with a string: details is `{message, error, statusCode}`. */
function nestException(status: number, code: string, message: string): ApiError {
  return new ApiError(status, code, message, { message, error: STATUS_TEXT[status] ?? "Error", statusCode: status });
}

export const badRequest = (message: string) => nestException(400, "BadRequestException", message);
export const unauthorized = (message = "Unauthorized") => nestException(401, "UnauthorizedException", message);
/** What Nest answers when a guard returns false (e.g. IsUserWebhookGuard for another user's webhook). */
export const forbidden = (message = "Forbidden resource") => nestException(403, "ForbiddenException", message);
export const notFound = (message = "Not Found") => nestException(404, "NotFoundException", message);
export const conflict = (message: string) => nestException(409, "ConflictException", message);
/** handleNewBooking's `HttpError({statusCode: 410})`, rethrown by the bookings controller as an HttpException. */
export const gone = (message: string) => nestException(410, "HttpException", message);

/** HTTP 498, Cal.com's own status for an expired managed-user access token; the atoms refresh on it. */
export const tokenExpired = () =>
  new ApiError(498, "TokenExpiredException", "ACCESS_TOKEN_IS_EXPIRED", "ACCESS_TOKEN_IS_EXPIRED");

export function injectedFault(status: number): ApiError {
  const code =
    status === 503
      ? "ServiceUnavailableException"
      : status === 502
        ? "BadGatewayException"
        : "InternalServerErrorException";
  return nestException(status, code, `${STATUS_TEXT[status] ?? "Error"} (fault injected by the Cal.com emulator)`);
}

/**
 * Cal.com's ValidationPipe answers `new BadRequestException({ errors })` with class-validator errors,
 * so the message is Nest's default and the field problems sit in `details.errors`.
 */
export function validationFailed(issues: readonly z.core.$ZodIssue[], input: unknown): ApiError {
  const errors = issues.map((issue) => {
    const property = issue.path.map(String).join(".") || "(body)";
    return {
      property,
      value: valueAt(input, issue.path),
      constraints: { [issue.code]: `${property} ${issue.message}` },
      children: [],
    };
  });
  return new ApiError(400, "BadRequestException", "Bad Request Exception", { errors });
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const key of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}
