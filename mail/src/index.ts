// Outgoing mail, shared by the api (staff sign-in links) and the worker (questionnaire reminders).
export { createSmtpMailer, MailDeliveryError, type Mailer, type OutgoingMail } from "./smtp-mailer.js";
export { smtpUrlFor, MailConfigurationError } from "./smtp-url.js";
