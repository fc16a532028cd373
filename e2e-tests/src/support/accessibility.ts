// Runs axe-core inside the page (injected from the npm package, nothing fetched) and returns its violations.
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const axeScript = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

export interface AxeViolation {
  id: string;
  impact: "minor" | "moderate" | "serious" | "critical" | null;
  help: string;
  targets: string[];
}

/** Violations in the page, leaving out the subtrees matched by `exclude` (CSS selectors). */
export async function axeViolations(page: Page, exclude: string[] = []): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: axeScript });
  return page.evaluate(async (excluded) => {
    // axe is the global the injected script defines.
    const axe = (
      globalThis as unknown as {
        axe: {
          run: (
            context: unknown,
            options: unknown,
          ) => Promise<{
            violations: Array<{
              id: string;
              impact: AxeViolation["impact"];
              help: string;
              nodes: Array<{ target: unknown[] }>;
            }>;
          }>;
        };
      }
    ).axe;
    const context = { include: [["body"]], exclude: excluded.map((selector) => [selector]) };
    const result = await axe.run(context, { resultTypes: ["violations"] });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(" ")),
    }));
  }, exclude);
}

export const isSeriousOrWorse = (violation: AxeViolation) =>
  violation.impact === "serious" || violation.impact === "critical";

/** Fails, listing each rule and where, when axe finds any violation at all in the page. */
export async function expectNoAxeViolations(page: Page, what: string, exclude: string[] = []): Promise<void> {
  const violations = await axeViolations(page, exclude);
  if (violations.length === 0) return;
  const listed = violations.map(
    (violation) => `  ${violation.id} (${violation.impact}): ${violation.help} at ${violation.targets.join(", ")}`,
  );
  throw new Error(`axe found ${violations.length} violation(s) on ${what}:\n${listed.join("\n")}`);
}
