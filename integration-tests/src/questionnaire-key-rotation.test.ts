// A questionnaire response's answers are sealed under a data key of their own, which the key ring wraps:
// rotating the key ring (npm run data:reencrypt) rewrites the wrapped key and leaves the sealed answers
// byte for byte as they were, and afterwards the answers open with the new key alone. Erasing a
// booking's answers removes them with their wrapped keys; a response whose booking never came is deleted
// only while the booking is still missing.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  countValuesNotUnderActiveKey,
  createDataSource,
  createQuestionnaireDefinitions,
  createQuestionnaireResponses,
  type DataSource,
  reencryptPersonalData,
} from "@churchhub/database";
import { createFieldCipher, parseKeyring } from "@churchhub/field-encryption";
import { createScratchDatabase } from "@churchhub/test-support/scratch-database";

const keyOne = `k1:${randomBytes(32).toString("base64")}`;
const keyTwo = `k2:${randomBytes(32).toString("base64")}`;
const answers = { topic: "grief", "who-died": `Rotation canary ${randomBytes(4).toString("hex")}` };

let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
let dataSource: DataSource;
let bookingUid: string;

beforeAll(async () => {
  scratch = await createScratchDatabase("questionnaire_rotation");
  dataSource = createDataSource({ url: scratch.url, poolSize: 2 });
  await dataSource.initialize();
  const definitions = createQuestionnaireDefinitions({ dataSource });
  const questionnaire = await definitions.create({
    ownerCalUserId: 7002,
    title: "Rotation",
    draft: { title: "Rotation" },
  });
  const version = await definitions.publish(questionnaire.id, "test");
  bookingUid = `rotation${randomBytes(6).toString("hex")}`;
  await createQuestionnaireResponses({ dataSource, cipher: createFieldCipher(parseKeyring(keyOne)) }).submit({
    bookingUid,
    versionId: version!.id,
    eventTypeId: 9003,
    answers,
  });
});

afterAll(async () => {
  await dataSource?.destroy();
  await scratch?.drop();
});

const stored = async () =>
  (
    await dataSource.query(
      `SELECT answers_encrypted, data_key_wrapped FROM questionnaire_responses WHERE booking_uid = $1`,
      [bookingUid],
    )
  )[0] as { answers_encrypted: string; data_key_wrapped: string };

it("re-wraps the data key on rotation, leaves the answers untouched, and then needs the old key no more", async () => {
  const before = await stored();
  expect(before.data_key_wrapped.startsWith("v1.k1.")).toBe(true);
  expect(before.answers_encrypted).not.toContain(answers["who-died"]);

  const rotated = createFieldCipher(parseKeyring(`${keyOne},${keyTwo}`));
  const report = await reencryptPersonalData(dataSource, rotated);
  expect(report.rewritten["questionnaire_responses.data_key_wrapped"]).toBe(1);
  expect(await countValuesNotUnderActiveKey(dataSource, rotated)).toBe(0);

  const after = await stored();
  expect(after.data_key_wrapped.startsWith("v1.k2.")).toBe(true);
  expect(after.answers_encrypted).toBe(before.answers_encrypted);
  const withKeyTwoOnly = createQuestionnaireResponses({ dataSource, cipher: createFieldCipher(parseKeyring(keyTwo)) });
  const [opened] = await withKeyTwoOnly.forBooking(bookingUid);
  expect(opened!.answers).toEqual(answers);
});

it("erases a booking's answers with their wrapped keys", async () => {
  const responses = createQuestionnaireResponses({ dataSource, cipher: createFieldCipher(parseKeyring(keyTwo)) });
  expect(await responses.eraseForBooking(bookingUid)).toBe(1);
  expect(await responses.forBooking(bookingUid)).toEqual([]);
});

it("deletes a waiting response only while its booking is still missing", async () => {
  const responses = createQuestionnaireResponses({ dataSource, cipher: createFieldCipher(parseKeyring(keyTwo)) });
  const [version] = await dataSource.query(`SELECT id FROM questionnaire_versions LIMIT 1`);
  const submit = (uid: string) =>
    responses.submit({ bookingUid: uid, versionId: version.id, eventTypeId: 9003, answers });
  const missing = await submit(`missing${randomBytes(6).toString("hex")}`);
  const arrivingUid = `arriving${randomBytes(6).toString("hex")}`;
  const arriving = await submit(arrivingUid);
  expect([missing.linked, arriving.linked]).toEqual([false, false]);
  await dataSource.query(
    `INSERT INTO bookings (uid, start_time, end_time, status, event_type_id, payload, last_event_at, last_event_rank,
       last_delivery_id) VALUES ($1, now() + interval '1 day', now() + interval '25 hours', 'accepted', 9003, 'x', now(), 1, 'd')`,
    [arrivingUid],
  );
  expect(await responses.deleteIfUnlinked(missing.responseId)).toBe(true);
  expect(await responses.deleteIfUnlinked(arriving.responseId)).toBe(false);
  expect(await responses.link(arriving.responseId)).toBe("linked");
  expect(await responses.deleteIfUnlinked(missing.responseId)).toBe(false);
});
