// A booking's questionnaire answers on its staff page, in the order asked, with the labels the visitor
// saw (of the version they answered). Reading them is logged by the api.
import "server-only";
import { type Question, questionsInOrder } from "@churchhub/questionnaire";
import { loadStaffData } from "../staff-page-data";
import { type StaffQuestionnaireResponse, staffQuestionnairePaths } from "./staff-questionnaire-api";

function shownAnswer(question: Question, answer: unknown): string {
  if ("choices" in question) {
    const labelOf = (value: unknown) =>
      question.choices.find((choice) => choice.value === value)?.label ?? String(value);
    return Array.isArray(answer) ? answer.map(labelOf).join(", ") : labelOf(answer);
  }
  if (question.type === "yesNo") return answer ? "Yes" : "No";
  if (question.type === "consent") return answer === true ? "Agreed" : "Not agreed";
  return String(answer);
}

export async function BookingAnswers({ bookingUid }: { bookingUid: string }) {
  const { responses } = await loadStaffData<{ responses: StaffQuestionnaireResponse[] }>(
    staffQuestionnairePaths.bookingResponses(bookingUid),
  );
  // One response per booking (the api refuses a second); the newest if a reschedule chain holds more.
  const response = responses.at(-1) ?? null;
  return (
    <section aria-labelledby="booking-answers-heading" data-testid="booking-answers">
      <h2 id="booking-answers-heading">Questionnaire</h2>
      {response === null ? (
        <p>No answers yet.</p>
      ) : (
        <>
          <p>
            {response.title} (version {response.version}), answered{" "}
            {new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(
              new Date(response.submittedAt),
            )}{" "}
            UTC
          </p>
          <dl className="staff-facts">
            {questionsInOrder(response.definition)
              .filter((question) => Object.hasOwn(response.answers, question.id))
              .map((question) => (
                <div key={question.id} data-answer-question-id={question.id}>
                  <dt>{question.label}</dt>
                  <dd>{shownAnswer(question, response.answers[question.id])}</dd>
                </div>
              ))}
          </dl>
        </>
      )}
    </section>
  );
}
