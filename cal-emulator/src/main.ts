// Runs the Cal.com API v2 emulator as a process (sandbox mode for `npm run dev`): reads its settings,
// listens, prints its base URL, and stops cleanly on SIGINT/SIGTERM.
import { createLogger } from "@churchhub/logging";
import { createCalEmulator } from "./create-cal-emulator.js";
import { loadEmulatorSettings } from "./emulator-settings.js";
import { loadFixtures } from "./fixtures.js";

const settings = loadEmulatorSettings();
const logger = createLogger({ level: settings.LOG_LEVEL, name: "cal-emulator" });

const emulator = createCalEmulator({
  fixtures: settings.CAL_EMULATOR_FIXTURES ? loadFixtures(settings.CAL_EMULATOR_FIXTURES) : loadFixtures(),
  webhook: { subscriberUrl: settings.CAL_EMULATOR_WEBHOOK_URL, secret: settings.CAL_EMULATOR_WEBHOOK_SECRET },
  onUnexpectedError: (error) => logger.error({ err: error }, "unexpected error"),
});
const running = await emulator.listen(settings.CAL_EMULATOR_PORT, settings.CAL_EMULATOR_HOST);
logger.info(
  {
    url: running.url,
    authorizePage: `${running.origin}/auth/oauth2/authorize`,
    webhooks: settings.CAL_EMULATOR_WEBHOOK_URL ? "on" : "off",
  },
  "cal.com emulator listening",
);
// The URL on stdout on its own line, so a parent process can read it without parsing log lines.
process.stdout.write(`${running.url}\n`);

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "cal.com emulator stopping");
  // Deliveries have no timeout (as in Cal.com), so give in-flight ones a few seconds, not forever.
  await Promise.race([emulator.settleWebhooks(), new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
  await running.close();
}
process.once("SIGTERM", (signal) => void shutdown(signal));
process.once("SIGINT", (signal) => void shutdown(signal));
