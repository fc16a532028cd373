// The one place errors become responses: typed HttpErrors keep their status and message; body-parser's
// own errors are mapped; anything else is a 500 whose details go to the log only, never to the caller.
import type { ErrorRequestHandler } from 'express';
import type { Logger } from '@churchhub/logging';
import { HttpError } from './http-errors.js';

interface BodyParserError {
  type?: string;
  status?: number;
  limit?: number;
  encoding?: string;
  charset?: string;
}

function fromBodyParser(error: BodyParserError): HttpError | undefined {
  switch (error.type) {
    case 'entity.too.large':
      return new HttpError(413, 'payload_too_large', `body: exceeds the ${error.limit ?? ''}-byte limit`);
    case 'encoding.unsupported':
      return new HttpError(415, 'unsupported_media_type', `Content-Encoding ${error.encoding ?? ''} is not supported: send the body uncompressed`);
    case 'charset.unsupported':
      return new HttpError(415, 'unsupported_media_type', `charset ${error.charset ?? ''} is not supported: send UTF-8`);
    case 'entity.parse.failed':
      return new HttpError(400, 'bad_request', 'body: is not valid JSON');
    case 'request.aborted':
    case 'request.size.invalid':
      return new HttpError(400, 'bad_request', 'body: the request body was incomplete');
    default:
      return undefined;
  }
}

export function createErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error, _request, response, _next) => {
    const httpError = error instanceof HttpError ? error : fromBodyParser(error as BodyParserError);
    if (httpError) {
      response.set(httpError.headers).status(httpError.status).json({ error: { code: httpError.code, message: httpError.message } });
      return;
    }
    logger.error({ err: error }, 'unhandled error');
    response.status(500).json({ error: { code: 'internal_error', message: 'Internal error' } });
  };
}
