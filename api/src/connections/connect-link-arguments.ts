// The arguments of `npm run connect:link -- [--label "Pastor Ruth"]`, checked before anything is opened,
// with the same rules for the label as POST /connections/cal/links.
import { parseArgs } from "node:util";
import { newConnectLinkSchema } from "./connections.router.js";

const CONNECT_LINK_USAGE = 'usage: npm run connect:link -- [--label "<who the link is for>"]';

/** Bad input on the command line: the message says what to change, then the usage. */
export class ConnectLinkUsageError extends Error {
  constructor(problem: string) {
    super(`${problem}\n${CONNECT_LINK_USAGE}`);
    this.name = "ConnectLinkUsageError";
  }
}

export function parseConnectLinkArguments(args: string[]): { hostLabel: string | null } {
  let parsed: ReturnType<typeof parseLabelOption>;
  try {
    parsed = parseLabelOption(args);
  } catch (error) {
    // parseArgs explains unknown options, missing values and stray words in its own words.
    throw new ConnectLinkUsageError((error as Error).message);
  }
  if (parsed.positionals.length > 0)
    throw new ConnectLinkUsageError(
      `Unexpected argument "${parsed.positionals[0]}" (put the label after --label, quoted)`,
    );
  const label = parsed.values.label;
  if (label === undefined) return { hostLabel: null };
  const checked = newConnectLinkSchema.safeParse({ hostLabel: label });
  if (!checked.success)
    throw new ConnectLinkUsageError(
      "--label must be 1 to 120 characters (spaces around it do not count), with no U+0000",
    );
  return { hostLabel: checked.data.hostLabel ?? null };
}

function parseLabelOption(args: string[]) {
  return parseArgs({ args, strict: true, allowPositionals: true, options: { label: { type: "string" } } });
}
