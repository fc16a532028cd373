// The Temporal of the test run (started by the global setup through startTemporalDevServer, as the
// local stack and the fault suite start theirs) has the project's search attributes, with their types.
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { Connection } from "@temporalio/client";
import { temporal } from "@temporalio/proto";
import { DELIVERY_SEARCH_ATTRIBUTES } from "@churchhub/contracts";

let connection: Connection;
beforeAll(async () => {
  connection = await Connection.connect({ address: inject("temporalAddress") });
});
afterAll(async () => {
  await connection?.close();
});

it("registers every delivery search attribute with its type", async () => {
  const { customAttributes } = await connection.operatorService.listSearchAttributes({ namespace: "default" });
  // IndexedValueType names, e.g. INDEXED_VALUE_TYPE_KEYWORD_LIST for KeywordList.
  const enumName = (type: string) => `INDEXED_VALUE_TYPE_${type.replace(/([a-z])([A-Z])/g, "$1_$2").toUpperCase()}`;
  const registered = Object.fromEntries(
    Object.entries(customAttributes ?? {}).map(([name, type]) => [name, temporal.api.enums.v1.IndexedValueType[type]]),
  );
  for (const { name, type } of DELIVERY_SEARCH_ATTRIBUTES) expect(registered[name], name).toBe(enumName(type));
});
