// The schemas at the edge of the private booking endpoints. What the person leaves us is optional and
// bounded; a refused field is named in the 400 ("name: …", "email: …", "phone: …"), never echoed.
import { z } from "zod";
import { eventTypeIdSchema } from "../questionnaires/questionnaire-request-schemas.js";

/**
 * An empty input is "left nothing", not an error: the form's fields are all optional. (Checks accept ""
 * rather than a preprocess step, so the OpenAPI document still describes each field as optional text.)
 */
const leftOut = (value: string) => (value === "" ? undefined : value);

// No control characters (they have no place in a name and would only confuse the staff page).
const nameSchema = z
  .string()
  .trim()
  .max(200, "must be at most 200 characters")
  .refine((name) => !/\p{Cc}/u.test(name), "must be text without control characters")
  .transform(leftOut)
  .optional();

const emailSchema = z
  .string()
  .trim()
  .max(254, "must be at most 254 characters")
  .refine((email) => email === "" || z.email().safeParse(email).success, "must be an email address")
  .transform(leftOut)
  .optional();

/** Digits with the usual separators, an optional leading +, 6 to 15 digits (E.164's maximum). */
const phoneSchema = z
  .string()
  .trim()
  .max(30, "must be at most 30 characters")
  .refine(
    (phone) => phone === "" || /^\+?[0-9 ()./-]+$/.test(phone),
    "must be a phone number (digits, spaces, + ( ) - . /)",
  )
  .refine((phone) => {
    const digits = phone.replace(/\D/g, "").length;
    return phone === "" || (digits >= 6 && digits <= 15);
  }, "must have 6 to 15 digits")
  .transform(leftOut)
  .optional();

export const privateDetailsSchema = z.strictObject({
  name: nameSchema,
  email: emailSchema,
  phone: phoneSchema,
});

export const privateBookingBodySchema = privateDetailsSchema.extend({ eventTypeId: eventTypeIdSchema });

/** The private link's token as we issue it (32 random bytes, base64url). */
export const privateLinkTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, "is not a private link token");
export const privateLinkParamsSchema = z.strictObject({ token: privateLinkTokenSchema });
export const privateEventTypeParamsSchema = z.strictObject({ eventTypeId: eventTypeIdSchema });
