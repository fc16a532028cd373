// The staff area's questionnaire calls to the api (tag `questionnaires`), on behalf of the signed-in
// person: their session cookie is forwarded and, on changes, the CSRF token their session was given. The
// api scopes everything (a host: their own event types; an administrator: all). Server-only.
import "server-only";
import type { DefinitionProblem, QuestionnaireDefinition } from "@churchhub/questionnaire";
import { StaffNotFoundError, staffApiSend } from "../staff-api";

export interface StaffQuestionnaireSummary {
  id: string;
  ownerCalUserId: number;
  title: string;
  latestVersion: number | null;
  updatedAt: string;
}

export interface StaffQuestionnaire extends StaffQuestionnaireSummary {
  draft: QuestionnaireDefinition;
  attachments: Array<{ eventTypeId: number; questionnaireId: string; required: boolean }>;
}

/** An event type of the questionnaire's host (Cal.com's public list), where it may be attached. */
export interface StaffEventType {
  id: number;
  slug: string;
  title: string;
}

/** A booking's answers, opened for its host or an administrator (the api logs the read). */
export interface StaffQuestionnaireResponse {
  responseId: string;
  title: string;
  version: number;
  definition: QuestionnaireDefinition;
  answers: Record<string, unknown>;
  submittedAt: string;
}

/** A change the api refused, with what it said (e.g. the definition's problems). */
export class StaffChangeRefusedError extends Error {
  constructor(
    message: string,
    readonly problems: DefinitionProblem[] = [],
  ) {
    super(message);
    this.name = "StaffChangeRefusedError";
  }
}

async function send<T>(method: "POST" | "PUT" | "DELETE", path: string, body?: unknown): Promise<T | null> {
  const answer = await staffApiSend<T>(method, path, body);
  if (answer.status === 404) throw new StaffNotFoundError();
  if (answer.status >= 400 && answer.status < 500) {
    const refusal = answer.body as { error?: { message?: string; problems?: DefinitionProblem[] } } | undefined;
    throw new StaffChangeRefusedError(
      refusal?.error?.message ?? `refused (HTTP ${answer.status})`,
      refusal?.error?.problems,
    );
  }
  if (answer.status >= 500) throw new Error(`staff api ${method} ${path}: HTTP ${answer.status}`);
  return answer.status === 204 ? null : (answer.body as T);
}

const questionnairePath = (id: string) => `/staff/questionnaires/${encodeURIComponent(id)}`;

/** Where pages read (through loadStaffData), with what each answers. */
export const staffQuestionnairePaths = {
  /** `{ questionnaires: StaffQuestionnaireSummary[] }` */
  list: "/staff/questionnaires",
  /** `{ questionnaire: StaffQuestionnaire }` */
  one: questionnairePath,
  /** `{ eventTypes: StaffEventType[] }`: the questionnaire's host's event types */
  eventTypes: (id: string) => `${questionnairePath(id)}/event-types`,
  /** `{ responses: StaffQuestionnaireResponse[] }` */
  bookingResponses: (uid: string) => `/staff/bookings/${encodeURIComponent(uid)}/questionnaire-responses`,
};

export const staffQuestionnaireApi = {
  create: (input: { ownerCalUserId?: number; definition: QuestionnaireDefinition }) =>
    send<{ questionnaire: StaffQuestionnaire }>("POST", "/staff/questionnaires", input),
  saveDraft: (id: string, definition: QuestionnaireDefinition) =>
    send<{ questionnaire: StaffQuestionnaire }>("PUT", `${questionnairePath(id)}/draft`, { definition }),
  publish: (id: string) =>
    send<{ version: { id: string; version: number } }>("POST", `${questionnairePath(id)}/versions`),
  attach: (id: string, eventTypeId: number, required: boolean) =>
    send<unknown>("PUT", `${questionnairePath(id)}/attachments/${eventTypeId}`, { required }),
};
