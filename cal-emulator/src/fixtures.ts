// Reads and validates a fixture file once; a broken file fails at start-up with every problem listed.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { fixturesSchema, type Fixtures } from "./schemas/fixtures.schema.js";

export const SANDBOX_FIXTURES_PATH = fileURLToPath(new URL("../fixtures/sandbox.json", import.meta.url));

export function parseFixtures(raw: unknown, source = "fixtures"): Fixtures {
  const parsed = fixturesSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  - ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`${source} is not valid:\n${problems.join("\n")}`);
  }
  return parsed.data;
}

export function loadFixtures(path: string = SANDBOX_FIXTURES_PATH): Fixtures {
  return parseFixtures(JSON.parse(readFileSync(path, "utf8")), path);
}
