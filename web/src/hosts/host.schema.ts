// The api's `GET /hosts/{username}` answer, and the only fields of it this app keeps.
import { z } from 'zod';

export const publicEventTypeSchema = z.object({
  id: z.number().int(),
  slug: z.string().min(1),
  title: z.string(),
  lengthInMinutes: z.number().int().positive(),
  description: z.string().nullable(),
});

// z.object strips unknown keys: whatever else the api might add never reaches a page or the browser.
export const hostSchema = z.object({
  username: z.string().min(1),
  name: z.string(),
  church: z.object({ name: z.string() }),
  calApiUrl: z.url({ protocol: /^https?$/ }),
  calClientId: z.string().min(1),
  eventTypes: z.array(publicEventTypeSchema),
});

export type Host = z.infer<typeof hostSchema>;
export type PublicEventType = z.infer<typeof publicEventTypeSchema>;
