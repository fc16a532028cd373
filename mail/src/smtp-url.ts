// Where outgoing mail goes: SMTP_URL, or outside production the local mail server `npm run dev` runs.
export class MailConfigurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MailConfigurationError";
  }
}

export function smtpUrlFor(settings: { SMTP_URL?: string; NODE_ENV: string; DEV_MAIL_SMTP_PORT: number }): string {
  if (settings.SMTP_URL) return settings.SMTP_URL;
  if (settings.NODE_ENV === "production")
    throw new MailConfigurationError(
      "SMTP_URL: required in production (staff sign-in links and questionnaire reminders go out by mail)",
    );
  return `smtp://127.0.0.1:${settings.DEV_MAIL_SMTP_PORT}`;
}
