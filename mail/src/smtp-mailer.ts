// Outgoing mail over SMTP (nodemailer), from SMTP_URL: smtp://… (STARTTLS when offered) or smtps://….
// One transport per process, pooled: staff sign-in links (api) and questionnaire reminders (worker).
import nodemailer from "nodemailer";

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

export class MailDeliveryError extends Error {
  constructor(
    readonly recipientDomain: string,
    cause: unknown,
  ) {
    // The address itself is personal data: the message names only its domain.
    super(
      `could not hand a mail for a recipient at ${recipientDomain} to the SMTP server: ${(cause as Error).message}`,
    );
    this.name = "MailDeliveryError";
  }
}

export function createSmtpMailer(options: { smtpUrl: string; from: string }): Mailer {
  const transport = nodemailer.createTransport(options.smtpUrl, { from: options.from });
  return {
    async send(mail) {
      try {
        await transport.sendMail({ from: options.from, ...mail });
      } catch (error) {
        throw new MailDeliveryError(mail.to.split("@")[1] ?? "?", error);
      }
    },
    close: () => transport.close(),
  };
}
