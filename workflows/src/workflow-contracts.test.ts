// The workflows the worker hosts are exactly those contracts/ names, with the signatures it promises
// their starters. Checked by the type checker (npm run typecheck), so a drift fails before anything runs.
import { describe, expectTypeOf, it } from "vitest";
import type { WorkflowName, WorkflowSignatures } from "@churchhub/contracts";
import type * as hosted from "./index.js";

describe("the hosted workflows", () => {
  it("are exactly the workflows of the contracts", () => {
    expectTypeOf<keyof typeof hosted>().toEqualTypeOf<WorkflowName>();
  });

  it("have the contracts' signatures", () => {
    expectTypeOf<Pick<typeof hosted, WorkflowName>>().toEqualTypeOf<WorkflowSignatures>();
  });
});
