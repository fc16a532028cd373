// `npm run dev` in sandbox mode: one published questionnaire with a branch, attached (required) to a
// seeded host's event type, so a person can book and answer at once. Written through the same storage the
// api uses; a second start finds it and leaves it as it is.
import { createDataSource, createQuestionnaireDefinitions } from "@churchhub/database";
import { type QuestionnaireDefinition, validateDefinition } from "@churchhub/questionnaire";

export const SEEDED_QUESTIONNAIRE_TITLE = "Before we meet";

/** A pastoral intake: "grief" opens two questions, a returning visitor gets a section of their own. */
export const seededQuestionnaire: QuestionnaireDefinition = {
  title: SEEDED_QUESTIONNAIRE_TITLE,
  description: "Only the pastor you booked with reads your answers.",
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
            { value: "grief", label: "Grief or loss" },
            { value: "family", label: "Family or marriage" },
            { value: "faith", label: "Questions of faith" },
            { value: "other", label: "Something else" },
          ],
        },
        {
          id: "who-died",
          type: "shortText",
          label: "Who died?",
          helpText: "A first name is enough.",
          required: true,
          condition: { question: "topic", op: "equals", value: "grief" },
        },
        {
          id: "when-died",
          type: "date",
          label: "When did they die?",
          required: false,
          condition: { question: "topic", op: "equals", value: "grief" },
        },
        { id: "first-visit", type: "yesNo", label: "Is this your first conversation with us?", required: true },
      ],
    },
    {
      id: "returning",
      title: "Since last time",
      condition: { question: "first-visit", op: "equals", value: false },
      questions: [
        {
          id: "since",
          type: "scale",
          label: "How have things been?",
          required: false,
          min: 1,
          max: 5,
          minLabel: "hard",
          maxLabel: "good",
        },
      ],
    },
    {
      id: "closing",
      questions: [
        { id: "anything-else", type: "longText", label: "Anything else the pastor should know?", required: false },
        { id: "consent", type: "consent", label: "I agree that the pastor may read my answers.", required: true },
      ],
    },
  ],
};

export interface QuestionnaireSeedTarget {
  ownerCalUserId: number;
  eventTypeId: number;
}

/** Creates, publishes and attaches the questionnaire unless its owner already has one of that title. */
export async function seedSandboxQuestionnaire(input: { databaseUrl: string; target: QuestionnaireSeedTarget }) {
  const checked = validateDefinition(seededQuestionnaire);
  if (!checked.ok) throw new Error(`the seeded questionnaire is invalid: ${checked.problems[0]?.message}`);
  const dataSource = createDataSource({ url: input.databaseUrl, poolSize: 1, applicationName: "churchhub-dev" });
  await dataSource.initialize();
  try {
    const definitions = createQuestionnaireDefinitions({ dataSource });
    const existing = await definitions.list(input.target.ownerCalUserId);
    if (existing.some((questionnaire) => questionnaire.title === SEEDED_QUESTIONNAIRE_TITLE)) return;
    const created = await definitions.create({
      ownerCalUserId: input.target.ownerCalUserId,
      title: SEEDED_QUESTIONNAIRE_TITLE,
      draft: seededQuestionnaire,
    });
    await definitions.publish(created.id, "npm run dev");
    await definitions.attach({
      eventTypeId: input.target.eventTypeId,
      questionnaireId: created.id,
      required: true,
      attachedBy: "npm run dev",
    });
  } finally {
    await dataSource.destroy();
  }
}
