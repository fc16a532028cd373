// The staff questionnaire builder: edits a draft (sections, questions, conditions, order), checks it with
// the evaluator package's validateDefinition as it changes, previews it with the very form visitors get,
// saves, publishes an immutable version and attaches the questionnaire to event types.
"use client";

import {
  type DefinitionProblem,
  evaluate,
  type Question,
  type QuestionnaireDefinition,
  type QuestionType,
  validateDefinition,
} from "@churchhub/questionnaire";
import { useMemo, useState, useTransition } from "react";
import { QuestionnaireForm } from "../questionnaire-form";
import { ConditionEditor } from "./condition-editor";
import {
  editQuestion,
  editSection,
  freshId,
  moveQuestion,
  moveSection,
  newQuestion,
  QUESTION_TYPE_LABELS,
  removeQuestion,
  removeSection,
} from "./definition-edits";
import { QuestionEditor } from "./question-editor";

export type BuilderActionResult =
  | { ok: true; message: string }
  | { ok: false; message: string; problems?: DefinitionProblem[] };

export interface AttachableEventType {
  id: number;
  title: string;
  /** Whether this questionnaire is attached to it now, and how. */
  attached: { required: boolean } | null;
}

export interface QuestionnaireBuilderProps {
  questionnaireId: string;
  initialDefinition: QuestionnaireDefinition;
  latestVersion: number | null;
  eventTypes: AttachableEventType[];
  save: (questionnaireId: string, definition: QuestionnaireDefinition) => Promise<BuilderActionResult>;
  publish: (questionnaireId: string, definition: QuestionnaireDefinition) => Promise<BuilderActionResult>;
  attach: (questionnaireId: string, eventTypeId: number, required: boolean) => Promise<BuilderActionResult>;
}

/** Answerable questions before position (s, q), in order: what a condition there may read. */
function questionsBefore(definition: QuestionnaireDefinition, sectionIndex: number, questionIndex: number): Question[] {
  return definition.sections.flatMap((section, s) =>
    s < sectionIndex ? section.questions : s === sectionIndex ? section.questions.slice(0, questionIndex) : [],
  );
}

export function QuestionnaireBuilder(props: QuestionnaireBuilderProps) {
  const [definition, setDefinition] = useState(props.initialDefinition);
  const [newType, setNewType] = useState<QuestionType>("shortText");
  const [status, setStatus] = useState<BuilderActionResult | null>(null);
  const [latestVersion, setLatestVersion] = useState(props.latestVersion);
  const [previewRun, setPreviewRun] = useState(0);
  const [pending, startTransition] = useTransition();
  const [attachTo, setAttachTo] = useState<string>(props.eventTypes[0] ? String(props.eventTypes[0].id) : "");
  const [attachRequired, setAttachRequired] = useState(true);

  const validation = useMemo(() => validateDefinition(definition), [definition]);
  const problems = validation.ok ? [] : validation.problems;
  const problemsFor = (id: string) => problems.filter((problem) => problem.subjectId === id).map((p) => p.message);
  let questionNumber = 0;

  const run = (action: () => Promise<BuilderActionResult>, after?: (result: BuilderActionResult) => void) =>
    startTransition(async () => {
      const result = await action().catch(
        (): BuilderActionResult => ({ ok: false, message: "The server could not be reached. Nothing was changed." }),
      );
      setStatus(result);
      after?.(result);
    });

  return (
    <div className="builder">
      <div className="builder-editor">
        <label className="builder-wide">
          Title
          <input
            value={definition.title}
            onChange={(event) => setDefinition({ ...definition, title: event.target.value })}
          />
        </label>
        <label className="builder-wide">
          Introduction (optional)
          <textarea
            rows={2}
            value={definition.description ?? ""}
            onChange={(event) => setDefinition({ ...definition, description: event.target.value || undefined })}
          />
        </label>

        {definition.sections.map((section, s) => {
          const sectionName = `Section ${s + 1}`;
          const firstQuestionIndex = questionNumber;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: ids are editable; the position is the stable identity
            <section key={s} className="builder-section" aria-label={sectionName}>
              <div className="builder-heading-row">
                <h2>
                  {sectionName}
                  {section.title ? `: ${section.title}` : ""}
                </h2>
                <div className="builder-actions">
                  <button
                    type="button"
                    aria-label={`Move ${sectionName} up`}
                    disabled={s === 0}
                    onClick={() => setDefinition(moveSection(definition, s, -1))}
                  >
                    Up
                  </button>
                  <button
                    type="button"
                    aria-label={`Move ${sectionName} down`}
                    disabled={s === definition.sections.length - 1}
                    onClick={() => setDefinition(moveSection(definition, s, 1))}
                  >
                    Down
                  </button>
                  <button
                    type="button"
                    aria-label={`Remove ${sectionName}`}
                    disabled={definition.sections.length === 1}
                    onClick={() => setDefinition(removeSection(definition, s))}
                  >
                    Remove
                  </button>
                </div>
              </div>
              {problemsFor(section.id).length > 0 ? (
                <ul className="builder-problems">
                  {problemsFor(section.id).map((problem) => (
                    <li key={problem}>{problem}</li>
                  ))}
                </ul>
              ) : null}
              <div className="builder-row">
                <label>
                  Section title
                  <input
                    aria-label={`${sectionName} title`}
                    value={section.title ?? ""}
                    onChange={(event) =>
                      setDefinition(
                        editSection(definition, s, (x) => ({ ...x, title: event.target.value || undefined })),
                      )
                    }
                  />
                </label>
                <label>
                  Id
                  <input
                    aria-label={`${sectionName} id`}
                    value={section.id}
                    onChange={(event) =>
                      setDefinition(editSection(definition, s, (x) => ({ ...x, id: event.target.value })))
                    }
                  />
                </label>
              </div>
              <ConditionEditor
                ownerName={sectionName.toLowerCase()}
                condition={section.condition}
                earlier={questionsBefore(definition, s, 0)}
                onChange={(condition) => setDefinition(editSection(definition, s, (x) => ({ ...x, condition })))}
              />
              <ol className="builder-questions" start={firstQuestionIndex + 1}>
                {section.questions.map((question, q) => {
                  questionNumber += 1;
                  const isFirst = s === 0 && q === 0;
                  const isLast = s === definition.sections.length - 1 && q === section.questions.length - 1;
                  return (
                    <QuestionEditor
                      // biome-ignore lint/suspicious/noArrayIndexKey: ids are editable; the position is the stable identity
                      key={q}
                      name={`Question ${questionNumber}`}
                      question={question}
                      earlier={questionsBefore(definition, s, q)}
                      problems={problemsFor(question.id)}
                      canMoveUp={!isFirst}
                      canMoveDown={!isLast}
                      onChange={(next) => setDefinition(editQuestion(definition, s, q, () => next))}
                      onMove={(offset) => setDefinition(moveQuestion(definition, s, q, offset))}
                      onRemove={() => setDefinition(removeQuestion(definition, s, q))}
                    />
                  );
                })}
              </ol>
              <div className="builder-row">
                <label>
                  New question type
                  <select
                    aria-label={`New question type for ${sectionName}`}
                    value={newType}
                    onChange={(event) => setNewType(event.target.value as QuestionType)}
                  >
                    {Object.entries(QUESTION_TYPE_LABELS).map(([type, label]) => (
                      <option key={type} value={type}>
                        {label}
                      </option>
                    ))}
                  </select>
                </label>
                <button
                  type="button"
                  onClick={() =>
                    setDefinition(
                      editSection(definition, s, (x) => ({
                        ...x,
                        questions: [...x.questions, newQuestion(newType, freshId(definition, "question"))],
                      })),
                    )
                  }
                >
                  Add a question to {sectionName.toLowerCase()}
                </button>
              </div>
            </section>
          );
        })}
        <button
          type="button"
          onClick={() =>
            setDefinition({
              ...definition,
              sections: [...definition.sections, { id: freshId(definition, "section"), questions: [] }],
            })
          }
        >
          Add a section
        </button>

        <div className="builder-status" role="status" aria-live="polite">
          {problems.length === 0 ? (
            <p>No problems found.</p>
          ) : (
            <>
              <p>
                {problems.length} {problems.length === 1 ? "problem" : "problems"} to fix before saving:
              </p>
              <ul className="builder-problems" data-testid="builder-problems">
                {problems.map((problem) => (
                  <li key={`${problem.path}:${problem.message}`}>{problem.message}</li>
                ))}
              </ul>
            </>
          )}
          {status ? <p className={status.ok ? "builder-ok" : "builder-failed"}>{status.message}</p> : null}
        </div>
        <div className="builder-actions">
          <button
            type="button"
            disabled={pending || problems.length > 0}
            onClick={() => run(() => props.save(props.questionnaireId, definition))}
          >
            Save draft
          </button>
          <button
            type="button"
            disabled={pending || problems.length > 0}
            onClick={() =>
              run(
                () => props.publish(props.questionnaireId, definition),
                (result) => {
                  const published = result.ok ? /version (\d+)/.exec(result.message) : null;
                  if (published) setLatestVersion(Number(published[1]));
                },
              )
            }
          >
            Save and publish
          </button>
        </div>
        <p>{latestVersion === null ? "Not published yet." : `Published version: ${latestVersion}.`}</p>

        <fieldset className="builder-attach" data-testid="builder-attach">
          <legend>Attach to an event type</legend>
          {latestVersion === null ? (
            <p className="builder-hint">Publish first: visitors answer the newest published version.</p>
          ) : null}
          {props.eventTypes.length === 0 ? (
            <p>No event types to attach to.</p>
          ) : (
            <>
              <label>
                Event type
                <select
                  aria-label="Event type to attach to"
                  value={attachTo}
                  onChange={(event) => setAttachTo(event.target.value)}
                >
                  {props.eventTypes.map((eventType) => (
                    <option key={eventType.id} value={eventType.id}>
                      {eventType.title}
                      {eventType.attached
                        ? ` (attached, ${eventType.attached.required ? "required" : "optional"})`
                        : ""}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                <input
                  type="radio"
                  name="attach-required"
                  checked={attachRequired}
                  onChange={() => setAttachRequired(true)}
                />
                Required for visitors
              </label>
              <label>
                <input
                  type="radio"
                  name="attach-required"
                  checked={!attachRequired}
                  onChange={() => setAttachRequired(false)}
                />
                Optional for visitors
              </label>
              <button
                type="button"
                disabled={pending || latestVersion === null || attachTo === ""}
                onClick={() => run(() => props.attach(props.questionnaireId, Number(attachTo), attachRequired))}
              >
                Attach
              </button>
            </>
          )}
        </fieldset>
      </div>

      <section className="builder-preview" aria-labelledby="builder-preview-heading" data-testid="builder-preview">
        <h2 id="builder-preview-heading">Preview</h2>
        {validation.ok ? (
          <QuestionnaireForm
            key={previewRun}
            definition={validation.definition}
            headingLevel={3}
            submitLabel="Check these answers"
            onSubmit={async (answers) => {
              // The same verdict the server gives; nothing is sent anywhere.
              const { verdict } = evaluate(validation.definition, answers);
              return verdict.ok ? { ok: true } : { ok: false, errors: verdict.errors };
            }}
            done={
              <>
                <p>These answers would be accepted.</p>
                <button type="button" onClick={() => setPreviewRun((n) => n + 1)}>
                  Start the preview again
                </button>
              </>
            }
          />
        ) : (
          <p>The preview appears once the problems are fixed.</p>
        )}
      </section>
    </div>
  );
}
