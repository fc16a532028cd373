"use server";
// The sensitive-mode forms' actions: each sends one change to the staff api as the signed-in person
// (server side, with the session's CSRF token) and returns to the page, with the api's message when it
// refused (the message names the problem and what to do; it carries no personal data).
import { redirect } from "next/navigation";
import { z } from "zod";
import { staffApiSend } from "./staff-api";

const ids = z.object({
  calUserId: z.coerce.number().int().positive(),
  eventTypeId: z.coerce.number().int().positive(),
});

function back(path: string, answer: { status: number; body: unknown }): never {
  if (answer.status >= 400) {
    const message =
      (answer.body as { error?: { message?: string } }).error?.message ??
      `The change was refused (HTTP ${answer.status})`;
    redirect(`${path}${path.includes("?") ? "&" : "?"}notice=${encodeURIComponent(message)}`);
  }
  redirect(path);
}

const sensitivePage = (calUserId: number) => `/staff/sensitive?host=${calUserId}`;
const linksPage = (calUserId: number, eventTypeId: number) =>
  `/staff/sensitive/links?host=${calUserId}&eventType=${eventTypeId}`;

export async function setEventTypeSensitive(formData: FormData): Promise<void> {
  const { calUserId, eventTypeId } = ids.parse(Object.fromEntries(formData));
  const sensitive = formData.get("sensitive") === "true";
  const answer = await staffApiSend("PUT", `/staff/sensitive/hosts/${calUserId}/event-types/${eventTypeId}`, {
    sensitive,
  });
  back(sensitivePage(calUserId), answer);
}

export async function setHostDefault(formData: FormData): Promise<void> {
  const calUserId = z.coerce.number().int().positive().parse(formData.get("calUserId"));
  const answer = await staffApiSend("PUT", `/staff/sensitive/hosts/${calUserId}/default`, {
    sensitive: formData.get("sensitive") === "true",
  });
  back(sensitivePage(calUserId), answer);
}

export async function createPrivateLink(formData: FormData): Promise<void> {
  const { calUserId, eventTypeId } = ids.parse(Object.fromEntries(formData));
  const expiresOn = String(formData.get("expiresOn") ?? "");
  const uses = String(formData.get("maxUsageCount") ?? "");
  const limits = expiresOn
    ? { expiresAt: new Date(`${expiresOn}T23:59:59.000Z`).toISOString() }
    : uses
      ? { maxUsageCount: Number(uses) }
      : {};
  const answer = await staffApiSend(
    "POST",
    `/staff/sensitive/hosts/${calUserId}/event-types/${eventTypeId}/private-links`,
    limits,
  );
  back(linksPage(calUserId, eventTypeId), answer);
}

export async function revokePrivateLink(formData: FormData): Promise<void> {
  const { calUserId, eventTypeId } = ids.parse(Object.fromEntries(formData));
  const linkId = z.string().min(1).parse(formData.get("linkId"));
  const answer = await staffApiSend(
    "DELETE",
    `/staff/sensitive/hosts/${calUserId}/event-types/${eventTypeId}/private-links/${encodeURIComponent(linkId)}`,
  );
  back(linksPage(calUserId, eventTypeId), answer);
}
