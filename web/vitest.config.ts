// Unit tests of the web app's own logic (no servers): `npm test --workspace web`. Browser tests are in e2e-tests/.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: { include: ["src/**/*.test.ts"], reporters: ["default", "../scripts/test-tally-reporter.ts"] },
});
