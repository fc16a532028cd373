// A small pastoral-intake definition with one branch and an early end, shared by the unit tests.
import type { QuestionnaireDefinition } from "../definition-schema.js";

export const pastoralIntake: QuestionnaireDefinition = {
  title: "Before we meet",
  sections: [
    {
      id: "about",
      questions: [
        {
          id: "topic",
          type: "singleChoice",
          label: "What would you like to talk about?",
          required: true,
          choices: [
            { value: "grief", label: "Grief" },
            { value: "marriage", label: "Marriage" },
            { value: "other", label: "Something else" },
          ],
        },
        {
          id: "who-died",
          type: "shortText",
          label: "Who died?",
          required: true,
          condition: { question: "topic", op: "equals", value: "grief" },
        },
        {
          id: "when-died",
          type: "date",
          label: "When?",
          required: false,
          condition: { question: "topic", op: "equals", value: "grief" },
        },
        { id: "first-visit", type: "yesNo", label: "Is this your first visit?", required: true },
      ],
    },
    {
      id: "follow-up",
      condition: { question: "first-visit", op: "equals", value: false },
      questions: [
        {
          id: "visits",
          type: "number",
          label: "How many times have you come?",
          required: true,
          min: 1,
          max: 50,
          integer: true,
        },
        {
          id: "enough",
          type: "info",
          label: "Thank you, that is all we need.",
          condition: { question: "visits", op: "greaterThan", value: 10 },
          endHere: true,
        },
        { id: "helpful", type: "scale", label: "How helpful were the visits?", required: true, min: 1, max: 5 },
      ],
    },
    {
      id: "closing",
      questions: [{ id: "consent", type: "consent", label: "I agree that the pastor may read this.", required: true }],
    },
  ],
};
