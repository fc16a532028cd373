// The questionnaire step on the booking page, once the Booker has confirmed: the event type's questions
// for this booking (known by its uid), and a private link to answer later instead.
"use client";

import type { QuestionnaireDefinition } from "@churchhub/questionnaire";
import { useEffect, useState } from "react";
import { answerLaterPath, submitAnswersAfterBooking } from "./answer-actions";
import { QuestionnaireForm } from "./questionnaire-form";

export interface BookingQuestionnaireProps {
  bookingUid: string;
  eventTypeId: number;
  hostName: string;
  questionnaire: { versionId: string; required: boolean; definition: QuestionnaireDefinition };
}

export function BookingQuestionnaire({ bookingUid, eventTypeId, hostName, questionnaire }: BookingQuestionnaireProps) {
  const [laterPath, setLaterPath] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    answerLaterPath({ bookingUid, eventTypeId })
      .then((path) => current && setLaterPath(path))
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [bookingUid, eventTypeId]);

  return (
    <section className="questionnaire-step" aria-label="Questions before your appointment">
      <p className="questionnaire-intro">
        {questionnaire.required
          ? `${hostName} asks you to answer a few questions before you meet.`
          : `${hostName} would find it helpful if you answered a few questions (optional).`}{" "}
        Only {hostName} and the church’s administrators can read your answers.
      </p>
      <QuestionnaireForm
        definition={questionnaire.definition}
        onSubmit={(answers) =>
          submitAnswersAfterBooking({ bookingUid, eventTypeId, versionId: questionnaire.versionId, answers })
        }
        done={<p>Thank you. Your answers were sent to {hostName}.</p>}
      />
      {laterPath ? (
        <p className="questionnaire-later" data-testid="questionnaire-later-link">
          No time now? <a href={laterPath}>Answer later with your private link</a> (keep it to yourself; it works once,
          until the appointment starts).
        </p>
      ) : null}
    </section>
  );
}
