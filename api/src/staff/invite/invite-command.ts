// `npm run staff:invite -- --email <e> --role admin|host [--host <cal username>] [--name "<name>"]`:
// creates the staff account (unless it exists) and prints a one-time sign-in link, which is also mailed.
// It writes straight into the database (DATABASE_URL, or `npm run dev`'s embedded Postgres) and mails
// through SMTP_URL (or `npm run dev`'s local mail server): run it with the same settings as the api.
import { randomBytes } from "node:crypto";
import { createCalClient } from "@churchhub/cal-client";
import { createDataSource, runMigrations } from "@churchhub/database";
import { createProtectorFromSettings } from "@churchhub/field-encryption";
import { databaseUrlFor, loadSettings, SettingsError, withoutPassword } from "@churchhub/settings";
import { createStaffAreaFromSettings } from "../staff-area.js";
import { parseStaffInviteArguments, StaffInviteUsageError } from "./invite-arguments.js";
import { inviteStaff, StaffInvitationError } from "./invite-staff.js";
import { resolveHostCalUserId, UnknownHostError } from "./resolve-host.js";

try {
  const invitation = parseStaffInviteArguments(process.argv.slice(2));
  const settings = loadSettings();
  const databaseUrl = databaseUrlFor(settings);
  const dataSource = createDataSource({ url: databaseUrl, poolSize: 2, applicationName: "churchhub-staff-invite" });
  try {
    await dataSource.initialize();
  } catch (error) {
    throw new Error(
      `Cannot reach the database at ${withoutPassword(databaseUrl)} (${(error as Error).message}). Is it running (npm run dev), and is DATABASE_URL right?`,
    );
  }
  await runMigrations(dataSource).finally(() => dataSource.destroy());
  // Issuing a link signs nothing: outside production a throwaway secret serves when none is configured.
  const secret =
    settings.STAFF_AUTH_SECRET ?? (settings.NODE_ENV === "production" ? undefined : randomBytes(32).toString("hex"));
  const area = createStaffAreaFromSettings(settings, {
    databaseUrl,
    protector: createProtectorFromSettings(settings),
    clock: () => new Date(),
    poolSize: 2,
    secret,
  });
  if (!area) throw new StaffInvitationError("STAFF_AUTH_SECRET: required in production");
  try {
    const calUserId = invitation.hostUsername
      ? await resolveHostCalUserId(
          {
            pool: area.pool,
            calClient:
              settings.CAL_OAUTH_CLIENT_ID && settings.CAL_OAUTH_CLIENT_SECRET
                ? createCalClient({
                    baseUrl: settings.CAL_API_URL,
                    platformClient: {
                      clientId: settings.CAL_OAUTH_CLIENT_ID,
                      secretKey: settings.CAL_OAUTH_CLIENT_SECRET,
                    },
                  })
                : undefined,
          },
          invitation.hostUsername,
        )
      : undefined;
    const invited = await inviteStaff(
      { auth: area.auth, links: area.links, pool: area.pool },
      { email: invitation.email, role: invitation.role, calUserId, name: invitation.name ?? undefined },
    );
    console.log(
      `${invited.created ? "Invited" : "New sign-in link for"} ${invitation.email} (${invitation.role}${invitation.hostUsername ? ` of ${invitation.hostUsername}` : ""}); mailed too. One-time link, usable until ${invited.expiresAt.toISOString()}:`,
    );
    console.log(invited.url);
  } finally {
    await area.close();
  }
} catch (error) {
  console.error((error as Error).message);
  process.exitCode =
    error instanceof StaffInviteUsageError || error instanceof SettingsError
      ? 2
      : error instanceof StaffInvitationError || error instanceof UnknownHostError
        ? 3
        : 1;
}
