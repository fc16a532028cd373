// The architecture picture stays in sync: every workspace folder of the project appears in it.
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";

it("names every workspace folder", () => {
  const diagram = readFileSync(new URL("./architecture.mmd", import.meta.url), "utf8");
  const { workspaces } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
    workspaces: string[];
  };
  expect(workspaces.filter((folder) => !diagram.includes(`${folder}/`))).toEqual([]);
});
