"use server";
// The administrators' changes, as Server Actions: each reads its form, sends the change to the api's
// /staff/admin endpoint through staffApiChange (which adds the session's CSRF token; Next.js itself
// refuses an action posted from another origin), and refreshes the page it came from. A secret the api
// shows once (an API key, a connect link) is handed back to the form that asked, never stored here.
import { revalidatePath } from "next/cache";
import { staffApiChange } from "./staff-admin-api";
import { parseRoleChoice } from "./role-choice";

export interface AdminActionState {
  ok: boolean;
  message: string;
  /** A value shown once (API key, connect link). */
  secret?: string;
}

const field = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value.trim() : "";
};

async function done<T>(
  page: string,
  outcome: Awaited<ReturnType<typeof staffApiChange<T>>>,
  success: (body: T) => AdminActionState,
): Promise<AdminActionState> {
  if (!outcome.ok) return { ok: false, message: outcome.message };
  revalidatePath(page);
  return success(outcome.body);
}

export async function createConnectLink(_previous: AdminActionState | null, form: FormData): Promise<AdminActionState> {
  const hostLabel = field(form, "hostLabel");
  const outcome = await staffApiChange<{ url: string; expiresAt: string }>(
    "POST",
    "/staff/admin/hosts/connect-links",
    hostLabel ? { hostLabel } : {},
  );
  return done("/staff/admin/hosts", outcome, (link) => ({
    ok: true,
    message: `Connect link made. It works once, until ${new Date(link.expiresAt).toUTCString()}. Copy it now: it is not shown again.`,
    secret: link.url,
  }));
}

export async function inviteStaff(_previous: AdminActionState | null, form: FormData): Promise<AdminActionState> {
  const role = parseRoleChoice(field(form, "role"));
  if (!role) return { ok: false, message: "Choose a role." };
  const name = field(form, "name");
  const email = field(form, "email");
  const outcome = await staffApiChange<{ created: boolean }>("POST", "/staff/admin/staff", {
    email,
    ...role,
    ...(name ? { name } : {}),
  });
  return done("/staff/admin/staff", outcome, (invited) => ({
    ok: true,
    message: invited.created
      ? `Invitation mailed to ${email}.`
      : `${email} already has an account: a new sign-in link was mailed.`,
  }));
}

export async function changeRole(_previous: AdminActionState | null, form: FormData): Promise<AdminActionState> {
  const role = parseRoleChoice(field(form, "role"));
  if (!role) return { ok: false, message: "Choose a role." };
  const outcome = await staffApiChange(
    "POST",
    `/staff/admin/staff/${encodeURIComponent(field(form, "id"))}/role`,
    role,
  );
  return done("/staff/admin/staff", outcome, () => ({ ok: true, message: "Role changed." }));
}

export async function setActive(_previous: AdminActionState | null, form: FormData): Promise<AdminActionState> {
  const activate = field(form, "active") === "true";
  const outcome = await staffApiChange(
    "POST",
    `/staff/admin/staff/${encodeURIComponent(field(form, "id"))}/${activate ? "reactivate" : "deactivate"}`,
  );
  return done("/staff/admin/staff", outcome, () => ({
    ok: true,
    message: activate ? "Reactivated: they can sign in again." : "Deactivated: their sessions have ended.",
  }));
}

export async function createApiKey(_previous: AdminActionState | null, form: FormData): Promise<AdminActionState> {
  const outcome = await staffApiChange<{ key: string }>("POST", "/staff/admin/api-keys", {
    name: field(form, "name"),
    role: field(form, "role"),
  });
  return done("/staff/admin/api-keys", outcome, (created) => ({
    ok: true,
    message: "API key created. Copy it now: it is not shown again.",
    secret: created.key,
  }));
}

export async function revokeApiKey(_previous: AdminActionState | null, form: FormData): Promise<AdminActionState> {
  const outcome = await staffApiChange("DELETE", `/staff/admin/api-keys/${encodeURIComponent(field(form, "id"))}`);
  return done("/staff/admin/api-keys", outcome, () => ({ ok: true, message: "Revoked." }));
}

export async function runReconciliation(_previous: AdminActionState | null, form: FormData): Promise<AdminActionState> {
  const outcome = await staffApiChange(
    "POST",
    `/staff/admin/reconciliation/${encodeURIComponent(field(form, "scheduleId"))}/run`,
  );
  return done("/staff/admin/reconciliation", outcome, () => ({
    ok: true,
    message: "Started. Reload the page to see the run.",
  }));
}
