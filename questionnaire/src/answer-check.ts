// Checks one answer against its question (type, choices, range, length). The browser runs it per field
// and the server runs it per submission, through `evaluate`.
import type { AnswerableQuestion, AnswerValue } from "./definition-schema.js";

export const DEFAULT_SHORT_TEXT_LENGTH = 200;
export const DEFAULT_LONG_TEXT_LENGTH = 5000;

export type AnswerCheck = { ok: true; value: AnswerValue } | { ok: false; message: string };

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written YYYY-MM-DD (2026-02-30 is not). */
export function isCalendarDate(text: string): boolean {
  const match = isoDate.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function checkText(value: unknown, maxLength: number): AnswerCheck {
  if (typeof value !== "string") return { ok: false, message: "expected text" };
  if (value.trim() === "") return { ok: false, message: "the text is empty (leave an unanswered question out)" };
  if (value.length > maxLength) return { ok: false, message: `the text is longer than ${maxLength} characters` };
  return { ok: true, value };
}

function checkNumberInRange(value: unknown, min: number | undefined, max: number | undefined, integer: boolean) {
  if (typeof value !== "number" || !Number.isFinite(value)) return { ok: false, message: "expected a number" } as const;
  if (integer && !Number.isInteger(value)) return { ok: false, message: "expected a whole number" } as const;
  if (min !== undefined && value < min)
    return { ok: false, message: `the number is below the minimum ${min}` } as const;
  if (max !== undefined && value > max)
    return { ok: false, message: `the number is above the maximum ${max}` } as const;
  return { ok: true, value } as const;
}

/** Whether `value` is an acceptable answer to `question` (presence is the caller's concern). */
export function checkAnswer(question: AnswerableQuestion, value: unknown): AnswerCheck {
  switch (question.type) {
    case "shortText":
      return checkText(value, question.maxLength ?? DEFAULT_SHORT_TEXT_LENGTH);
    case "longText":
      return checkText(value, question.maxLength ?? DEFAULT_LONG_TEXT_LENGTH);
    case "singleChoice": {
      if (typeof value !== "string") return { ok: false, message: "expected one choice" };
      if (!question.choices.some((choice) => choice.value === value))
        return { ok: false, message: "not one of the choices" };
      return { ok: true, value };
    }
    case "multipleChoice": {
      if (!Array.isArray(value) || !value.every((item) => typeof item === "string")) {
        return { ok: false, message: "expected a list of choices" };
      }
      if (value.length === 0) return { ok: false, message: "no choice selected (leave an unanswered question out)" };
      if (new Set(value).size !== value.length) return { ok: false, message: "a choice is selected twice" };
      const known = new Set(question.choices.map((choice) => choice.value));
      if (!value.every((item) => known.has(item))) return { ok: false, message: "not one of the choices" };
      return { ok: true, value: [...value] };
    }
    case "yesNo":
      return typeof value === "boolean" ? { ok: true, value } : { ok: false, message: "expected yes or no" };
    case "consent":
      return value === true ? { ok: true, value } : { ok: false, message: "expected the box to be ticked (true)" };
    case "number":
      return checkNumberInRange(value, question.min, question.max, question.integer === true);
    case "scale":
      return checkNumberInRange(value, question.min, question.max, true);
    case "date":
      return typeof value === "string" && isCalendarDate(value)
        ? { ok: true, value }
        : { ok: false, message: "expected a date written YYYY-MM-DD" };
  }
}
