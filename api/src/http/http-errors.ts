// Typed errors the api answers with. The message is written for the caller and must never contain
// personal data or internals; the error middleware maps these to status codes.
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
    /** More for the caller beside code and message (e.g. which questions were refused); no personal data. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "HttpError";
  }
}

export const badRequest = (message: string) => new HttpError(400, "bad_request", message);
export const unauthorized = () => new HttpError(401, "unauthorized", "Unauthorized");
export const notFound = (message = "Not found") => new HttpError(404, "not_found", message);
export const unsupportedMediaType = (message: string) => new HttpError(415, "unsupported_media_type", message);
export const serviceUnavailable = (message: string, retryAfterSeconds: number) =>
  new HttpError(503, "service_unavailable", message, { "Retry-After": String(retryAfterSeconds) });
