// Edits one question in the builder: type, id, label, help text, required, what its type needs (choices,
// range), its condition and "end here"; plus moving and removing it. Labels name the question's number.
"use client";

import type { Question, QuestionType } from "@churchhub/questionnaire";
import { ConditionEditor } from "./condition-editor";
import { changeType, QUESTION_TYPE_LABELS } from "./definition-edits";

interface QuestionEditorProps {
  /** "Question 3": its position in the whole questionnaire, used in every label. */
  name: string;
  question: Question;
  earlier: Question[];
  problems: string[];
  onChange: (question: Question) => void;
  onMove: (offset: -1 | 1) => void;
  onRemove: () => void;
  canMoveUp: boolean;
  canMoveDown: boolean;
}

function optionalNumber(text: string): number | undefined {
  return text.trim() === "" || !Number.isFinite(Number(text)) ? undefined : Number(text);
}

function TypeSpecificFields({
  name,
  question,
  onChange,
}: {
  name: string;
  question: Question;
  onChange: (q: Question) => void;
}) {
  switch (question.type) {
    case "singleChoice":
    case "multipleChoice":
      return (
        <fieldset className="builder-choices">
          <legend>Choices of {name}</legend>
          {question.choices.map((choice, index) => {
            const replace = (next: { value: string; label: string }) =>
              onChange({ ...question, choices: question.choices.map((c, i) => (i === index ? next : c)) });
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: a choice's value is being edited; its position is its identity
              <div key={index} className="builder-row">
                <label>
                  Label
                  <input
                    aria-label={`${name}, choice ${index + 1} label`}
                    value={choice.label}
                    onChange={(event) => replace({ ...choice, label: event.target.value })}
                  />
                </label>
                <label>
                  Value
                  <input
                    aria-label={`${name}, choice ${index + 1} value`}
                    value={choice.value}
                    onChange={(event) => replace({ ...choice, value: event.target.value })}
                  />
                </label>
                <button
                  type="button"
                  aria-label={`Remove choice ${index + 1} of ${name}`}
                  disabled={question.choices.length === 1}
                  onClick={() => onChange({ ...question, choices: question.choices.filter((_, i) => i !== index) })}
                >
                  Remove
                </button>
              </div>
            );
          })}
          <button
            type="button"
            onClick={() =>
              onChange({
                ...question,
                choices: [
                  ...question.choices,
                  { value: `choice-${question.choices.length + 1}`, label: "Another choice" },
                ],
              })
            }
          >
            Add a choice to {name}
          </button>
        </fieldset>
      );
    case "number":
      return (
        <div className="builder-row">
          <label>
            Minimum
            <input
              type="number"
              aria-label={`${name} minimum`}
              value={question.min ?? ""}
              onChange={(event) => onChange({ ...question, min: optionalNumber(event.target.value) })}
            />
          </label>
          <label>
            Maximum
            <input
              type="number"
              aria-label={`${name} maximum`}
              value={question.max ?? ""}
              onChange={(event) => onChange({ ...question, max: optionalNumber(event.target.value) })}
            />
          </label>
          <label>
            <input
              type="checkbox"
              checked={question.integer === true}
              onChange={(event) => onChange({ ...question, integer: event.target.checked || undefined })}
            />
            Whole numbers only
          </label>
        </div>
      );
    case "scale":
      return (
        <div className="builder-row">
          <label>
            From
            <input
              type="number"
              aria-label={`${name} scale from`}
              value={question.min}
              onChange={(event) => onChange({ ...question, min: optionalNumber(event.target.value) ?? 0 })}
            />
          </label>
          <label>
            To
            <input
              type="number"
              aria-label={`${name} scale to`}
              value={question.max}
              onChange={(event) => onChange({ ...question, max: optionalNumber(event.target.value) ?? 0 })}
            />
          </label>
          <label>
            Words for the lowest
            <input
              value={question.minLabel ?? ""}
              onChange={(event) => onChange({ ...question, minLabel: event.target.value || undefined })}
            />
          </label>
          <label>
            Words for the highest
            <input
              value={question.maxLabel ?? ""}
              onChange={(event) => onChange({ ...question, maxLabel: event.target.value || undefined })}
            />
          </label>
        </div>
      );
    default:
      return null;
  }
}

export function QuestionEditor(props: QuestionEditorProps) {
  const { name, question, onChange } = props;
  return (
    <li className="builder-question" data-builder-question={question.id}>
      <div className="builder-heading-row">
        <h3>
          {name}: {question.label || "(no label)"}
        </h3>
        <div className="builder-actions">
          <button
            type="button"
            aria-label={`Move ${name} up`}
            disabled={!props.canMoveUp}
            onClick={() => props.onMove(-1)}
          >
            Up
          </button>
          <button
            type="button"
            aria-label={`Move ${name} down`}
            disabled={!props.canMoveDown}
            onClick={() => props.onMove(1)}
          >
            Down
          </button>
          <button type="button" aria-label={`Remove ${name}`} onClick={props.onRemove}>
            Remove
          </button>
        </div>
      </div>
      {props.problems.length > 0 ? (
        <ul className="builder-problems">
          {props.problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      ) : null}
      <div className="builder-row">
        <label>
          Type
          <select
            aria-label={`${name} type`}
            value={question.type}
            onChange={(event) => onChange(changeType(question, event.target.value as QuestionType))}
          >
            {Object.entries(QUESTION_TYPE_LABELS).map(([type, label]) => (
              <option key={type} value={type}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Id
          <input
            aria-label={`${name} id`}
            value={question.id}
            onChange={(event) => onChange({ ...question, id: event.target.value })}
          />
        </label>
        {question.type !== "info" ? (
          <label>
            <input
              type="checkbox"
              aria-label={`${name} required`}
              checked={question.required}
              onChange={(event) => onChange({ ...question, required: event.target.checked })}
            />
            Required
          </label>
        ) : null}
      </div>
      <label className="builder-wide">
        {question.type === "info" ? "Text" : question.type === "consent" ? "Statement agreed to" : "Label"}
        <input
          aria-label={`${name} label`}
          value={question.label}
          onChange={(event) => onChange({ ...question, label: event.target.value })}
        />
      </label>
      <label className="builder-wide">
        Help text
        <input
          aria-label={`${name} help text`}
          value={question.helpText ?? ""}
          onChange={(event) => onChange({ ...question, helpText: event.target.value || undefined })}
        />
      </label>
      <TypeSpecificFields name={name} question={question} onChange={onChange} />
      <ConditionEditor
        ownerName={name}
        condition={question.condition}
        earlier={props.earlier}
        onChange={(condition) => onChange({ ...question, condition })}
      />
      <label>
        <input
          type="checkbox"
          aria-label={`${name} ends the questionnaire`}
          checked={question.endHere === true}
          onChange={(event) => onChange({ ...question, endHere: event.target.checked || undefined })}
        />
        End here: when {name.toLowerCase()} is shown, ask nothing after it
      </label>
    </li>
  );
}
