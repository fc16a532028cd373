// Cal.com API v2 envelopes (packages/platform/types/api.ts; apps/api/v2/src/filters/http-exception.filter.ts).
import { z } from "zod";

export function successEnvelopeSchema<Data extends z.ZodType>(data: Data) {
  return z.strictObject({ status: z.literal("success"), data });
}

export const successWithoutDataSchema = z.strictObject({ status: z.literal("success") });

export const errorEnvelopeSchema = z.strictObject({
  status: z.literal("error"),
  timestamp: z.iso.datetime(),
  path: z.string().startsWith("/"),
  error: z.strictObject({ code: z.string().min(1), message: z.string(), details: z.unknown().optional() }),
});

/** A class-validator error as Cal.com's ValidationPipe reports it in `error.details.errors`. */
export const validationErrorDetailsSchema = z.object({
  errors: z.array(z.object({ property: z.string(), constraints: z.record(z.string(), z.string()) }).loose()).min(1),
});
