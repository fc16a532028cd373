// Edits "show only when ..." for a question or a section: one group of comparisons on earlier questions,
// all or any of which must hold. Every control has a label naming what it belongs to.
"use client";

import type { Comparison, Condition, ConditionValue, Question } from "@churchhub/questionnaire";
import {
  defaultComparison,
  type FlatCondition,
  flatten,
  OPERATOR_LABELS,
  operatorsFor,
  unflatten,
  withOperator,
} from "./definition-edits";

interface ConditionEditorProps {
  /** Names the owner in labels, e.g. "question 3" or "section 2". */
  ownerName: string;
  condition: Condition | undefined;
  /** Answerable questions before the owner: the only ones a condition may read. */
  earlier: Question[];
  onChange: (condition: Condition | undefined) => void;
}

function parseList(text: string, numeric: boolean): ConditionValue[] {
  const items = text
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
  return numeric ? items.map(Number).filter((n) => Number.isFinite(n)) : items;
}

function ValueInput(props: {
  label: string;
  comparison: Comparison;
  question: Question | undefined;
  onChange: (comparison: Comparison) => void;
}) {
  const { comparison, question, label } = props;
  if (!question) return null;
  const numeric = question.type === "number" || question.type === "scale";
  if (comparison.op === "anyOf") {
    if (question.type === "singleChoice" || question.type === "multipleChoice") {
      return (
        <fieldset className="builder-inline-options">
          <legend className="visually-hidden">{label}</legend>
          {question.choices.map((choice) => (
            <label key={choice.value}>
              <input
                type="checkbox"
                checked={comparison.values.includes(choice.value)}
                onChange={(event) => {
                  const values = event.target.checked
                    ? [...comparison.values, choice.value]
                    : comparison.values.filter((value) => value !== choice.value);
                  props.onChange({ ...comparison, values });
                }}
              />
              {choice.label}
            </label>
          ))}
        </fieldset>
      );
    }
    return (
      <input
        type="text"
        aria-label={`${label} (separated by commas)`}
        defaultValue={comparison.values.join(", ")}
        onChange={(event) => props.onChange({ ...comparison, values: parseList(event.target.value, numeric) })}
      />
    );
  }
  const value = comparison.value;
  if (question.type === "singleChoice" || question.type === "multipleChoice") {
    return (
      <select
        aria-label={label}
        value={String(value)}
        onChange={(event) => props.onChange({ ...comparison, value: event.target.value } as Comparison)}
      >
        {question.choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    );
  }
  if (question.type === "yesNo" || question.type === "consent") {
    return (
      <select
        aria-label={label}
        value={value === true ? "true" : "false"}
        onChange={(event) => props.onChange({ ...comparison, value: event.target.value === "true" } as Comparison)}
      >
        <option value="true">{question.type === "consent" ? "Ticked" : "Yes"}</option>
        <option value="false">{question.type === "consent" ? "Not ticked" : "No"}</option>
      </select>
    );
  }
  return (
    <input
      type={numeric ? "number" : question.type === "date" ? "date" : "text"}
      aria-label={label}
      value={String(value)}
      onChange={(event) => {
        const text = event.target.value;
        props.onChange({ ...comparison, value: numeric ? Number(text) : text } as Comparison);
      }}
    />
  );
}

export function ConditionEditor({ ownerName, condition, earlier, onChange }: ConditionEditorProps) {
  const flat = flatten(condition);
  const answerable = earlier.filter((question) => question.type !== "info");
  const first = answerable[0];

  if (flat === "nested") {
    return (
      <div className="builder-condition">
        <p>Shown only when a nested condition holds (made outside the builder).</p>
        <button type="button" onClick={() => onChange(undefined)}>
          Remove the condition of {ownerName}
        </button>
      </div>
    );
  }
  if (!flat) {
    return (
      <div className="builder-condition">
        {first ? (
          <button
            type="button"
            onClick={() => onChange(unflatten({ mode: "all", comparisons: [defaultComparison(first)!] }))}
          >
            Add a condition to {ownerName}
          </button>
        ) : (
          <p className="builder-hint">Always shown (a condition can read only questions before it).</p>
        )}
      </div>
    );
  }

  const update = (next: FlatCondition) => onChange(unflatten(next));
  const byId = new Map(answerable.map((question) => [question.id, question]));
  return (
    <fieldset className="builder-condition">
      <legend>Show {ownerName} only when</legend>
      {flat.comparisons.length > 1 ? (
        <label>
          Match{" "}
          <select
            value={flat.mode}
            onChange={(event) => update({ ...flat, mode: event.target.value as "all" | "any" })}
          >
            <option value="all">all of these</option>
            <option value="any">any of these</option>
          </select>
        </label>
      ) : null}
      {flat.comparisons.map((comparison, index) => {
        const target = byId.get(comparison.question);
        const rowName = `${ownerName}, comparison ${index + 1}`;
        const replace = (next: Comparison) =>
          update({ ...flat, comparisons: flat.comparisons.map((c, i) => (i === index ? next : c)) });
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: comparisons have no identity but their position
          <div key={index} className="builder-comparison">
            <select
              aria-label={`Question read by ${rowName}`}
              value={comparison.question}
              onChange={(event) => {
                const question = byId.get(event.target.value);
                const next = question ? defaultComparison(question) : undefined;
                if (next) replace(next);
              }}
            >
              {target ? null : (
                <option value={comparison.question}>{comparison.question} (not an earlier question)</option>
              )}
              {answerable.map((question) => (
                <option key={question.id} value={question.id}>
                  {question.label} ({question.id})
                </option>
              ))}
            </select>
            <select
              aria-label={`Operator of ${rowName}`}
              value={comparison.op}
              onChange={(event) =>
                target && replace(withOperator(comparison, event.target.value as Comparison["op"], target))
              }
            >
              {(target ? operatorsFor(target.type) : [comparison.op]).map((op) => (
                <option key={op} value={op}>
                  {OPERATOR_LABELS[op]}
                </option>
              ))}
            </select>
            <ValueInput label={`Value of ${rowName}`} comparison={comparison} question={target} onChange={replace} />
            <button
              type="button"
              aria-label={`Remove ${rowName}`}
              onClick={() => update({ ...flat, comparisons: flat.comparisons.filter((_, i) => i !== index) })}
            >
              Remove
            </button>
          </div>
        );
      })}
      {first ? (
        <button
          type="button"
          onClick={() => update({ ...flat, comparisons: [...flat.comparisons, defaultComparison(first)!] })}
        >
          Add a comparison to {ownerName}
        </button>
      ) : null}
    </fieldset>
  );
}
