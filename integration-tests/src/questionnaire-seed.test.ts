// `npm run dev`'s questionnaire seed against a real, migrated database: one published version with a
// branch, attached as required to the host's event type, and a second start changes nothing.
import { afterAll, beforeAll, expect, it } from "vitest";
import { createDataSource, createQuestionnaireDefinitions } from "@churchhub/database";
import { seedSandboxQuestionnaire, SEEDED_QUESTIONNAIRE_TITLE } from "@churchhub/local-stack";
import { evaluate, validateDefinition } from "@churchhub/questionnaire";
import { createScratchDatabase } from "@churchhub/test-support/scratch-database";

let database: Awaited<ReturnType<typeof createScratchDatabase>>;

beforeAll(async () => {
  database = await createScratchDatabase("questionnaire_seed");
});

afterAll(async () => {
  await database?.drop();
});

it("seeds a published questionnaire with a branch on the host's event type, once", async () => {
  const target = { ownerCalUserId: 7001, eventTypeId: 9001 };
  await seedSandboxQuestionnaire({ databaseUrl: database.url, target });
  await seedSandboxQuestionnaire({ databaseUrl: database.url, target });

  const dataSource = createDataSource({ url: database.url, poolSize: 1 });
  await dataSource.initialize();
  try {
    const definitions = createQuestionnaireDefinitions({ dataSource });
    const owned = await definitions.list(7001);
    expect(owned.map((questionnaire) => [questionnaire.title, questionnaire.latestVersion])).toEqual([
      [SEEDED_QUESTIONNAIRE_TITLE, 1],
    ]);
    const attached = await definitions.forEventType(9001);
    expect(attached).toMatchObject({ required: true, ownerCalUserId: 7001, version: { version: 1 } });
    const checked = validateDefinition(attached?.version.definition);
    if (!checked.ok) throw new Error(checked.problems.map((problem) => problem.message).join("; "));
    // The branch: "grief" asks who died; another topic does not.
    const grief = evaluate(checked.definition, { topic: "grief" }).reachable;
    const other = evaluate(checked.definition, { topic: "faith" }).reachable;
    expect(grief).toContain("who-died");
    expect(other).not.toContain("who-died");
  } finally {
    await dataSource.destroy();
  }
});
