// The mail carrying a staff sign-in link: an invitation (first sign-in) or a requested sign-in.
import type { OutgoingMail } from "@churchhub/mail";

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

export function signInMail(input: {
  to: string;
  url: string;
  purpose: "invitation" | "sign-in";
  churchName: string;
  validForMinutes: number;
}): OutgoingMail {
  const validity =
    input.validForMinutes >= 120
      ? `${Math.round(input.validForMinutes / 60)} hours`
      : `${input.validForMinutes} minutes`;
  const subject =
    input.purpose === "invitation"
      ? `You are invited to the ${input.churchName} staff area`
      : `Your sign-in link for the ${input.churchName} staff area`;
  const lead =
    input.purpose === "invitation"
      ? `You have been invited to the ${input.churchName} staff area, where you see the bookings people make with you.`
      : `Someone (hopefully you) asked to sign in to the ${input.churchName} staff area.`;
  const closing = `The link works once, for ${validity}. If you did not expect this mail, ignore it.`;
  return {
    to: input.to,
    subject,
    text: `${lead}\n\nSign in: ${input.url}\n\n${closing}\n`,
    html: `<p>${escapeHtml(lead)}</p><p><a href="${escapeHtml(input.url)}">Sign in</a></p><p>${escapeHtml(closing)}</p>`,
  };
}
