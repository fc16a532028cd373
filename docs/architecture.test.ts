// The architecture picture stays in sync: every workspace folder appears in it, and the README shows the same picture.
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";

const diagram = readFileSync(new URL("./architecture.mmd", import.meta.url), "utf8");

it("names every workspace folder", () => {
  const { workspaces } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
    workspaces: string[];
  };
  expect(workspaces.filter((folder) => !diagram.includes(`${folder}/`))).toEqual([]);
});

it("is the picture the README shows", () => {
  const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
  const readmeCopy = /```mermaid\n([\s\S]*?)```/.exec(readme)?.[1];
  expect(readmeCopy, "README.md has no ```mermaid block").toBeDefined();
  expect(readmeCopy?.trim()).toBe(diagram.trim());
});
