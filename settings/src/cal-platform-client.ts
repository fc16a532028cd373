// The Cal.com Platform OAuth client (managed users) the settings configure, or none: read in one place
// by the api and the worker.
import type { Settings } from "./settings.schema.js";

export interface CalPlatformClient {
  clientId: string;
  secretKey: string;
}

export function calPlatformClient(settings: Settings): CalPlatformClient | undefined {
  return settings.CAL_OAUTH_CLIENT_ID && settings.CAL_OAUTH_CLIENT_SECRET
    ? { clientId: settings.CAL_OAUTH_CLIENT_ID, secretKey: settings.CAL_OAUTH_CLIENT_SECRET }
    : undefined;
}
