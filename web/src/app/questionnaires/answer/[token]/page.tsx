// The private answer-later page: a visitor's one-time link (valid until the appointment starts) opens
// their booking's questionnaire. The token is the only key; nothing else about the booking is shown.
import type { Metadata } from "next";
import { fetchAnswerLaterQuestionnaire } from "../../../../questionnaires/public-questionnaire-api";
import { AnswerLaterForm } from "../../../../questionnaires/answer-later-form";
import { decodePathToken } from "../../../path-token";

export const metadata: Metadata = { title: "Your questions before the appointment" };
export const dynamic = "force-dynamic";

export default async function AnswerLaterPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const opened = await fetchAnswerLaterQuestionnaire(decodePathToken(token));
  return (
    <main id="main" className="page">
      <header className="host-header">
        <h1>Before your appointment</h1>
      </header>
      <section className="booker-card answer-later-card">
        {opened.ok ? (
          <AnswerLaterForm
            token={decodePathToken(token)}
            versionId={opened.questionnaire.versionId}
            definition={opened.questionnaire.definition}
          />
        ) : (
          <p role="alert" data-testid="answer-later-refused">
            {opened.message}
          </p>
        )}
      </section>
    </main>
  );
}
