// The arguments of `npm run staff:invite -- --email <e> --role admin|host [--host <cal username>]
// [--name "<name>"]`, checked before anything is opened.
import { parseArgs } from "node:util";
import { z } from "zod";
import { STAFF_ROLES, type StaffRole } from "../auth/create-staff-auth.js";

export const STAFF_INVITE_USAGE =
  'usage: npm run staff:invite -- --email <address> --role admin|host [--host <Cal.com username>] [--name "<name>"]';

export class StaffInviteUsageError extends Error {
  constructor(problem: string) {
    super(`${problem}\n${STAFF_INVITE_USAGE}`);
    this.name = "StaffInviteUsageError";
  }
}

export interface StaffInviteArguments {
  email: string;
  role: StaffRole;
  hostUsername: string | null;
  name: string | null;
}

export function parseStaffInviteArguments(args: string[]): StaffInviteArguments {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (error) {
    throw new StaffInviteUsageError((error as Error).message);
  }
  if (parsed.positionals.length > 0) throw new StaffInviteUsageError(`Unexpected argument "${parsed.positionals[0]}"`);
  const { email, role, host, name } = parsed.values;
  if (!email || !z.email().safeParse(email.trim()).success)
    throw new StaffInviteUsageError("--email must be an email address");
  const knownRole = STAFF_ROLES.find((candidate) => candidate === role);
  if (!knownRole) throw new StaffInviteUsageError(`--role must be one of ${STAFF_ROLES.join(", ")}`);
  if (knownRole === "host" && !host?.trim())
    throw new StaffInviteUsageError("--host <Cal.com username> is required for a host (whose bookings they see)");
  if (knownRole === "admin" && host !== undefined)
    throw new StaffInviteUsageError("--host is only for hosts: an administrator sees every host's bookings");
  if (name !== undefined && (name.trim().length === 0 || name.length > 120))
    throw new StaffInviteUsageError("--name must be 1 to 120 characters");
  return { email: email.trim(), role: knownRole, hostUsername: host?.trim() ?? null, name: name?.trim() ?? null };
}

function parse(args: string[]) {
  return parseArgs({
    args,
    strict: true,
    allowPositionals: true,
    options: {
      email: { type: "string" },
      role: { type: "string" },
      host: { type: "string" },
      name: { type: "string" },
    },
  });
}
