// OpenAPI entries of the questionnaire endpoints (tag `questionnaires`): the visitor's side, reached by
// our web server with its bearer token, and the staff side under /staff (session cookie; changes need
// the X-CSRF-Token header). A function, called while the document is built, because it shares the
// document's helpers (ZOD_SCHEMA) and the document imports it.
import { z } from "zod";
import {
  answerLaterLinkBodySchema,
  answerLaterResponseBodySchema,
  answerTokenParamsSchema,
  attachBodySchema,
  attachmentParamsSchema,
  bookingResponseBodySchema,
  bookingUidParamsSchema,
  draftBodySchema,
  eventTypeParamsSchema,
  questionnaireParamsSchema,
  updateDraftBodySchema,
} from "../questionnaires/questionnaire-request-schemas.js";
import { errorResponseSchema } from "./response-schemas.js";

type Schema = z.ZodType;

const refusalSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    questions: z
      .array(z.object({ questionId: z.string(), code: z.string(), message: z.string() }))
      .optional()
      .describe("Each refused answer, by question (no answer is repeated)"),
    problems: z
      .array(z.object({ path: z.string(), subjectId: z.string().optional(), message: z.string() }))
      .optional()
      .describe("Each problem of a refused definition, and where it is"),
  }),
});
const definitionSchema = z
  .record(z.string(), z.unknown())
  .describe("A questionnaire definition (@churchhub/questionnaire)");
const questionnaireSchema = z.object({
  id: z.uuid(),
  ownerCalUserId: z.number().int(),
  title: z.string(),
  latestVersion: z.number().int().nullable(),
  updatedAt: z.iso.datetime(),
});
const attachmentSchema = z.object({ eventTypeId: z.number().int(), questionnaireId: z.uuid(), required: z.boolean() });
const draftSchema = questionnaireSchema.extend({ draft: definitionSchema, attachments: z.array(attachmentSchema) });
const versionSchema = z.object({
  id: z.uuid(),
  questionnaireId: z.uuid(),
  version: z.number().int(),
  title: z.string(),
  definition: definitionSchema,
  publishedAt: z.iso.datetime(),
});
const receivedSchema = z.object({ status: z.literal("received") });
const responseSchema = z.object({
  responseId: z.uuid(),
  bookingUid: z.string(),
  versionId: z.uuid(),
  version: z.number().int(),
  questionnaireId: z.uuid(),
  title: z.string(),
  definition: definitionSchema,
  answers: z.record(z.string(), z.unknown()),
  submittedAt: z.iso.datetime(),
});

export function questionnairePaths(helpers: {
  json: (schema: Schema) => Record<string, unknown>;
  parametersOf: (location: "path" | "query", schema: z.ZodObject) => unknown[];
}): Record<string, unknown> {
  const { json, parametersOf } = helpers;
  const error = (description: string) => ({ description, content: json(errorResponseSchema) });
  const refused = (description: string) => ({ description, content: json(refusalSchema) });
  const ok = (description: string, schema: Schema) => ({ description, content: json(schema) });
  const body = (schema: Schema) => ({ required: true, content: json(schema) });
  const tags = ["questionnaires"];

  const webServer = {
    security: [{ webServerToken: [] }],
    tags,
  };
  const webServerErrors = {
    "401": error("Not our web server"),
    "429": error("Too many requests (Retry-After says when to retry)"),
  };
  const jsonBodyErrors = { "413": error("Body over the size limit"), "415": error("Not JSON in UTF-8") };
  const submissionErrors = {
    "400": refused("Refused answers, each named by its question (unreachable, required, invalid), or a bad request"),
    "404": error("Nothing attached to that event type, or no booking of it with that uid"),
    "409": error("This booking's questionnaire has already been answered"),
    "503": error("The answers cannot be stored just now (Retry-After)"),
  };

  // Staff operations carry the staff area's tag too (served only where the staff area is on).
  const staff = { security: [{ staffSession: [] }], tags: [...tags, "staff"] };
  const csrf = { name: "X-CSRF-Token", in: "header", required: true, schema: { type: "string" } };
  const signedIn = { "401": error("No live staff session"), "429": error("Too many requests") };
  const changeErrors = { "403": error("The role does not allow it, or the CSRF token or Origin is wrong") };
  const missing = { "404": error("No such questionnaire, or one the person may not see (the same answer)") };

  return {
    "/questionnaires/event-types/{eventTypeId}": {
      get: {
        ...webServer,
        summary: "The questionnaire visitors of an event type answer (its newest published version)",
        parameters: parametersOf("path", eventTypeParamsSchema),
        responses: {
          "200": ok(
            "The version to answer",
            z.object({ versionId: z.uuid(), required: z.boolean(), definition: definitionSchema }),
          ),
          "400": error("Not an event type id"),
          ...webServerErrors,
          "404": error("No questionnaire is attached to that event type"),
        },
      },
    },
    "/questionnaires/responses": {
      post: {
        ...webServer,
        summary:
          "Answers for a booking just made, by its Cal.com uid (the booking may not have reached us yet); re-checked by the evaluator",
        requestBody: body(bookingResponseBodySchema),
        responses: {
          "201": ok("Stored, sealed under a data key of its own", receivedSchema),
          ...submissionErrors,
          ...webServerErrors,
          "403": error("The booking is past the time it may be answered without its private link"),
          ...jsonBodyErrors,
        },
      },
    },
    "/questionnaires/answer-later-links": {
      post: {
        ...webServer,
        summary: "The private answer-later link of a booking just made (issued once; valid until the appointment)",
        requestBody: body(answerLaterLinkBodySchema),
        responses: {
          "201": ok(
            "The token (shown once; only its hash is stored) and the page it opens",
            z.object({ token: z.string(), url: z.url() }),
          ),
          "400": error("A field is wrong (the message names it)"),
          ...webServerErrors,
          "404": error("Nothing attached to that event type, or no booking of it with that uid"),
          "409": error("This booking's link has already been issued"),
          ...jsonBodyErrors,
        },
      },
    },
    "/questionnaires/answer-later/{token}": {
      get: {
        ...webServer,
        summary: "The questionnaire a private link opens",
        parameters: parametersOf("path", answerTokenParamsSchema),
        responses: {
          "200": ok(
            "The version to answer",
            z.object({
              versionId: z.uuid(),
              required: z.boolean(),
              definition: definitionSchema,
              startTime: z.iso.datetime().nullable(),
            }),
          ),
          "400": error("Not a link token"),
          ...webServerErrors,
          "404": error("No such link"),
          "409": error("The booking is still being confirmed"),
          "410": error("The link has been used, or the appointment has started"),
        },
      },
      post: {
        ...webServer,
        summary: "Answers through a private link (spends it); re-checked by the evaluator",
        parameters: parametersOf("path", answerTokenParamsSchema),
        requestBody: body(answerLaterResponseBodySchema),
        responses: {
          "201": ok("Stored, sealed under a data key of its own", receivedSchema),
          ...submissionErrors,
          ...webServerErrors,
          "404": error("No such link"),
          "410": error("The link has been used, or the appointment has started"),
          ...jsonBodyErrors,
        },
      },
    },
    "/staff/questionnaires": {
      get: {
        ...staff,
        summary: "Questionnaires the person may edit (a host's own; all for an administrator)",
        responses: {
          "200": ok("Newest first", z.object({ questionnaires: z.array(questionnaireSchema) })),
          ...signedIn,
        },
      },
      post: {
        ...staff,
        summary: "Create a questionnaire from a definition (validated; an administrator names the host)",
        parameters: [csrf],
        requestBody: body(draftBodySchema),
        responses: {
          "201": ok("Created, as a draft", z.object({ questionnaire: draftSchema })),
          "400": refused("The definition's problems, each with where it is"),
          ...signedIn,
          ...changeErrors,
          ...jsonBodyErrors,
        },
      },
    },
    "/staff/questionnaires/{id}": {
      get: {
        ...staff,
        summary: "A questionnaire's draft and attachments",
        parameters: parametersOf("path", questionnaireParamsSchema),
        responses: {
          "200": ok("The questionnaire", z.object({ questionnaire: draftSchema })),
          "400": error("Not a questionnaire id"),
          ...signedIn,
          ...missing,
        },
      },
    },
    "/staff/questionnaires/{id}/draft": {
      put: {
        ...staff,
        summary: "Replace the draft (validated on save; published versions stay as they are)",
        parameters: [...parametersOf("path", questionnaireParamsSchema), csrf],
        requestBody: body(updateDraftBodySchema),
        responses: {
          "200": ok("Saved", z.object({ questionnaire: draftSchema })),
          "400": refused("The definition's problems, each with where it is"),
          ...signedIn,
          ...changeErrors,
          ...missing,
          ...jsonBodyErrors,
        },
      },
    },
    "/staff/questionnaires/{id}/versions": {
      get: {
        ...staff,
        summary: "The published versions, newest first",
        parameters: parametersOf("path", questionnaireParamsSchema),
        responses: {
          "200": ok("Versions", z.object({ versions: z.array(versionSchema) })),
          "400": error("Not a questionnaire id"),
          ...signedIn,
          ...missing,
        },
      },
      post: {
        ...staff,
        summary: "Publish the draft as the next immutable version",
        parameters: [...parametersOf("path", questionnaireParamsSchema), csrf],
        responses: {
          "201": ok("Published", z.object({ version: versionSchema })),
          "400": refused("The draft's problems"),
          ...signedIn,
          ...changeErrors,
          ...missing,
        },
      },
    },
    "/staff/questionnaires/{id}/event-types": {
      get: {
        ...staff,
        summary: "The event types of the questionnaire's host (what it may be attached to)",
        parameters: parametersOf("path", questionnaireParamsSchema),
        responses: {
          "200": ok(
            "Event types",
            z.object({ eventTypes: z.array(z.object({ id: z.number().int(), slug: z.string(), title: z.string() })) }),
          ),
          "400": error("Not a questionnaire id"),
          ...signedIn,
          ...missing,
        },
      },
    },
    "/staff/questionnaires/{id}/attachments/{eventTypeId}": {
      put: {
        ...staff,
        summary: "Attach the questionnaire to one of its host's event types, as required or optional",
        parameters: [...parametersOf("path", attachmentParamsSchema), csrf],
        requestBody: body(attachBodySchema),
        responses: {
          "200": ok("Attached", z.object({ attachment: attachmentSchema })),
          "400": error("A field is wrong"),
          ...signedIn,
          ...changeErrors,
          "404": error("No such questionnaire, or the event type is not its host's"),
          "409": error("Not published yet"),
          ...jsonBodyErrors,
        },
      },
      delete: {
        ...staff,
        summary: "Detach the questionnaire from an event type",
        parameters: [...parametersOf("path", attachmentParamsSchema), csrf],
        responses: {
          "204": { description: "Detached" },
          "400": error("A field is wrong"),
          ...signedIn,
          ...changeErrors,
          "404": error("No such questionnaire, or not attached there"),
        },
      },
    },
    "/staff/bookings/{uid}/questionnaire-responses": {
      get: {
        ...staff,
        summary:
          "A booking's questionnaire answers, opened for its host or an administrator; the read is access-logged",
        parameters: parametersOf("path", bookingUidParamsSchema),
        responses: {
          "200": ok("Answers, with the version each answered", z.object({ responses: z.array(responseSchema) })),
          "400": error("Not a booking uid"),
          ...signedIn,
          "404": error("No such booking, or one the person may not see (the same answer)"),
        },
      },
    },
  };
}
