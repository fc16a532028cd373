// The one place errors become responses: typed HttpErrors keep their status and message; body-parser's
// own errors are mapped; anything else is a 500 whose details go to the log only, never to the caller.
import type { ErrorRequestHandler, Request } from "express";
import type { Logger } from "@churchhub/logging";
import { HttpError } from "./http-errors.js";

interface BodyParserError {
  type?: string;
  status?: number;
  limit?: number;
  encoding?: string;
  charset?: string;
}

function fromBodyParser(error: BodyParserError): HttpError | undefined {
  switch (error.type) {
    case "entity.too.large":
      return new HttpError(413, "payload_too_large", `body: exceeds the ${error.limit ?? ""}-byte limit`);
    case "encoding.unsupported":
      return new HttpError(
        415,
        "unsupported_media_type",
        `Content-Encoding ${error.encoding ?? ""} is not supported: send the body uncompressed`,
      );
    case "charset.unsupported":
      return new HttpError(
        415,
        "unsupported_media_type",
        `charset ${error.charset ?? ""} is not supported: send UTF-8`,
      );
    case "entity.parse.failed":
      return new HttpError(400, "bad_request", "body: is not valid JSON");
    case "request.aborted":
    case "request.size.invalid":
      return new HttpError(400, "bad_request", "body: the request body was incomplete");
    default:
      return undefined;
  }
}

// Found by the fuzzer (fuzz-tests/): errors that carry a 4xx status but no body-parser type used to
// fall through to the 500 branch: a corrupt gzip/deflate/br body on the JSON endpoints (zlib's error,
// wrapped by body-parser as 400) and a path parameter that is not valid percent-encoding (the router's
// URIError, status 400). They are the caller's mistake: answer 400 and say which part is wrong.
function fromClientError(
  error: BodyParserError & { statusCode?: number },
  request: Request,
  logger: Logger,
): HttpError | undefined {
  const status = error.status ?? error.statusCode;
  if (typeof status !== "number" || status < 400 || status > 499) return undefined;
  if (error instanceof URIError)
    return new HttpError(400, "bad_request", "path: a parameter is not valid percent-encoding");
  const encoding = request.get("content-encoding");
  if (encoding && encoding.trim().toLowerCase() !== "identity") {
    return new HttpError(
      400,
      "bad_request",
      `body: could not be decompressed as Content-Encoding ${encoding.slice(0, 40)}`,
    );
  }
  logger.warn({ err: error, status }, "unmapped client error");
  return new HttpError(status, "bad_request", "request: could not be read");
}

export function createErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error, request, response, _next) => {
    const httpError =
      error instanceof HttpError
        ? error
        : (fromBodyParser(error as BodyParserError) ?? fromClientError(error, request, logger));
    if (httpError) {
      response
        .set(httpError.headers)
        .status(httpError.status)
        .json({ error: { ...httpError.details, code: httpError.code, message: httpError.message } });
      return;
    }
    logger.error({ err: error }, "unhandled error");
    response.status(500).json({ error: { code: "internal_error", message: "Internal error" } });
  };
}
