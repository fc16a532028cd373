// The schemas at the edge of the questionnaire endpoints (public and staff). Answers are checked against
// the questionnaire by the evaluator afterwards; these only bound what may be sent at all.
import { z } from "zod";

/**
 * A Cal.com booking uid: Cal.com makes them with short-uuid, a v4 UUID in base58 (flickrBase58), 22
 * characters; see cal-emulator/src/booking-uid.ts. Anything else cannot be one of its bookings.
 */
export const calBookingUidSchema = z
  .string()
  .regex(/^[1-9A-HJ-NP-Za-km-z]{16,32}$/, "must be a Cal.com booking uid (base58, 16-32 characters)");

export const eventTypeIdSchema = z.coerce.number().int().min(1).max(2_147_483_647);

/** What one answer may be before the evaluator looks: bounded text, numbers, yes/no, a few choices. */
const answerValueSchema = z.union([
  z.string().max(10_000),
  z.number().finite(),
  z.boolean(),
  z.array(z.string().max(500)).max(100),
]);

export const answersSchema = z
  .record(z.string().min(1).max(100), answerValueSchema)
  .refine((answers) => Object.keys(answers).length <= 300, "at most 300 answers");

/** The private link's token as we issue it (32 random bytes, base64url). */
export const answerTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, "is not an answer link token");

export const eventTypeParamsSchema = z.strictObject({ eventTypeId: eventTypeIdSchema });
export const answerTokenParamsSchema = z.strictObject({ token: answerTokenSchema });

export const bookingResponseBodySchema = z.strictObject({
  bookingUid: calBookingUidSchema,
  eventTypeId: eventTypeIdSchema,
  versionId: z.uuid(),
  answers: answersSchema,
});

export const answerLaterLinkBodySchema = z.strictObject({
  bookingUid: calBookingUidSchema,
  eventTypeId: eventTypeIdSchema,
});

export const answerLaterResponseBodySchema = z.strictObject({
  versionId: z.uuid(),
  answers: answersSchema,
});

// --- staff ---

export const questionnaireParamsSchema = z.strictObject({ id: z.uuid() });
export const attachmentParamsSchema = z.strictObject({ id: z.uuid(), eventTypeId: eventTypeIdSchema });

/** The definition is checked by the evaluator package's validateDefinition, which names each problem. */
export const draftBodySchema = z.strictObject({
  definition: z.unknown(),
  /** Administrators create questionnaires for a host; a host's are their own. */
  ownerCalUserId: z.number().int().min(1).optional(),
});
export const updateDraftBodySchema = z.strictObject({ definition: z.unknown() });
export const attachBodySchema = z.strictObject({ required: z.boolean() });
export const bookingUidParamsSchema = z.strictObject({ uid: z.string().min(1).max(200) });
