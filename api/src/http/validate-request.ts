// The one way a request is validated: a zod schema per part (route parameters, query, JSON body), checked
// by one middleware before the handler, refused with one message format ("where: what is wrong"). The
// handler reads the parsed values back typed. Webhook bodies are not validated here: they are verified
// on their raw bytes first and parsed after (parse-cal-delivery.ts), with the same message format.
import type { Request, RequestHandler, Response } from "express";
import type { z } from "zod";
import { badRequest } from "./http-errors.js";

/** At most this many problems are named in one answer, so a message stays short whatever is sent. */
const MAX_ISSUES = 5;

/** "where: what" for each problem, `;`-separated; `where` is the field's path under `prefix` ("body" at the top). */
export function describeIssues(error: z.ZodError, prefix = ""): string {
  return error.issues
    .slice(0, MAX_ISSUES)
    .map((issue) => `${[prefix, ...issue.path.map(String)].filter(Boolean).join(".") || "body"}: ${issue.message}`)
    .join("; ");
}

export interface RequestSchemas {
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
}

type Parsed<S extends RequestSchemas> = {
  [Part in keyof S]: S[Part] extends z.ZodType ? z.output<S[Part]> : never;
};

export interface RequestValidation<S extends RequestSchemas> extends RequestHandler {
  /** The parsed parts, in a handler behind this middleware. */
  parsed(response: Response): Parsed<S>;
}

export interface ValidationOptions {
  /**
   * Answers an invalid request itself instead of the JSON 400 (the connect pages answer a person with
   * the same page as for an unknown link, and say nothing about why).
   */
  refuse?: (request: Request, response: Response) => void;
}

const PARTS = ["params", "query", "body"] as const;

export function validateRequest<S extends RequestSchemas>(
  schemas: S,
  options: ValidationOptions = {},
): RequestValidation<S> {
  const parsedOf = new WeakMap<Response, Parsed<S>>();
  const middleware: RequestHandler = (request, response, next) => {
    const parsed: Record<string, unknown> = {};
    const problems: string[] = [];
    for (const part of PARTS) {
      const schema = schemas[part];
      if (!schema) continue;
      const result = schema.safeParse(request[part]);
      if (result.success) parsed[part] = result.data;
      else problems.push(describeIssues(result.error));
    }
    if (problems.length > 0) {
      if (options.refuse) return options.refuse(request, response);
      throw badRequest(problems.join("; "));
    }
    parsedOf.set(response, parsed as Parsed<S>);
    next();
  };
  return Object.assign(middleware, {
    parsed(response: Response): Parsed<S> {
      const parsed = parsedOf.get(response);
      if (!parsed) throw new Error("validateRequest: parsed() called in a handler the middleware did not run before");
      return parsed;
    },
  });
}
