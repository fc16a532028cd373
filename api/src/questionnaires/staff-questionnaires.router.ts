// The staff side of questionnaires, mounted inside the staff router (so behind its session check, 401,
// and its CSRF check on changes): hosts build, publish and attach questionnaires for their own Cal.com
// user's event types, administrators for anyone's; another host's questionnaire is a 404, like a missing
// one. Reading a booking's answers is scoped like the booking itself and written to the access log.
import express, { type Request, Router } from "express";
import type {
  DataSource,
  QuestionnaireDefinitions,
  QuestionnaireDraft,
  QuestionnaireResponses,
} from "@churchhub/database";
import { validateDefinition } from "@churchhub/questionnaire";
import { badRequest, HttpError, notFound } from "../http/http-errors.js";
import { validateRequest } from "../http/validate-request.js";
import type { StaffAccessLog } from "../staff/access-log/staff-access-log.js";
import { bookingScope, principalOf, staffForbidden } from "../staff/staff-access.js";
import type { StaffPrincipal } from "../staff/staff-principal.js";
import type { HostEventTypes } from "./host-event-types.js";
import {
  attachBodySchema,
  attachmentParamsSchema,
  bookingUidParamsSchema,
  draftBodySchema,
  questionnaireParamsSchema,
  updateDraftBodySchema,
} from "./questionnaire-request-schemas.js";

export interface StaffQuestionnaireDependencies {
  dataSource: DataSource;
  definitions: QuestionnaireDefinitions;
  responses: QuestionnaireResponses;
  hostEventTypes: HostEventTypes;
}

const createRequest = validateRequest({ body: draftBodySchema });
const questionnaireRequest = validateRequest({ params: questionnaireParamsSchema });
const updateRequest = validateRequest({ params: questionnaireParamsSchema, body: updateDraftBodySchema });
const attachRequest = validateRequest({ params: attachmentParamsSchema, body: attachBodySchema });
const detachRequest = validateRequest({ params: attachmentParamsSchema });
const bookingRequest = validateRequest({ params: bookingUidParamsSchema });

/** The definition as validateDefinition accepts it, or a 400 naming every problem and where it is. */
function validDefinition(definition: unknown) {
  const checked = validateDefinition(definition);
  if (checked.ok) return checked.definition;
  const named = checked.problems
    .slice(0, 5)
    .map((problem) => `${problem.path}: ${problem.message}`)
    .join("; ");
  throw new HttpError(400, "definition_invalid", `definition: ${named}`, {}, { problems: checked.problems });
}

export function createStaffQuestionnairesRouter(
  deps: StaffQuestionnaireDependencies & {
    accessLog: StaffAccessLog;
    clientAddressOf: (request: Request) => string | null;
  },
): Router {
  const router = Router();
  const json = express.json({ limit: "256kb" });

  /** The questionnaire when the principal may work on it; otherwise the same 404 as a missing one. */
  async function scoped(principal: StaffPrincipal, id: string): Promise<QuestionnaireDraft> {
    const questionnaire = await deps.definitions.get(id);
    if (!questionnaire) throw notFound("No questionnaire with that id");
    if (principal.role !== "admin" && questionnaire.ownerCalUserId !== principal.calUserId)
      throw notFound("No questionnaire with that id");
    return questionnaire;
  }

  router.get("/staff/questionnaires", async (_request, response) => {
    const principal = principalOf(response);
    const owner = principal.role === "admin" ? null : principal.calUserId;
    response.json({
      questionnaires: owner === null && principal.role !== "admin" ? [] : await deps.definitions.list(owner),
    });
  });

  router.post("/staff/questionnaires", json, createRequest, async (_request, response) => {
    const principal = principalOf(response);
    const body = createRequest.parsed(response).body;
    let owner: number;
    if (principal.role === "admin") {
      if (!body.ownerCalUserId) throw badRequest("ownerCalUserId: an administrator names the host (Cal.com user id)");
      owner = body.ownerCalUserId;
    } else {
      if (principal.calUserId === null) throw staffForbidden();
      if (body.ownerCalUserId !== undefined && body.ownerCalUserId !== principal.calUserId) throw staffForbidden();
      owner = principal.calUserId;
    }
    const definition = validDefinition(body.definition);
    const created = await deps.definitions.create({
      ownerCalUserId: owner,
      title: definition.title,
      draft: definition,
    });
    response.status(201).json({ questionnaire: { ...created, attachments: [] } });
  });

  router.get("/staff/questionnaires/:id", questionnaireRequest, async (_request, response) => {
    const questionnaire = await scoped(principalOf(response), questionnaireRequest.parsed(response).params.id);
    response.json({
      questionnaire: { ...questionnaire, attachments: await deps.definitions.attachments(questionnaire.id) },
    });
  });

  router.put("/staff/questionnaires/:id/draft", json, updateRequest, async (_request, response) => {
    const { params, body } = updateRequest.parsed(response);
    await scoped(principalOf(response), params.id);
    const definition = validDefinition(body.definition);
    const updated = await deps.definitions.updateDraft(params.id, { title: definition.title, draft: definition });
    response.json({ questionnaire: { ...updated!, attachments: await deps.definitions.attachments(params.id) } });
  });

  router.post("/staff/questionnaires/:id/versions", questionnaireRequest, async (_request, response) => {
    const principal = principalOf(response);
    const questionnaire = await scoped(principal, questionnaireRequest.parsed(response).params.id);
    // The draft was valid when saved; checked again, as what is published is what visitors answer.
    validDefinition(questionnaire.draft);
    const version = await deps.definitions.publish(questionnaire.id, principal.userId);
    response.status(201).json({ version });
  });

  router.get("/staff/questionnaires/:id/versions", questionnaireRequest, async (_request, response) => {
    const questionnaire = await scoped(principalOf(response), questionnaireRequest.parsed(response).params.id);
    response.json({ versions: await deps.definitions.versions(questionnaire.id) });
  });

  router.get("/staff/questionnaires/:id/event-types", questionnaireRequest, async (_request, response) => {
    const questionnaire = await scoped(principalOf(response), questionnaireRequest.parsed(response).params.id);
    const eventTypes = await deps.hostEventTypes.forCalUser(questionnaire.ownerCalUserId);
    response.json({
      eventTypes: eventTypes.map((eventType) => ({ id: eventType.id, slug: eventType.slug, title: eventType.title })),
    });
  });

  router.put("/staff/questionnaires/:id/attachments/:eventTypeId", json, attachRequest, async (_request, response) => {
    const principal = principalOf(response);
    const { params, body } = attachRequest.parsed(response);
    const questionnaire = await scoped(principal, params.id);
    if (questionnaire.latestVersion === null)
      throw new HttpError(409, "not_published", "Publish the questionnaire before attaching it");
    // Only to an event type of the questionnaire's owner, whoever attaches it.
    const owned = await deps.hostEventTypes.forCalUser(questionnaire.ownerCalUserId);
    if (!owned.some((eventType) => eventType.id === params.eventTypeId))
      throw notFound("No event type with that id belongs to this questionnaire's host");
    await deps.definitions.attach({
      eventTypeId: params.eventTypeId,
      questionnaireId: questionnaire.id,
      required: body.required,
      attachedBy: principal.userId,
    });
    response.json({
      attachment: { eventTypeId: params.eventTypeId, questionnaireId: questionnaire.id, required: body.required },
    });
  });

  router.delete("/staff/questionnaires/:id/attachments/:eventTypeId", detachRequest, async (_request, response) => {
    const { params } = detachRequest.parsed(response);
    const questionnaire = await scoped(principalOf(response), params.id);
    const detached = await deps.definitions.detach({
      eventTypeId: params.eventTypeId,
      questionnaireId: questionnaire.id,
    });
    if (!detached) throw notFound("This questionnaire is not attached to that event type");
    response.status(204).end();
  });

  router.get("/staff/bookings/:uid/questionnaire-responses", bookingRequest, async (request, response) => {
    const principal = principalOf(response);
    const { uid } = bookingRequest.parsed(response).params;
    const scope = bookingScope(principal, 2);
    const visible = await deps.dataSource.query(
      `SELECT 1 FROM bookings b LEFT JOIN users u ON u.id = b.user_id WHERE b.uid = $1 AND ${scope.condition}`,
      [uid, ...scope.parameters],
    );
    if (visible.length === 0) throw notFound("No booking with that uid");
    const responses = await deps.responses.forBooking(uid);
    // Recorded before the answers leave, like every other read of a booking's personal data.
    await deps.accessLog.record([
      {
        staffUserId: principal.userId,
        staffRole: principal.role,
        bookingUid: uid,
        action: "questionnaire.view",
        clientAddress: deps.clientAddressOf(request),
      },
    ]);
    response.json({ responses });
  });

  return router;
}
