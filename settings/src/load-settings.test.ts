import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadSettings, SettingsError } from "./load-settings.js";
import { calOAuth2ClientSettings } from "./cal-oauth2-client-settings.js";
import { noteKeystoreUrlFor } from "./note-keystore-url.js";
import { settingsSchema } from "./settings.schema.js";

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadSettings(env);
  } catch (error) {
    if (error instanceof SettingsError) return error.problems;
    throw error;
  }
  return [];
}

describe("loadSettings", () => {
  it("gives working defaults for development", () => {
    const settings = loadSettings({});
    expect(settings).toMatchObject({
      NODE_ENV: "development",
      PORT: 3001,
      TEMPORAL_NAMESPACE: "default",
      TEMPORAL_TASK_QUEUE: "churchhub-booking",
    });
  });

  it("refuses to start in production without a database, Temporal, a webhook secret, keys and the web server’s token, listing all", () => {
    expect(problemsOf({ NODE_ENV: "production" })).toEqual([
      "DATABASE_URL: required in production",
      "TEMPORAL_ADDRESS: required in production",
      "CAL_WEBHOOK_SECRET: required in production",
      "DATA_ENCRYPTION_KEYS: required in production",
      "BLIND_INDEX_KEY: required in production",
      "WEB_SERVER_TOKEN: required in production",
    ]);
  });

  it('never accepts Cal.com’s "no-secret-provided" literal as the webhook secret', () => {
    expect(problemsOf({ CAL_WEBHOOK_SECRET: "no-secret-provided" })).toEqual([
      'CAL_WEBHOOK_SECRET: must not be "no-secret-provided"',
    ]);
  });

  it("lists every invalid setting at once", () => {
    const problems = problemsOf({ PORT: "eighty", DATABASE_URL: "mysql://x", CAL_WEBHOOK_SECRET: "short" });
    expect(problems.map((problem) => problem.split(":")[0])).toEqual(["PORT", "DATABASE_URL", "CAL_WEBHOOK_SECRET"]);
  });

  it("OAuth 2.0 connections: a state key is required in production, at least 32 bytes, and a secret needs its client id", () => {
    expect(problemsOf({ NODE_ENV: "production", CAL_OAUTH2_CLIENT_ID: "client" })).toContain(
      "CONNECT_STATE_KEY: required in production when CAL_OAUTH2_CLIENT_ID is set",
    );
    expect(problemsOf({ CONNECT_STATE_KEY: Buffer.alloc(16).toString("base64") })).toEqual([
      "CONNECT_STATE_KEY: must be at least 32 bytes, base64-encoded",
    ]);
    expect(problemsOf({ CAL_OAUTH2_CLIENT_SECRET: "secret" })).toEqual([
      "CAL_OAUTH2_CLIENT_SECRET: set CAL_OAUTH2_CLIENT_ID too",
    ]);
    expect(
      problemsOf({ CAL_OAUTH2_CLIENT_ID: "client", CONNECT_STATE_KEY: Buffer.alloc(32, 7).toString("base64") }),
    ).toEqual([]);
  });

  it("OAuth 2.0 client type: confidential with a secret, public without one; a contradiction is refused", () => {
    const env = { CAL_OAUTH2_CLIENT_ID: "client" };
    expect(calOAuth2ClientSettings(loadSettings({ ...env, CAL_OAUTH2_CLIENT_SECRET: "s3cret" }))?.credentials).toEqual({
      type: "confidential",
      clientSecret: "s3cret",
    });
    expect(calOAuth2ClientSettings(loadSettings(env))?.credentials).toEqual({ type: "public" });
    expect(calOAuth2ClientSettings(loadSettings({}))).toBeUndefined();
    expect(problemsOf({ ...env, CAL_OAUTH2_CLIENT_TYPE: "confidential" })).toEqual([
      "CAL_OAUTH2_CLIENT_TYPE: confidential needs CAL_OAUTH2_CLIENT_SECRET",
    ]);
    expect(problemsOf({ ...env, CAL_OAUTH2_CLIENT_TYPE: "public", CAL_OAUTH2_CLIENT_SECRET: "s3cret" })).toEqual([
      "CAL_OAUTH2_CLIENT_TYPE: a public client sends no secret; leave CAL_OAUTH2_CLIENT_SECRET empty",
    ]);
    expect(problemsOf({ ...env, CAL_OAUTH2_CLIENT_TYPE: "hybrid" })[0]).toMatch(/^CAL_OAUTH2_CLIENT_TYPE: /);
  });

  it("OAuth 2.0 scopes: BOOKING_READ and PROFILE_READ by default, more may be asked for, none of those two left out", () => {
    expect(loadSettings({}).CAL_OAUTH2_SCOPES).toEqual(["BOOKING_READ", "PROFILE_READ"]);
    expect(
      loadSettings({ CAL_OAUTH2_SCOPES: "BOOKING_READ, PROFILE_READ WEBHOOK_READ WEBHOOK_WRITE" }).CAL_OAUTH2_SCOPES,
    ).toEqual(["BOOKING_READ", "PROFILE_READ", "WEBHOOK_READ", "WEBHOOK_WRITE"]);
    expect(problemsOf({ CAL_OAUTH2_SCOPES: "PROFILE_READ" })).toEqual([
      "CAL_OAUTH2_SCOPES: must include BOOKING_READ (reconciliation reads the host's bookings)",
    ]);
    expect(problemsOf({ CAL_OAUTH2_SCOPES: "booking_read" })[0]).toMatch(/^CAL_OAUTH2_SCOPES\.0: /);
  });

  it("treats empty values as unset, as in .env.example", () => {
    expect(loadSettings({ DATABASE_URL: "", TEMPORAL_ADDRESS: "" }).DATABASE_URL).toBeUndefined();
  });

  it("is documented: .env.example names every setting", () => {
    const example = readFileSync(fileURLToPath(new URL("../../.env.example", import.meta.url)), "utf8");
    const documented = new Set([...example.matchAll(/^([A-Z0-9_]+)=/gm)].map((match) => match[1]));
    expect([...Object.keys(settingsSchema.shape)].filter((key) => !documented.has(key))).toEqual([]);
  });
});

describe("the note key store", () => {
  const production = {
    NODE_ENV: "production",
    DATABASE_URL: "postgres://app:pw@db:5432/churchhub",
    TEMPORAL_ADDRESS: "temporal:7233",
    CAL_WEBHOOK_SECRET: "a-webhook-secret-of-length",
    DATA_ENCRYPTION_KEYS: "k:x",
    BLIND_INDEX_KEY: "x",
    WEB_SERVER_TOKEN: "t".repeat(32),
  };

  it("is required in production once the staff area (where notes are written) is on", () => {
    expect(problemsOf(production)).toEqual([]);
    expect(problemsOf({ ...production, STAFF_AUTH_SECRET: "s".repeat(32) })).toEqual([
      "NOTE_KEYSTORE_URL: required in production when the staff area is on (STAFF_AUTH_SECRET)",
    ]);
  });

  it("is a database of its own beside the notes' one outside production", () => {
    expect(noteKeystoreUrlFor(loadSettings({}), "postgres://u:p@127.0.0.1:54329/churchhub")).toBe(
      "postgres://u:p@127.0.0.1:54329/churchhub_note_keys",
    );
    const configured = loadSettings({ NOTE_KEYSTORE_URL: "postgres://u:p@keys:5432/keys" });
    expect(noteKeystoreUrlFor(configured, "postgres://u:p@db:5432/churchhub")).toBe("postgres://u:p@keys:5432/keys");
  });
});
