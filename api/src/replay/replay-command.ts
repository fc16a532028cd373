// `npm run replay -- --delivery <id>` or `npm run replay -- --from <ISO> --to <ISO>`: re-drives the
// processing of audited events (after a bug fix), as the operator endpoint POST /operations/replay does.
import { parseArgs } from "node:util";
import { createBookingReader, createDataSource } from "@churchhub/database";
import { createProtectorFromSettings } from "@churchhub/field-encryption";
import { databaseUrlFor, loadSettings } from "@churchhub/settings";
import { createDataConverter } from "@churchhub/temporal-encryption";
import { createTemporalClient } from "../temporal-client.js";
import { createReplayService } from "./replay-service.js";

const { values } = parseArgs({
  options: { delivery: { type: "string" }, from: { type: "string" }, to: { type: "string" } },
});
const settings = loadSettings();
const protector = createProtectorFromSettings(settings);
const dataSource = createDataSource({
  url: databaseUrlFor(settings),
  poolSize: 2,
  applicationName: "churchhub-replay",
});
await dataSource.initialize();
const client = createTemporalClient(
  settings.TEMPORAL_ADDRESS ?? `127.0.0.1:${settings.TEMPORAL_PORT}`,
  settings.TEMPORAL_NAMESPACE,
  createDataConverter(protector.cipher.keyring),
);
try {
  const replay = createReplayService({
    dataSource,
    reader: createBookingReader({ dataSource, protector }),
    client,
    taskQueue: settings.TEMPORAL_TASK_QUEUE,
    clock: () => new Date(),
  });
  const requestedBy = `cli:${process.env.USER ?? "unknown"}`;
  const result = values.delivery
    ? await replay.replayDelivery(values.delivery, requestedBy)
    : values.from && values.to
      ? await replay.replayRange(new Date(values.from), new Date(values.to), requestedBy)
      : (() => {
          throw new Error("usage: replay --delivery <id> | --from <ISO> --to <ISO>");
        })();
  if (!result) {
    console.error("No audited event with that delivery id.");
    process.exitCode = 1;
  } else {
    console.log(`Replay ${result.replayId}: ${result.started.length} workflow(s) started (see the Temporal UI).`);
    for (const run of result.started) console.log(`  ${run.workflowId}`);
  }
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 2;
} finally {
  await client.connection.close();
  await dataSource.destroy();
}
