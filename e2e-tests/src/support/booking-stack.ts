// The whole product for one test file: the Cal.com emulator delivering signed webhooks to the real api
// and Temporal worker (over the Postgres and Temporal of the global setup), and the built web app whose
// api connection can be cut, like an api outage, while the rest keeps running.
import type { CalEmulator, RunningCalEmulator } from "@churchhub/cal-emulator";
import { freePort } from "@churchhub/local-stack";
import { startPipeline, type Pipeline } from "@churchhub/test-support/pipeline";
import { createScratchDatabase } from "@churchhub/test-support/scratch-database";
import { startSwitchableProxy, type SwitchableProxy } from "./switchable-proxy.js";
import { buildWebAppOnce, startWebApp, type RunningWebApp } from "./web-app.js";

export interface BookingStack {
  pipeline: Pipeline;
  emulator: CalEmulator;
  /** The Cal.com API base the browser is given (…/v2). */
  calApiUrl: string;
  web: RunningWebApp;
  /** The web server reaches the api through this; `down()` is an api outage. */
  apiLink: SwitchableProxy;
  /** Stops the emulator's HTTP server (connections refused), and brings it back on the same port. */
  stopCal(): Promise<void>;
  restartCal(): Promise<void>;
  /** A host seeded in the emulator's fixtures: the page under test is /book/{username}. */
  host: { username: string; name: string; calUserId: number };
  stop(): Promise<void>;
}

/** `next build` can take minutes on two cores: give the hook that much. */
export const STACK_START_TIMEOUT_MS = 600_000;

/**
 * `staff`: also serve the staff area, opened on the web server at http://localhost:<its port> (the
 * address its sign-in links and cookies use; the booking pages stay at `web.url`).
 */
export async function startBookingStack(options: { staff?: boolean } = {}): Promise<BookingStack> {
  await buildWebAppOnce();
  const webPort = await freePort();
  // Like the worker: our platform webhook is registered with Cal.com, so bookings go to our api, signed.
  // With the staff area, a database of its own: a host's staff pages read every booking of theirs, and
  // other test files' bookings of the same seeded hosts are sealed under those files' keys.
  const scratch = options.staff ? await createScratchDatabase("booking_staff") : undefined;
  const pipeline = await startPipeline({
    calEmulator: { platformWebhook: true },
    staff: options.staff ? { publicUrl: `http://localhost:${webPort}` } : false,
    databaseUrl: scratch?.url,
  });
  const cal = pipeline.cal!;

  const apiLink = await startSwitchableProxy(pipeline.baseUrl);
  const web = await startWebApp({ apiUrl: apiLink.url, webServerToken: pipeline.webServerToken, port: webPort });

  const seeded = cal.emulator.fixtures.managedUsers[0]!;
  let running: RunningCalEmulator = cal.running;
  let restarted: RunningCalEmulator | undefined;

  return {
    pipeline,
    emulator: cal.emulator,
    calApiUrl: cal.running.url,
    web,
    apiLink,
    host: { username: seeded.username, name: seeded.name, calUserId: seeded.id },
    async stopCal() {
      await running.close();
    },
    async restartCal() {
      restarted = await cal.emulator.listen(cal.running.port, "127.0.0.1");
      running = restarted;
    },
    async stop() {
      await web.stop();
      await apiLink.close();
      await restarted?.close();
      // pipeline.stop() closes the emulator it started; after a restart that server is already closed.
      await pipeline.stop().catch((error: unknown) => {
        if ((error as { code?: string }).code !== "ERR_SERVER_NOT_RUNNING") throw error;
      });
      await scratch?.drop();
    },
  };
}
