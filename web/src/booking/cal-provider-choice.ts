// Which of the atoms' providers a host's booking page uses, and all it is given: the client id and the API URL.
import type { CalProviderKind } from "../hosts/host.schema";

interface CalProviderChoice {
  /** CalOAuthProvider checks an OAuth 2.0 client (/atoms/auth/oauth2/clients/{id}); CalProvider a Platform one (/provider/{id}). */
  component: "CalProvider" | "CalOAuthProvider";
  /** Never an accessToken or refreshUrl: without them the Booker uses Cal.com's public endpoints only. */
  props: { clientId: string; options: { apiUrl: string } };
}

export function chooseCalProvider(host: {
  calProvider: CalProviderKind;
  calClientId: string;
  calApiUrl: string;
}): CalProviderChoice {
  return {
    component: host.calProvider === "oauth2" ? "CalOAuthProvider" : "CalProvider",
    props: { clientId: host.calClientId, options: { apiUrl: host.calApiUrl } },
  };
}
