// `npm run dev`: the whole stack on embedded defaults, with where everything listens printed once.
// Ctrl-C stops it all cleanly; the next start reuses the same data.
import { createLogger } from "@churchhub/logging";
import { loadSettings, withoutPassword } from "@churchhub/settings";
import { startLocalStack } from "./start-local-stack.js";

const settings = loadSettings();
const logger = createLogger({ level: settings.LOG_LEVEL, name: "dev" });
const stack = await startLocalStack(settings, logger);

const lines = [
  "",
  "ChurchHub Booking is running",
  ...(stack.sandbox
    ? stack.sandbox.hostUsernames.map((username) => `  booking page:   ${stack.webUrl}/book/${username}`)
    : [`  booking pages:  ${stack.webUrl}/book/<host username>`]),
  `  api:            ${stack.apiUrl}   (health: ${stack.apiUrl}/health)`,
  `  webhook URL:    ${stack.apiUrl}/webhooks/cal`,
  stack.webhookSecretGenerated
    ? `  webhook secret: ${stack.webhookSecret}   (generated for local use, kept in ${settings.DATA_DIR}/dev-webhook-secret)`
    : "  webhook secret: from CAL_WEBHOOK_SECRET",
  ...(stack.sandbox
    ? [
        `  Cal.com:        sandbox emulator at ${stack.sandbox.calApiUrl}; seeded hosts: ${stack.sandbox.hostUsernames.join(", ")}`,
      ]
    : []),
  `  Temporal:       ${stack.temporalAddress}${stack.temporalUiUrl ? `   (Web UI: ${stack.temporalUiUrl})` : ""}`,
  `  database:       ${withoutPassword(stack.databaseUrl)}`,
  `  Temporal UI shows payloads encrypted; to decode them as an admin: npm run apikey:create -- --name <you> --role admin,`,
  `                  then sign in at ${stack.apiUrl}/auth/session and enable "include cross-origin credentials" in the UI's data encoder.`,
  ...(stack.mailInboxUrl
    ? [`  mail inbox:     ${stack.mailInboxUrl}   (local SMTP server: every mail the stack sends)`]
    : []),
  ...stack.notes.map((note) => `  ${note}`),
  ...connectLinkLines(),
  ...staffSignInLines(),
  ...seededPageLines("Questionnaire booking page", stack.questionnaireBookingPage, [
    "book there and the questionnaire (with a branch: choose grief) appears below the confirmation;",
    "edit it in the staff area at /staff/questionnaires",
  ]),
  ...seededPageLines("Private booking page", stack.privateBookingPage, [
    "book there under a pseudonym: Cal.com and the host's calendar never see who you are;",
    "the host reads what you chose to leave in the staff area; mark other event types at /staff/sensitive",
  ]),
  "",
  "Press Ctrl-C to stop.",
  "",
];
process.stdout.write(lines.join("\n"));

/** Sandbox mode: a fresh one-time link to connect one of the emulator's ordinary Cal.com accounts. */
function connectLinkLines(): string[] {
  const oauth2 = stack.sandbox?.oauth2;
  if (!oauth2?.connectLink) return [];
  return [
    "",
    // Unindented and exactly this wording: people and scripts look for this line.
    `Connect a Cal.com account: ${oauth2.connectLink.url}`,
    `  one-time, usable until ${oauth2.connectLink.expiresAt.toISOString()}; on the emulator's consent page pick ${oauth2.accountUsernames.join(" or ")} and Allow,`,
    `  then book them at ${stack.webUrl}/book/<username>. Another link: npm run connect:link -- --label "<who>"`,
  ];
}

/** Sandbox mode: one-time sign-in links to the staff area, one per seeded person. */
function staffSignInLines(): string[] {
  if (stack.staffSignInLinks.length === 0) return [];
  return [
    "",
    // Unindented and exactly this wording: people and scripts look for these lines.
    ...stack.staffSignInLinks.map((link) => `Staff sign-in (${link.who}): ${link.url}`),
    `  one-time links (also in the mail inbox); another: npm run staff:invite -- --email <e> --role admin|host [--host <username>]`,
  ];
}

/**
 * Sandbox mode: a seeded booking page, as an unindented line in exactly this wording (people and scripts
 * look for it) and what to try there.
 */
function seededPageLines(label: string, url: string | null, hints: string[]): string[] {
  if (!url) return [];
  return ["", `${label}: ${url}`, ...hints.map((hint) => `  ${hint}`)];
}

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "stopping");
  await stack.stop();
  process.exit(0);
}
process.on("SIGINT", (signal) => void stop(signal));
process.on("SIGTERM", (signal) => void stop(signal));
for (const service of stack.services) {
  void service.exited.then((code) => {
    if (!stopping) {
      logger.error({ service: service.name, code }, "a service exited unexpectedly; stopping the stack");
      void stop("child-exit");
    }
  });
}
