// The api's `GET /hosts/{username}` answer, and the only fields of it this app keeps.
import { z } from "zod";

export const publicEventTypeSchema = z.object({
  id: z.number().int(),
  slug: z.string().min(1),
  title: z.string(),
  lengthInMinutes: z.number().int().positive(),
  description: z.string().nullable(),
});

/**
 * How the host's Cal.com account is connected, which decides the atoms' provider on the page: `platform`, a
 * Platform managed user (CalProvider with the Platform OAuth client id), or `oauth2`, an ordinary Cal.com
 * account connected through Cal.com OAuth 2.0 (CalOAuthProvider with the OAuth 2.0 client id). A missing or
 * unknown value is an invalid answer (the error page), not a guess: the wrong provider would check the wrong
 * client.
 */
const calProviderKindSchema = z.enum(["platform", "oauth2"]);

// z.object strips unknown keys: whatever else the api might add never reaches a page or the browser.
export const hostSchema = z.object({
  username: z.string().min(1),
  name: z.string(),
  church: z.object({ name: z.string() }),
  calApiUrl: z.url({ protocol: /^https?$/ }),
  /** The Platform OAuth client id for `platform`, the OAuth 2.0 client id for `oauth2`. */
  calClientId: z.string().min(1),
  calProvider: calProviderKindSchema,
  /** The host's short public name: a booking path naming them otherwise redirects to /book/<publicName>. */
  publicName: z.string().nullable(),
  eventTypes: z.array(publicEventTypeSchema),
});

export type Host = z.infer<typeof hostSchema>;
export type CalProviderKind = z.infer<typeof calProviderKindSchema>;
export type PublicEventType = z.infer<typeof publicEventTypeSchema>;
