// Server-side changes through the api's /staff endpoints on behalf of the signed-in person (server
// actions), sent by staffApiSend. Answers a refusal's message (for the person), or null when it was done.
import "server-only";
import { refusalMessage, StaffNotFoundError, staffApiSend } from "./staff-api";

export async function staffApiChange(method: "POST" | "DELETE", path: string, body?: unknown): Promise<string | null> {
  const answer = await staffApiSend(method, path, body);
  if (answer.status === 404) throw new StaffNotFoundError();
  if (answer.status < 400) return null;
  return refusalMessage(answer) ?? `The request was refused (HTTP ${answer.status})`;
}
