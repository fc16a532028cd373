// `npm run connect:link -- [--label "Pastor Ruth"]`: issues a one-time connect link for a host and prints
// it with its expiry, as the operator endpoint POST /connections/cal/links does. It writes the link
// straight into the database (DATABASE_URL, or `npm run dev`'s embedded Postgres in development), so the
// URL is built from this environment's API_PUBLIC_URL: run it with the same settings as the api.
import { createDataSource, runMigrations } from "@churchhub/database";
import { databaseUrlFor, loadSettings, SettingsError, withoutPassword } from "@churchhub/settings";
import { ConnectLinkUsageError, parseConnectLinkArguments } from "./connect-link-arguments.js";
import { issueConnectLinkWithSettings } from "./issue-connect-link.js";

try {
  const { hostLabel } = parseConnectLinkArguments(process.argv.slice(2));
  const settings = loadSettings();
  if (!settings.CAL_OAUTH2_CLIENT_ID) {
    // Not an error: `npm run dev` turns OAuth 2.0 on for its own api only (sandbox), not in this shell.
    console.error(
      "Note: CAL_OAUTH2_CLIENT_ID is not set here. The link works only if the api runs with OAuth 2.0 connections on (npm run dev does, in sandbox mode).",
    );
  }
  const databaseUrl = databaseUrlFor(settings);
  const dataSource = createDataSource({ url: databaseUrl, poolSize: 2, applicationName: "churchhub-connect-link" });
  try {
    await dataSource.initialize();
  } catch (error) {
    throw new Error(
      `Cannot reach the database at ${withoutPassword(databaseUrl)} (${(error as Error).message}). Is it running (npm run dev), and is DATABASE_URL right?`,
    );
  }
  try {
    await runMigrations(dataSource);
    const { link, url } = await issueConnectLinkWithSettings(
      { settings, dataSource },
      { hostLabel, createdBy: `cli:${process.env.USER ?? "unknown"}` },
    );
    console.log(
      `One-time Cal.com connect link${hostLabel ? ` for ${hostLabel}` : ""} (link ${link.id}), usable until ${link.expiresAt.toISOString()}:`,
    );
    console.log(url);
  } finally {
    await dataSource.destroy();
  }
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = error instanceof ConnectLinkUsageError || error instanceof SettingsError ? 2 : 1;
}
