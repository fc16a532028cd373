// Cal.com API v2's response envelopes: `{status:"success", data}` (or no data) and the error body
// `{status:"error", timestamp, path, error:{code, message, details}}`. Source: packages/platform/types/api.ts,
// apps/api/v2/src/filters/http-exception.filter.ts.
import type { ErrorRequestHandler, Response } from "express";
import { ApiError, badRequest } from "./api-error.js";

export function sendData(response: Response, data: unknown, status = 200): void {
  response.status(status).json({ status: "success", data });
}

export function sendSuccessWithoutData(response: Response, status = 200): void {
  response.status(status).json({ status: "success" });
}

interface BodyParserError {
  type?: string;
}

export function createErrorHandler(clock: () => Date, onUnexpected: (error: unknown) => void): ErrorRequestHandler {
  return (error, request, response, _next) => {
    let apiError: ApiError;
    if (error instanceof ApiError) apiError = error;
    else if ((error as BodyParserError)?.type === "entity.parse.failed")
      apiError = badRequest("Request body is not valid JSON");
    else {
      // Not a Cal.com answer: an emulator bug. Say so plainly rather than pretend it is Cal.com's.
      onUnexpected(error);
      apiError = new ApiError(
        500,
        "InternalServerErrorException",
        "Internal server error in the Cal.com emulator",
        undefined,
      );
    }
    response.status(apiError.status).json({
      status: "error",
      timestamp: clock().toISOString(),
      path: request.originalUrl,
      error: {
        code: apiError.code,
        message: apiError.message,
        ...(apiError.details === undefined ? {} : { details: apiError.details }),
      },
    });
  };
}
