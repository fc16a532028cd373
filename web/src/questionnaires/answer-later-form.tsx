// The answering form on the private answer-later page: the same form as on the booking page, sent with
// the link's token instead of the booking's uid.
"use client";

import type { QuestionnaireDefinition } from "@churchhub/questionnaire";
import { submitAnswersWithLink } from "./answer-actions";
import { QuestionnaireForm } from "./questionnaire-form";

export function AnswerLaterForm(props: { token: string; versionId: string; definition: QuestionnaireDefinition }) {
  return (
    <QuestionnaireForm
      definition={props.definition}
      onSubmit={(answers) => submitAnswersWithLink({ token: props.token, versionId: props.versionId, answers })}
      done={<p>Thank you. Your answers were sent; this link is now used up.</p>}
    />
  );
}
