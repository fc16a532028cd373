// Validation at the edge: a schema in, a typed value or Cal.com's 400 (with details.errors) out.
import type { z } from "zod";
import { validationFailed } from "./api-error.js";

export function parseInput<Schema extends z.ZodType>(schema: Schema, input: unknown): z.infer<Schema> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw validationFailed(parsed.error.issues, input);
  return parsed.data;
}
