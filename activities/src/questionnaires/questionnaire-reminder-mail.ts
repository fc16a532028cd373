// The one reminder a visitor gets when a required questionnaire is still unanswered before their
// appointment: the private answer-later link, nothing of the questions or the booking's subject.
import type { OutgoingMail } from "@churchhub/mail";

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

export function questionnaireReminderMail(input: {
  to: string;
  url: string;
  churchName: string;
  startTime: string;
}): OutgoingMail {
  const when = new Date(input.startTime).toUTCString();
  const lead = `Your appointment with ${input.churchName} (${when}) asks for a few answers beforehand, and we have not received them yet.`;
  const closing = "The link is for you alone, works once, and until the appointment starts.";
  return {
    to: input.to,
    subject: `A few questions before your appointment with ${input.churchName}`,
    text: `${lead}\n\nAnswer them here: ${input.url}\n\n${closing}\n`,
    html: `<p>${escapeHtml(lead)}</p><p><a href="${escapeHtml(input.url)}">Answer the questions</a></p><p>${escapeHtml(closing)}</p>`,
  };
}
