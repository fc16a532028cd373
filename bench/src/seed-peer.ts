// The seed's design as a peer, run as its own process: an Express handler that verifies, parses, and
// then does the organizer, booking and audit writes inside the request, with our real activity (same
// SQL, same encryption, one transaction), answering 202 only after they committed. Same settings and
// pool size as our api; its own database in the same Postgres.
import { createServer } from "node:http";
import express from "express";
import { createActivities } from "@churchhub/activities";
import { parseCalDelivery, verifyCalSignature } from "@churchhub/api";
import { createDataSource } from "@churchhub/database";
import { createProtectorFromSettings } from "@churchhub/field-encryption";
import { createLogger } from "@churchhub/logging";
import { loadSettings, requireSetting } from "@churchhub/settings";

const settings = loadSettings();
const logger = createLogger({ level: settings.LOG_LEVEL, name: "seed-peer" });
const secret = requireSetting(settings, "CAL_WEBHOOK_SECRET");
const dataSource = createDataSource({
  url: requireSetting(settings, "DATABASE_URL"),
  poolSize: settings.DATABASE_POOL_SIZE,
  applicationName: "bench-seed-peer",
});
await dataSource.initialize();
const activities = createActivities({ dataSource, protector: createProtectorFromSettings(settings) });

const app = express();
app.get("/health", (_request, response) => void response.status(200).json({ status: "ok" }));
app.post(
  "/webhooks/cal",
  express.raw({ type: () => true, limit: settings.WEBHOOK_MAX_BODY_BYTES, inflate: false }),
  async (request, response) => {
    try {
      const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      if (!verifyCalSignature(body, request.get("x-cal-signature-256"), [secret])) {
        response.status(401).json({ error: "unauthorized" });
        return;
      }
      const delivery = parseCalDelivery(body, request.get("content-type"), new Date());
      await activities.applyCalDeliveries([delivery]);
      logger.info({ triggerEvent: delivery.triggerEvent }, "cal delivery processed in the request");
      response.status(202).json({ status: "accepted", deliveryId: delivery.deliveryId });
    } catch (error) {
      const status = (error as { status?: number }).status ?? 500;
      if (status >= 500) logger.error({ err: error }, "seed peer failed");
      response.status(status).json({ error: (error as Error).message });
    }
  },
);

const server = createServer(app);
server.listen(settings.PORT, settings.API_HOST);
process.once("SIGTERM", () => {
  server.closeIdleConnections();
  server.close(() => void dataSource.destroy().then(() => process.exit(0)));
});
