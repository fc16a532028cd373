// Unit tests of the web app's own logic (no servers): `npm test --workspace web`. Browser tests are in e2e-tests/.
import { createRequire } from "node:module";
import path from "node:path";
import { defineConfig } from "vitest/config";

// These tests run as the server does: the server-only marker resolves to its empty module, as Next.js's
// server build resolves it (its default export throws, which is what a client bundle must get).
const serverOnlyOnTheServer = path.join(
  path.dirname(createRequire(import.meta.url).resolve("server-only")),
  "empty.js",
);

export default defineConfig({
  resolve: { alias: { "server-only": serverOnlyOnTheServer } },
  test: { include: ["src/**/*.test.ts"], reporters: ["default", "../scripts/test-tally-reporter.ts"] },
});
