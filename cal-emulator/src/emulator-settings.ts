// The emulator process's settings, read once from the environment; every problem is listed at start-up.
import { z } from "zod";

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

export const emulatorSettingsSchema = z.object({
  CAL_EMULATOR_PORT: z.coerce.number().int().min(0).max(65535).default(5555),
  CAL_EMULATOR_HOST: z.string().default("127.0.0.1"),
  CAL_EMULATOR_WEBHOOK_URL: optionalText.pipe(z.url().optional()),
  CAL_EMULATOR_WEBHOOK_SECRET: optionalText,
  CAL_EMULATOR_FIXTURES: optionalText,
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type EmulatorSettings = z.infer<typeof emulatorSettingsSchema>;

export function loadEmulatorSettings(env: NodeJS.ProcessEnv = process.env): EmulatorSettings {
  const parsed = emulatorSettingsSchema.safeParse(env);
  if (!parsed.success) {
    throw new Error(
      `Invalid Cal.com emulator configuration:\n${parsed.error.issues.map((issue) => `  - ${issue.path.join(".")}: ${issue.message}`).join("\n")}`,
    );
  }
  return parsed.data;
}
