// Keys rotate without downtime: rows written under key 1 stay readable once key 2 is active, and the
// re-encryption command leaves no value under key 1, after which key 1 can be dropped.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  countValuesNotUnderActiveKey,
  createBookingReader,
  createManagedUserTokenStore,
  ENCRYPTED_COLUMNS,
  reencryptPersonalData,
} from "@churchhub/database";
import { createFieldCipher, createPersonalDataProtector, parseKeyring } from "@churchhub/field-encryption";
import { deliveries, newBookingFixture } from "@churchhub/test-support/cal-deliveries";
import { readJson, startPipeline, type Pipeline } from "@churchhub/test-support/pipeline";
import { createScratchDatabase } from "@churchhub/test-support/scratch-database";

const keyOne = `k1:${randomBytes(32).toString("base64")}`;
const keyTwo = `k2:${randomBytes(32).toString("base64")}`;
const blindIndexKey = randomBytes(32);
const protectorWith = (spec: string) =>
  createPersonalDataProtector({ cipher: createFieldCipher(parseKeyring(spec)), blindIndexKey });

let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
let pipeline: Pipeline;
const uids: string[] = [];

beforeAll(async () => {
  scratch = await createScratchDatabase("rotation");
  pipeline = await startPipeline({ databaseUrl: scratch.url, protector: protectorWith(keyOne), calEmulator: {} });
  for (let index = 0; index < 3; index++) {
    const fixture = newBookingFixture();
    uids.push(fixture.uid);
    for (const body of [deliveries.created(fixture), deliveries.cancelled(fixture, `Reason ${index}`)]) {
      const response = await pipeline.send(body);
      await pipeline.processed(response, body);
    }
  }
  const minted = await fetch(`${pipeline.baseUrl}/tokens/cal/managed-user`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${pipeline.webServerToken}` },
    body: JSON.stringify({ username: pipeline.cal!.emulator.fixtures.managedUsers[0]!.username }),
  });
  expect(minted.status).toBe(200);
  await readJson(minted);
});

afterAll(async () => {
  await pipeline?.stop();
  await scratch?.drop();
});

async function valuesUnderKey(keyId: string): Promise<number> {
  let count = 0;
  for (const { table, column } of ENCRYPTED_COLUMNS) {
    const [row] = await pipeline.dataSource.query(
      `SELECT count(*)::int AS n FROM "${table}" WHERE "${column}" LIKE $1`,
      [`v1.${keyId}.%`],
    );
    count += row.n;
  }
  return count;
}

it("reads every row after rotating to key 2, re-encrypts them all, then needs key 1 no more", async () => {
  expect(await valuesUnderKey("k1")).toBeGreaterThan(20);

  const rotated = protectorWith(`${keyOne},${keyTwo}`);
  const before = createBookingReader({ dataSource: pipeline.dataSource, protector: rotated });
  const expected = await Promise.all(uids.map((uid) => before.findByUid(uid)));
  expect(expected.map((booking) => booking?.cancellationReason)).toEqual(["Reason 0", "Reason 1", "Reason 2"]);

  const report = await reencryptPersonalData(pipeline.dataSource, rotated.cipher);
  expect(report.total).toBeGreaterThan(20);
  expect(await countValuesNotUnderActiveKey(pipeline.dataSource, rotated.cipher)).toBe(0);
  expect(await valuesUnderKey("k1")).toBe(0);

  const onlyKeyTwo = protectorWith(keyTwo);
  const after = createBookingReader({ dataSource: pipeline.dataSource, protector: onlyKeyTwo });
  expect(await Promise.all(uids.map((uid) => after.findByUid(uid)))).toEqual(expected);
  for (const uid of uids) expect(await after.auditTrail(uid)).toHaveLength(2);
  const tokens = createManagedUserTokenStore({ dataSource: pipeline.dataSource, cipher: onlyKeyTwo.cipher });
  const stored = await tokens.findByUsername(pipeline.cal!.emulator.fixtures.managedUsers[0]!.username);
  expect(stored?.refreshToken).toMatch(/\S+/);
  const [keyIds] = await pipeline.dataSource.query("SELECT array_agg(DISTINCT key_id) AS ids FROM managed_user_tokens");
  expect(keyIds.ids).toEqual(["k2"]);
});

it("fails loudly on a tampered value instead of returning something wrong", async () => {
  const uid = uids[0]!;
  const [row] = await pipeline.dataSource.query("SELECT attendees FROM bookings WHERE uid = $1", [uid]);
  const parts = (row.attendees as string).split(".");
  const body = Buffer.from(parts[3]!, "base64url");
  body[0] = body[0]! ^ 0x01;
  parts[3] = body.toString("base64url");
  await pipeline.dataSource.query("UPDATE bookings SET attendees = $2 WHERE uid = $1", [uid, parts.join(".")]);
  const reader = createBookingReader({
    dataSource: pipeline.dataSource,
    protector: protectorWith(`${keyOne},${keyTwo}`),
  });
  await expect(reader.findByUid(uid)).rejects.toThrow(/authentication failed/);
});
