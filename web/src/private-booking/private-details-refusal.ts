// Reads the api's 400 for a private booking's details into errors per field, so the form puts each one
// beside its input. The api names fields as "name: …; email: …" (validate-request.ts) and never echoes
// what was typed; anything it does not name becomes one message for the whole form.
import { z } from "zod";

export const PRIVATE_DETAIL_FIELDS = ["name", "email", "phone"] as const;
export type PrivateDetailField = (typeof PRIVATE_DETAIL_FIELDS)[number];

export interface PrivateDetailsRefusal {
  fieldErrors: Partial<Record<PrivateDetailField, string>>;
  message?: string;
}

const refusalBody = z.object({ error: z.object({ message: z.string() }) });
const LABELS: Record<PrivateDetailField, string> = { name: "Name", email: "Email", phone: "Phone number" };

export function readFieldErrors(body: unknown): PrivateDetailsRefusal {
  const parsed = refusalBody.safeParse(body);
  if (!parsed.success) return { fieldErrors: {}, message: "Your details could not be accepted. Please check them." };
  const fieldErrors: PrivateDetailsRefusal["fieldErrors"] = {};
  const unnamed: string[] = [];
  for (const problem of parsed.data.error.message.split("; ")) {
    const [where, ...rest] = problem.split(": ");
    const field = PRIVATE_DETAIL_FIELDS.find((name) => name === where);
    if (field && rest.length > 0) fieldErrors[field] ??= `${LABELS[field]} ${rest.join(": ")}.`;
    else unnamed.push(problem);
  }
  return unnamed.length > 0
    ? { fieldErrors, message: "Your details could not be accepted. Please check them." }
    : { fieldErrors };
}
