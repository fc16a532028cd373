// The web server's settings (zod over process.env), validated once at start-up, listing every problem.
// Server-side only (it holds WEB_SERVER_TOKEN): read by instrumentation.ts, hosts/host-directory.ts and
// config/web-server-api.ts. The server-only marker makes a build fail if a client component imports it.
import "server-only";
import { z } from "zod";

const webSettingsSchema = z.object({
  // The ChurchHub api, called only from this server (it holds host data the browser must not see).
  API_URL: z
    .url({ protocol: /^https?$/ })
    .default("http://127.0.0.1:3001")
    .transform((url) => url.replace(/\/+$/, "")),
  // The bearer token the api expects from this server on its server-only endpoints (/hosts).
  WEB_SERVER_TOKEN: z
    .string({ error: "is required (the api's WEB_SERVER_TOKEN)" })
    .min(32, "must be at least 32 characters"),
  // The Temporal UI staff pages link to for a booking's processing runs; no link when unset.
  TEMPORAL_UI_URL: z
    .url({ protocol: /^https?$/ })
    .transform((url) => url.replace(/\/+$/, ""))
    .optional(),
  // The namespace those runs are in (the api's and worker's TEMPORAL_NAMESPACE).
  TEMPORAL_NAMESPACE: z.string().min(1).default("default"),
});

type WebSettings = z.infer<typeof webSettingsSchema>;

export class InvalidWebSettingsError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid web settings:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
    this.name = "InvalidWebSettingsError";
  }
}

export function parseWebSettings(env: Record<string, string | undefined>): WebSettings {
  const result = webSettingsSchema.safeParse({
    API_URL: env.API_URL || undefined,
    WEB_SERVER_TOKEN: env.WEB_SERVER_TOKEN || undefined,
    TEMPORAL_UI_URL: env.TEMPORAL_UI_URL || undefined,
    TEMPORAL_NAMESPACE: env.TEMPORAL_NAMESPACE || undefined,
  });
  if (!result.success) {
    throw new InvalidWebSettingsError(result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
  }
  return result.data;
}

let loaded: WebSettings | undefined;

/** The settings, read from the environment the first time and reused after. */
export function webSettings(): WebSettings {
  loaded ??= parseWebSettings(process.env);
  return loaded;
}
