// Reads one part of a staff request (query, path, body) with its schema; a 400 names the first problem.
import type { z } from "zod";
import { badRequest } from "../http/http-errors.js";

export function parsedStaffInput<T>(schema: z.ZodType<T>, value: unknown, part: string): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw badRequest(`${part}${issue?.path.length ? `.${issue.path.join(".")}` : ""}: ${issue?.message ?? "invalid"}`);
  }
  return result.data;
}
