// A questionnaire as a form: shows the questions the evaluator says are asked, checks the answers with
// the same evaluator before sending, and puts every refusal (the browser's or the server's) beside its
// question. Used on the booking page, on the answer-later page and in the builder's preview.
"use client";

import {
  type AnswerError,
  type Answers,
  type FormValues,
  formState,
  type QuestionnaireDefinition,
} from "@churchhub/questionnaire";
import { type FormEvent, type ReactNode, useMemo, useRef, useState } from "react";
import { QuestionField } from "./questionnaire-fields";
import "./questionnaire.css";

/** What the receiver of the answers said: accepted, or refusals naming questions, or a general failure. */
export type SubmitOutcome = { ok: true } | { ok: false; errors: AnswerError[] } | { ok: false; message: string };

interface QuestionnaireFormProps {
  definition: QuestionnaireDefinition;
  onSubmit: (answers: Answers) => Promise<SubmitOutcome>;
  submitLabel?: string;
  /** Shown in place of the form once the answers are accepted. */
  done: ReactNode;
  /** Heading level of the questionnaire's title (the page decides its outline). */
  headingLevel?: 2 | 3;
}

export function QuestionnaireForm({
  definition,
  onSubmit,
  submitLabel,
  done,
  headingLevel = 2,
}: QuestionnaireFormProps) {
  const [values, setValues] = useState<FormValues>({});
  const [errors, setErrors] = useState<Map<string, string>>(new Map());
  const [formMessage, setFormMessage] = useState<string | null>(null);
  const [attempted, setAttempted] = useState(false);
  const [sending, setSending] = useState(false);
  const [accepted, setAccepted] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const state = useMemo(() => formState(definition, values), [definition, values]);
  const shown = new Set(state.visible);
  // After a first attempt, the browser's own verdict updates as the visitor corrects things.
  const browserErrors = attempted && !state.evaluation.verdict.ok ? state.evaluation.verdict.errors : [];
  const shownErrors = new Map([...errors, ...browserErrors.map((error) => [error.questionId, error.message] as const)]);

  const focusFirstError = (questionIds: string[]) => {
    const first = state.visible.find((id) => questionIds.includes(id));
    const container = first ? formRef.current?.querySelector(`[data-question-id="${first}"]`) : null;
    container?.querySelector<HTMLElement>("input, textarea")?.focus();
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    setFormMessage(null);
    if (!state.evaluation.verdict.ok) {
      setErrors(new Map());
      focusFirstError(state.evaluation.verdict.errors.map((error) => error.questionId));
      return;
    }
    setSending(true);
    try {
      const outcome = await onSubmit(state.answers);
      if (outcome.ok) return setAccepted(true);
      if ("errors" in outcome) {
        setErrors(new Map(outcome.errors.map((error) => [error.questionId, error.message])));
        const unplaced = outcome.errors.filter((error) => !shown.has(error.questionId));
        if (unplaced.length > 0) setFormMessage(unplaced.map((error) => error.message).join(" "));
        focusFirstError(outcome.errors.map((error) => error.questionId));
      } else {
        setFormMessage(outcome.message);
      }
    } catch {
      setFormMessage("Your answers could not be sent. Please try again.");
    } finally {
      setSending(false);
    }
  }

  if (accepted) {
    return (
      <div className="questionnaire-done" data-testid="questionnaire-done" role="status">
        {done}
      </div>
    );
  }

  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <form ref={formRef} className="questionnaire" data-testid="questionnaire" onSubmit={submit} noValidate>
      <Heading className="questionnaire-title">{definition.title}</Heading>
      {definition.description ? <p className="questionnaire-description">{definition.description}</p> : null}
      {definition.sections.map((section) => {
        const questions = section.questions.filter((question) => shown.has(question.id));
        if (questions.length === 0) return null;
        return (
          <div key={section.id} className="questionnaire-section" data-section-id={section.id}>
            {section.title ? <p className="questionnaire-section-title">{section.title}</p> : null}
            {questions.map((question) => (
              <div key={question.id} className="questionnaire-question" data-question-id={question.id}>
                <QuestionField
                  question={question}
                  value={values[question.id]}
                  error={shownErrors.get(question.id)}
                  onChange={(value) => {
                    setValues((previous) => ({ ...previous, [question.id]: value }));
                    // A server refusal is about the value it saw; once changed, the browser judges again.
                    setErrors((previous) => {
                      if (!previous.has(question.id)) return previous;
                      const next = new Map(previous);
                      next.delete(question.id);
                      return next;
                    });
                  }}
                />
              </div>
            ))}
          </div>
        );
      })}
      {formMessage ? (
        <p className="questionnaire-error" role="alert">
          {formMessage}
        </p>
      ) : null}
      {attempted && shownErrors.size > 0 ? (
        <p className="questionnaire-error" role="alert">
          Please check the {shownErrors.size === 1 ? "answer" : "answers"} marked above.
        </p>
      ) : null}
      <button type="submit" className="questionnaire-submit" data-testid="questionnaire-submit" disabled={sending}>
        {sending ? "Sending…" : (submitLabel ?? "Send answers")}
      </button>
    </form>
  );
}
