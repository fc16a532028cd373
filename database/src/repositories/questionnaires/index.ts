// Questionnaire storage: definitions and versions, encrypted responses, answer-later links, reminders.
export {
  createQuestionnaireDefinitions,
  type AttachedVersion,
  type Attachment,
  type PublishedVersion,
  type QuestionnaireDefinitions,
  type QuestionnaireDraft,
  type QuestionnaireSummary,
} from "./questionnaire-definitions.js";
export {
  createQuestionnaireResponses,
  DuplicateResponseError,
  eraseResponsesInTransaction,
  linkWaitingResponses,
  type LinkOutcome,
  type OpenedResponse,
  type QuestionnaireResponses,
  type StoredAnswers,
  type SubmittedResponse,
} from "./questionnaire-responses.js";
export {
  createQuestionnaireAnswerTokens,
  hashAnswerToken,
  type QuestionnaireAnswerTokens,
  type TokenCheck,
  type TokenIssuedFor,
} from "./questionnaire-answer-tokens.js";
export {
  createQuestionnaireReminders,
  type QuestionnaireReminders,
  type ReminderPlan,
  type ReminderStop,
} from "./questionnaire-reminders.js";
export { readBookingChain, type BookingChain } from "./booking-chain.js";
