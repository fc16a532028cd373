// What a host's short public name (/book/<name>) may be: 2 to 40 lowercase letters, digits and hyphens,
// starting and ending with a letter or digit, and not a word the site uses for its own pages.

/** Words that name (or could one day name) the site's own pages and services, never a host. */
export const RESERVED_PUBLIC_NAMES: ReadonlySet<string> = new Set([
  "about",
  "admin",
  "api",
  "auth",
  "book",
  "booking",
  "bookings",
  "cal",
  "connect",
  "health",
  "help",
  "host",
  "hosts",
  "login",
  "logout",
  "new",
  "oauth",
  "public",
  "ready",
  "settings",
  "sign-in",
  "sign-out",
  "signin",
  "staff",
  "static",
  "support",
  "www",
]);

const PUBLIC_NAME_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])$/;

export type PublicNameProblem = "too_short" | "too_long" | "characters" | "edges" | "reserved";

/** Null when `name` may be chosen, otherwise what is wrong with it. */
export function publicNameProblem(name: string): PublicNameProblem | null {
  if (name.length < 2) return "too_short";
  if (name.length > 40) return "too_long";
  if (!/^[a-z0-9-]+$/.test(name)) return "characters";
  if (!PUBLIC_NAME_PATTERN.test(name)) return "edges";
  if (RESERVED_PUBLIC_NAMES.has(name)) return "reserved";
  return null;
}

/** The sentence a person reads for each problem. */
export function describePublicNameProblem(name: string, problem: PublicNameProblem): string {
  switch (problem) {
    case "too_short":
      return "A public name needs at least 2 characters";
    case "too_long":
      return "A public name has at most 40 characters";
    case "characters":
      return "A public name may use only lowercase letters a-z, digits and hyphens";
    case "edges":
      return "A public name starts and ends with a letter or a digit";
    case "reserved":
      return `"${name}" is used by the site itself; choose another name`;
  }
}
