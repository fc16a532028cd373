// One question of a questionnaire as form controls: its label, help text, the input its type calls for,
// and the message the evaluator (browser or server) gave for it.
"use client";

import type { FieldValue, Question } from "@churchhub/questionnaire";

interface QuestionFieldProps {
  question: Question;
  value: FieldValue | undefined;
  error: string | undefined;
  onChange: (value: FieldValue) => void;
}

function Describedby({ id, helpText, error }: { id: string; helpText?: string; error?: string }) {
  return (
    <>
      {helpText ? (
        <p className="questionnaire-help" id={`${id}-help`}>
          {helpText}
        </p>
      ) : null}
      {error ? (
        <p className="questionnaire-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </>
  );
}

function describedBy(id: string, helpText: string | undefined, error: string | undefined): string | undefined {
  const ids = [helpText ? `${id}-help` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

function RequiredMark({ required }: { required: boolean }) {
  return required ? (
    <span className="questionnaire-required">
      {" "}
      <span aria-hidden="true">*</span>
      <span className="visually-hidden">(required)</span>
    </span>
  ) : null;
}

/** Radio buttons or checkboxes in a fieldset whose legend is the question's label. */
function OptionGroup(props: {
  question: Question & { required: boolean };
  kind: "radio" | "checkbox";
  options: Array<{ value: string; label: string }>;
  selected: string[];
  error: string | undefined;
  onToggle: (value: string, checked: boolean) => void;
}) {
  const { question, error } = props;
  const fieldId = `q-${question.id}`;
  return (
    <fieldset
      className="questionnaire-options"
      aria-describedby={describedBy(fieldId, question.helpText, error)}
      aria-invalid={error ? true : undefined}
    >
      <legend className="questionnaire-label">
        {question.label}
        <RequiredMark required={question.required} />
      </legend>
      <Describedby id={fieldId} helpText={question.helpText} error={error} />
      {props.options.map((option) => (
        <label key={option.value} className="questionnaire-option">
          <input
            type={props.kind}
            name={fieldId}
            value={option.value}
            checked={props.selected.includes(option.value)}
            onChange={(event) => props.onToggle(option.value, event.target.checked)}
          />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}

export function QuestionField({ question, value, error, onChange }: QuestionFieldProps) {
  const fieldId = `q-${question.id}`;
  if (question.type === "info") {
    return (
      <div className="questionnaire-info">
        <p className="questionnaire-label">{question.label}</p>
        {question.helpText ? <p className="questionnaire-help">{question.helpText}</p> : null}
      </div>
    );
  }
  const text = typeof value === "string" ? value : "";
  const inputProps = {
    id: fieldId,
    "aria-describedby": describedBy(fieldId, question.helpText, error),
    "aria-invalid": error ? true : undefined,
    "aria-required": question.required || undefined,
  };
  const label = (
    <label className="questionnaire-label" htmlFor={fieldId}>
      {question.label}
      <RequiredMark required={question.required} />
    </label>
  );

  switch (question.type) {
    case "singleChoice":
    case "multipleChoice":
    case "yesNo":
    case "scale": {
      const options =
        question.type === "yesNo"
          ? [
              { value: "yes", label: "Yes" },
              { value: "no", label: "No" },
            ]
          : question.type === "scale"
            ? Array.from({ length: question.max - question.min + 1 }, (_, index) => {
                const point = question.min + index;
                const words =
                  point === question.min ? question.minLabel : point === question.max ? question.maxLabel : "";
                return { value: String(point), label: words ? `${point} (${words})` : String(point) };
              })
            : question.choices;
      const multiple = question.type === "multipleChoice";
      const selected = multiple ? (Array.isArray(value) ? value : []) : text ? [text] : [];
      return (
        <OptionGroup
          question={question}
          kind={multiple ? "checkbox" : "radio"}
          options={options}
          selected={selected}
          error={error}
          onToggle={(option, checked) => {
            if (!multiple) return onChange(option);
            // Keep the definition's order, whatever order the boxes were ticked in.
            const next = new Set(checked ? [...selected, option] : selected.filter((item) => item !== option));
            onChange(options.map((choice) => choice.value).filter((choice) => next.has(choice)));
          }}
        />
      );
    }
    case "consent":
      return (
        <div className="questionnaire-consent">
          <label className="questionnaire-option" htmlFor={fieldId}>
            <input
              {...inputProps}
              type="checkbox"
              checked={value === true}
              onChange={(event) => onChange(event.target.checked)}
            />
            <span className="questionnaire-label">
              {question.label}
              <RequiredMark required={question.required} />
            </span>
          </label>
          <Describedby id={fieldId} helpText={question.helpText} error={error} />
        </div>
      );
    case "longText":
      return (
        <>
          {label}
          <Describedby id={fieldId} helpText={question.helpText} error={error} />
          <textarea {...inputProps} rows={4} value={text} onChange={(event) => onChange(event.target.value)} />
        </>
      );
    case "number":
      return (
        <>
          {label}
          <Describedby id={fieldId} helpText={question.helpText} error={error} />
          <input
            {...inputProps}
            type="text"
            inputMode={question.integer ? "numeric" : "decimal"}
            value={text}
            onChange={(event) => onChange(event.target.value)}
          />
        </>
      );
    case "date":
      return (
        <>
          {label}
          <Describedby id={fieldId} helpText={question.helpText} error={error} />
          <input {...inputProps} type="date" value={text} onChange={(event) => onChange(event.target.value)} />
        </>
      );
    case "shortText":
      return (
        <>
          {label}
          <Describedby id={fieldId} helpText={question.helpText} error={error} />
          <input {...inputProps} type="text" value={text} onChange={(event) => onChange(event.target.value)} />
        </>
      );
  }
}
