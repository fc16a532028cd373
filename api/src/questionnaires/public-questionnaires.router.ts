// The visitor's side of questionnaires, served to our web server only (bearer WEB_SERVER_TOKEN): the
// questionnaire of an event type, answers for a booking just made (by its uid), the private answer-later
// link, and answers with that link. Every submission is re-run through the evaluator (answer-verdict.ts).
//
// Against abuse: the caller must be our web server; bodies are capped at 64 KB and each answer's size is
// bounded before the evaluator applies the questionnaire's own limits; a booking uid must look like one
// of Cal.com's; submissions are limited per booking uid or link (the web server is one IP for everyone);
// a booking keeps one response (a second is 409); without the link, a booking we have may be answered only
// within QUESTIONNAIRE_DIRECT_ANSWER_MINUTES of its arrival and must be of the event type answered for; a
// response for a uid we have not received is kept only until its booking arrives (of the same event
// type) or QUESTIONNAIRE_UNLINKED_RESPONSE_DAYS pass.
import express, { Router } from "express";
import { questionnaireAnswerUrl } from "@churchhub/contracts";
import {
  DuplicateResponseError,
  type BookingChain,
  type QuestionnaireAnswerTokens,
  type QuestionnaireDefinitions,
  type QuestionnaireResponses,
} from "@churchhub/database";
import { questionnaireDefinitionSchema, type QuestionnaireDefinition } from "@churchhub/questionnaire";
import { badRequest, HttpError, notFound } from "../http/http-errors.js";
import { createRateLimit } from "../http/rate-limit.js";
import { validateRequest } from "../http/validate-request.js";
import { acceptedAnswers } from "./answer-verdict.js";
import {
  answerLaterLinkBodySchema,
  answerLaterResponseBodySchema,
  answerTokenParamsSchema,
  bookingResponseBodySchema,
  eventTypeParamsSchema,
} from "./questionnaire-request-schemas.js";
import type { QuestionnaireWorkflowClient } from "./questionnaire-workflow-client.js";

export interface PublicQuestionnaireDependencies {
  definitions: QuestionnaireDefinitions;
  responses: QuestionnaireResponses;
  tokens: QuestionnaireAnswerTokens;
  bookingChain: (uid: string) => Promise<BookingChain>;
  workflows: QuestionnaireWorkflowClient;
  clock: () => Date;
  directAnswerMs: number;
  submissionsPerMinute: number;
  webPublicUrl: string;
}

const eventTypeRequest = validateRequest({ params: eventTypeParamsSchema });
const bookingResponseRequest = validateRequest({ body: bookingResponseBodySchema });
const answerLaterLinkRequest = validateRequest({ body: answerLaterLinkBodySchema });
const tokenRequest = validateRequest({ params: answerTokenParamsSchema });
const tokenResponseRequest = validateRequest({ params: answerTokenParamsSchema, body: answerLaterResponseBodySchema });

const noBooking = () => notFound("No booking with that uid for this event type");
const conflict = (code: string, message: string) => new HttpError(409, code, message);
const gone = (message: string) => new HttpError(410, "link_spent", message);

export function createPublicQuestionnairesRouter(deps: PublicQuestionnaireDependencies): Router {
  const router = Router();
  const json = express.json({ limit: "64kb" });
  const perSubject = createRateLimit(deps.submissionsPerMinute, (request) =>
    String(request.params.token ?? request.body?.bookingUid ?? "unknown").slice(0, 64),
  );

  /** The published version a visitor may answer for an event type (any published version of it). */
  async function versionFor(eventTypeId: number, versionId?: string) {
    const attached = await deps.definitions.forEventType(eventTypeId);
    if (!attached) throw notFound("No questionnaire is attached to that event type");
    if (!versionId || versionId === attached.version.id) return { attached, version: attached.version };
    const version = await deps.definitions.version(versionId);
    if (!version || version.questionnaireId !== attached.questionnaireId)
      throw badRequest("versionId: is not a published version of this event type's questionnaire");
    return { attached, version };
  }

  const definitionOf = (stored: unknown): QuestionnaireDefinition => questionnaireDefinitionSchema.parse(stored);

  /** Stores accepted answers; a response whose booking is not here yet waits for it in Temporal. */
  async function store(input: {
    bookingUid: string;
    eventTypeId: number;
    versionId: string;
    answers: Record<string, unknown>;
    spendTokenHash?: string;
    rootBookingUid: string;
  }) {
    let submitted: Awaited<ReturnType<QuestionnaireResponses["submit"]>>;
    try {
      submitted = await deps.responses.submit(input);
    } catch (error) {
      if (error instanceof DuplicateResponseError)
        throw conflict("already_answered", "This booking's questionnaire has already been answered");
      throw error;
    }
    if (submitted.linked) {
      await deps.workflows.answered(input.rootBookingUid);
      return;
    }
    try {
      await deps.workflows.awaitBooking(submitted.responseId);
    } catch {
      // Without its wait, an unlinked response would never be linked nor deleted: keep nothing.
      await deps.responses.deleteIfUnlinked(submitted.responseId);
      throw new HttpError(503, "temporarily_unavailable", "Answers cannot be stored just now; retry shortly", {
        "Retry-After": "10",
      });
    }
  }

  router.get("/questionnaires/event-types/:eventTypeId", eventTypeRequest, async (_request, response) => {
    const { eventTypeId } = eventTypeRequest.parsed(response).params;
    const { attached, version } = await versionFor(eventTypeId);
    response.json({ versionId: version.id, required: attached.required, definition: version.definition });
  });

  router.post("/questionnaires/responses", json, perSubject, bookingResponseRequest, async (_request, response) => {
    const body = bookingResponseRequest.parsed(response).body;
    const { version } = await versionFor(body.eventTypeId, body.versionId);
    const chain = await deps.bookingChain(body.bookingUid);
    const booking = chain.current;
    if (booking) {
      if (booking.eventTypeId !== body.eventTypeId) throw noBooking();
      if (deps.clock().getTime() - booking.receivedAt.getTime() > deps.directAnswerMs)
        throw new HttpError(403, "link_required", "Answer through the private link you were given for this booking");
    }
    const answers = acceptedAnswers(definitionOf(version.definition), body.answers);
    await store({ ...body, versionId: version.id, answers, rootBookingUid: chain.rootUid });
    response.status(201).json({ status: "received" });
  });

  router.post(
    "/questionnaires/answer-later-links",
    json,
    perSubject,
    answerLaterLinkRequest,
    async (_request, response) => {
      const body = answerLaterLinkRequest.parsed(response).body;
      await versionFor(body.eventTypeId);
      const booking = (await deps.bookingChain(body.bookingUid)).current;
      if (booking && booking.eventTypeId !== body.eventTypeId) throw noBooking();
      const token = await deps.tokens.issue(body.bookingUid, "confirmation");
      if (!token) throw conflict("link_issued", "This booking's private link has already been issued");
      response.status(201).json({ token, url: questionnaireAnswerUrl(deps.webPublicUrl, token) });
    },
  );

  /** The booking a private link answers for, or why it cannot be used. */
  async function usableToken(token: string) {
    const check = await deps.tokens.check(token);
    switch (check.status) {
      case "valid":
        if (check.eventTypeId === null) throw notFound("This link is not valid");
        return { ...check, eventTypeId: check.eventTypeId };
      case "unknown":
        throw notFound("This link is not valid");
      case "used":
        throw gone("This link has already been used");
      case "expired":
        throw gone("This link has expired: the appointment has started");
      case "booking_not_arrived":
        throw conflict("booking_not_arrived", "The booking is still being confirmed; try again in a minute");
    }
  }

  router.get("/questionnaires/answer-later/:token", perSubject, tokenRequest, async (_request, response) => {
    const { token } = tokenRequest.parsed(response).params;
    const usable = await usableToken(token);
    const { attached, version } = await versionFor(usable.eventTypeId);
    const booking = (await deps.bookingChain(usable.bookingUid)).current;
    response.json({
      versionId: version.id,
      required: attached.required,
      definition: version.definition,
      startTime: booking?.startTime.toISOString() ?? null,
    });
  });

  router.post(
    "/questionnaires/answer-later/:token",
    json,
    perSubject,
    tokenResponseRequest,
    async (_request, response) => {
      const { params, body } = tokenResponseRequest.parsed(response);
      const usable = await usableToken(params.token);
      const { version } = await versionFor(usable.eventTypeId, body.versionId);
      const answers = acceptedAnswers(definitionOf(version.definition), body.answers);
      const chain = await deps.bookingChain(usable.bookingUid);
      await store({
        bookingUid: usable.bookingUid,
        eventTypeId: usable.eventTypeId,
        versionId: version.id,
        answers,
        spendTokenHash: usable.tokenHash,
        rootBookingUid: chain.rootUid,
      });
      response.status(201).json({ status: "received" });
    },
  );

  return router;
}
