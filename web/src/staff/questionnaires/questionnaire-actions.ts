// Server actions behind the builder's buttons: save the draft, publish it, attach it to an event type.
// Each re-checks the definition with the evaluator package before the api (which checks it again).
"use server";

import { type QuestionnaireDefinition, validateDefinition } from "@churchhub/questionnaire";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { BuilderActionResult } from "../../questionnaires/builder/questionnaire-builder";
import { emptyDefinition } from "../../questionnaires/builder/definition-edits";
import { StaffChangeRefusedError, staffQuestionnaireApi } from "./staff-questionnaire-api";

async function attempt(action: () => Promise<string>): Promise<BuilderActionResult> {
  try {
    return { ok: true, message: await action() };
  } catch (error) {
    if (error instanceof StaffChangeRefusedError)
      return { ok: false, message: error.message, problems: error.problems };
    throw error;
  }
}

function checked(definition: QuestionnaireDefinition): QuestionnaireDefinition {
  const result = validateDefinition(definition);
  if (!result.ok) throw new StaffChangeRefusedError("The questionnaire has problems to fix first.", result.problems);
  return result.definition;
}

export async function saveQuestionnaireDraft(id: string, definition: QuestionnaireDefinition) {
  return attempt(async () => {
    await staffQuestionnaireApi.saveDraft(id, checked(definition));
    revalidatePath(`/staff/questionnaires/${id}`);
    return "Draft saved.";
  });
}

export async function publishQuestionnaire(id: string, definition: QuestionnaireDefinition) {
  return attempt(async () => {
    await staffQuestionnaireApi.saveDraft(id, checked(definition));
    const published = await staffQuestionnaireApi.publish(id);
    revalidatePath(`/staff/questionnaires/${id}`);
    return `Published as version ${published?.version.version}.`;
  });
}

export async function attachQuestionnaire(id: string, eventTypeId: number, required: boolean) {
  return attempt(async () => {
    await staffQuestionnaireApi.attach(id, eventTypeId, required);
    revalidatePath(`/staff/questionnaires/${id}`);
    return `Attached as ${required ? "required" : "optional"}.`;
  });
}

/** The "New questionnaire" form: creates a draft with one question and opens it in the builder. */
export async function createQuestionnaire(formData: FormData): Promise<void> {
  const title = String(formData.get("title") ?? "").trim() || "New questionnaire";
  const owner = Number(formData.get("ownerCalUserId"));
  const created = await staffQuestionnaireApi.create({
    ...(Number.isInteger(owner) && owner > 0 ? { ownerCalUserId: owner } : {}),
    definition: emptyDefinition(title),
  });
  redirect(`/staff/questionnaires/${encodeURIComponent(created?.questionnaire.id ?? "")}`);
}
