// chooseCalProvider: an ordinary account's page gets CalOAuthProvider, a managed user's CalProvider; both only
// the client id and the Cal.com API URL.
import { describe, expect, it } from "vitest";
import { chooseCalProvider } from "./cal-provider-choice";

const calApiUrl = "http://127.0.0.1:5555/v2";

describe("chooseCalProvider", () => {
  it("uses CalOAuthProvider with the OAuth 2.0 client id for an ordinary Cal.com account", () => {
    expect(chooseCalProvider({ calProvider: "oauth2", calClientId: "clxsandbox0oauth2", calApiUrl })).toEqual({
      component: "CalOAuthProvider",
      props: { clientId: "clxsandbox0oauth2", options: { apiUrl: calApiUrl } },
    });
  });

  it("uses CalProvider with the Platform client id for a managed user", () => {
    expect(chooseCalProvider({ calProvider: "platform", calClientId: "clxsandbox0client", calApiUrl })).toEqual({
      component: "CalProvider",
      props: { clientId: "clxsandbox0client", options: { apiUrl: calApiUrl } },
    });
  });

  it("passes nothing else to the provider, whatever else the caller holds", () => {
    const host = {
      calProvider: "oauth2" as const,
      calClientId: "c",
      calApiUrl,
      accessToken: "token",
      refreshUrl: "/refresh",
    };
    const { props } = chooseCalProvider(host);
    expect(Object.keys(props)).toEqual(["clientId", "options"]);
    expect(Object.keys(props.options)).toEqual(["apiUrl"]);
  });
});
