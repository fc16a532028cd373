// Every response carries an X-Request-Id, as Cal.com's do, so a failing call can be named in a report.
import { randomUUID } from "node:crypto";
import type { RequestHandler } from "express";

export function requestId(): RequestHandler {
  return (_request, response, next) => {
    response.setHeader("X-Request-Id", randomUUID());
    next();
  };
}
