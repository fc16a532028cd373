// Runs once when the Next.js server starts: refuse to serve with invalid settings.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { webSettings } = await import("./config/web-settings");
  webSettings();
}
