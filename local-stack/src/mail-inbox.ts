// Reads the local mail server's inbox through maildev's REST API (GET /email), for tests and tools that
// need the link a mail carried.
export interface ReceivedMail {
  id: string;
  subject: string;
  text: string;
  html: string;
  to: Array<{ address: string }>;
  date: string;
}

export function createMailInbox(inboxUrl: string) {
  async function all(): Promise<ReceivedMail[]> {
    const response = await fetch(`${inboxUrl}/email`);
    if (!response.ok) throw new Error(`mail inbox: HTTP ${response.status}`);
    return (await response.json()) as ReceivedMail[];
  }
  return {
    all,
    async to(address: string): Promise<ReceivedMail[]> {
      const wanted = address.toLowerCase();
      return (await all()).filter((mail) => mail.to.some((recipient) => recipient.address.toLowerCase() === wanted));
    },
    /** The newest mail to that address, waiting for it to arrive (mail is handed over asynchronously). */
    async waitForLatest(address: string, options: { after?: Date; timeoutMs?: number } = {}): Promise<ReceivedMail> {
      const deadline = Date.now() + (options.timeoutMs ?? 10_000);
      for (;;) {
        const mails = (await this.to(address)).filter(
          (mail) => !options.after || new Date(mail.date).getTime() >= options.after.getTime() - 1000,
        );
        const latest = mails.at(-1);
        if (latest) return latest;
        if (Date.now() > deadline) throw new Error(`no mail to ${address} arrived within the time allowed`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
  };
}

export type MailInbox = ReturnType<typeof createMailInbox>;

/** The first link in a mail's text that points at the given path (a sign-in link). */
export function linkIn(mail: ReceivedMail, pathFragment: string): string {
  const match = mail.text.match(/https?:\/\/\S+/g)?.find((url) => url.includes(pathFragment));
  if (!match) throw new Error(`the mail "${mail.subject}" carries no link to ${pathFragment}`);
  return match;
}
