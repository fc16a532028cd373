// A real local SMTP server with a web inbox (the npm package maildev, run as a child process: it installs
// its own signal handlers that would end whoever embedded it). `npm run dev` points SMTP_URL at it and
// prints the inbox; tests read what arrived through its REST API (mail-inbox.ts).
import path from "node:path";
import { startChildService, type ChildService } from "./child-service.js";
import { projectRoot } from "./project-root.js";
import { waitForHttp } from "./wait-for-http.js";

export interface RunningMailServer {
  /** For SMTP_URL. */
  smtpUrl: string;
  /** The web inbox (and its REST API). */
  inboxUrl: string;
  service: ChildService;
  stop(): Promise<void>;
}

export async function startLocalMailServer(options: {
  smtpPort: number;
  webPort: number;
  /** Keeps mail across restarts when set (npm run dev); in memory otherwise (tests). */
  mailDirectory?: string;
  /** Prints its output prefixed; off in tests. */
  quiet?: boolean;
}): Promise<RunningMailServer> {
  const bin = path.join(projectRoot, "node_modules", "maildev", "bin", "maildev");
  const args = [
    bin,
    "--smtp",
    String(options.smtpPort),
    "--web",
    String(options.webPort),
    "--ip",
    "127.0.0.1",
    ...(options.mailDirectory ? ["--mail-directory", options.mailDirectory] : []),
    ...(options.quiet ? ["--silent"] : []),
  ];
  const service = startChildService({
    name: "mail",
    command: process.execPath,
    args,
    env: { ...process.env },
    cwd: projectRoot,
  });
  const inboxUrl = `http://127.0.0.1:${options.webPort}`;
  try {
    await waitForHttp(`${inboxUrl}/healthz`, 30_000, service.isRunning);
  } catch (error) {
    await service.stop();
    throw error;
  }
  return {
    smtpUrl: `smtp://127.0.0.1:${options.smtpPort}`,
    inboxUrl,
    service,
    stop: async () => void (await service.stop()),
  };
}
