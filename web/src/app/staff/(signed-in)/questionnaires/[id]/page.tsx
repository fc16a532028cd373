// The builder for one questionnaire: its draft, published version and attachments, edited in the client;
// it may be attached to its host's event types only.
import type { Metadata } from "next";
import Link from "next/link";
import { QuestionnaireBuilder } from "../../../../../questionnaires/builder/questionnaire-builder";
import {
  attachQuestionnaire,
  publishQuestionnaire,
  saveQuestionnaireDraft,
} from "../../../../../staff/questionnaires/questionnaire-actions";
import {
  type StaffEventType,
  type StaffQuestionnaire,
  staffQuestionnairePaths,
} from "../../../../../staff/questionnaires/staff-questionnaire-api";
import { loadStaffData } from "../../../../../staff/staff-page-data";

export const metadata: Metadata = { title: "Questionnaire builder" };
export const dynamic = "force-dynamic";

export default async function QuestionnaireBuilderPage({ params }: { params: Promise<{ id: string }> }) {
  const id = decodeURIComponent((await params).id);
  const [{ questionnaire }, { eventTypes }] = await Promise.all([
    loadStaffData<{ questionnaire: StaffQuestionnaire }>(staffQuestionnairePaths.one(id)),
    loadStaffData<{ eventTypes: StaffEventType[] }>(staffQuestionnairePaths.eventTypes(id)),
  ]);
  const attachable = eventTypes.map((eventType) => {
    const attachment = questionnaire.attachments.find((attached) => attached.eventTypeId === eventType.id);
    return {
      id: eventType.id,
      title: eventType.title,
      attached: attachment ? { required: attachment.required } : null,
    };
  });
  return (
    <div className="grid gap-4">
      <p>
        <Link className="text-primary underline" href="/staff/questionnaires">
          ← All questionnaires
        </Link>
      </p>
      <h1 className="font-semibold text-2xl">{questionnaire.title}</h1>
      <QuestionnaireBuilder
        questionnaireId={questionnaire.id}
        initialDefinition={questionnaire.draft}
        latestVersion={questionnaire.latestVersion}
        eventTypes={attachable}
        save={saveQuestionnaireDraft}
        publish={publishQuestionnaire}
        attach={attachQuestionnaire}
      />
    </div>
  );
}
