// The schemas at the edge of the private booking endpoints. What the person leaves us is optional and
// bounded; a refused field is named in the 400 ("name: …", "email: …", "phone: …"), never echoed.
import { z } from "zod";
import { eventTypeIdSchema } from "../questionnaires/questionnaire-request-schemas.js";

/** An empty input is "left nothing", not an error: the form's fields are all optional. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), schema.optional());

// No control characters (they have no place in a name and would only confuse the staff page).
const nameSchema = z
  .string()
  .trim()
  .max(200, "must be at most 200 characters")
  .regex(/^[^\p{Cc}]+$/u, "must be text without control characters");

const emailSchema = z.string().trim().max(254, "must be at most 254 characters").pipe(z.email("must be an email address"));

/** Digits with the usual separators, an optional leading +, 6 to 15 digits (E.164's maximum). */
const phoneSchema = z
  .string()
  .trim()
  .max(30, "must be at most 30 characters")
  .regex(/^\+?[0-9 ()./-]+$/, "must be a phone number (digits, spaces, + ( ) - . /)")
  .refine((phone) => {
    const digits = phone.replace(/\D/g, "").length;
    return digits >= 6 && digits <= 15;
  }, "must have 6 to 15 digits");

export const privateDetailsSchema = z.strictObject({
  name: optional(nameSchema),
  email: optional(emailSchema),
  phone: optional(phoneSchema),
});

export const privateBookingBodySchema = privateDetailsSchema.extend({ eventTypeId: eventTypeIdSchema });

/** The private link's token as we issue it (32 random bytes, base64url). */
export const privateLinkTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, "is not a private link token");
export const privateLinkParamsSchema = z.strictObject({ token: privateLinkTokenSchema });
export const privateEventTypeParamsSchema = z.strictObject({ eventTypeId: eventTypeIdSchema });
