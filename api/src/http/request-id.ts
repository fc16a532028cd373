// Gives every request an id (the caller's X-Request-Id when it is a sane token, else a new UUID),
// echoes it in the response, and makes it available to handlers so logs, the inbox row and the
// workflow's memo all carry the same id.
import { randomUUID } from "node:crypto";
import type { RequestHandler, Response } from "express";

const SANE = /^[A-Za-z0-9._:-]{8,128}$/;

export const requestId: RequestHandler = (request, response, next) => {
  const offered = request.get("x-request-id");
  const id = offered && SANE.test(offered) ? offered : randomUUID();
  response.locals.requestId = id;
  response.set("X-Request-Id", id);
  next();
};

export function requestIdOf(response: Response): string | undefined {
  return response.locals.requestId as string | undefined;
}
