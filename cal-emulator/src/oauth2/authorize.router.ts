// /auth/oauth2/authorize at the emulator's origin, like https://app.cal.com/auth/oauth2/authorize (a web
// page, not an API v2 route). GET shows the consent page; its form POSTs back here. Allow issues a code
// and redirects to `redirect_uri?code&state`; Deny redirects with `error=access_denied`.
// Sources: docs api-reference/v2/oauth.mdx §2; apps/web/modules/auth/oauth2/authorize-view.tsx;
// packages/features/oauth/services/OAuthService.ts (generateAuthorizationCode, OAUTH_ERROR_REASONS.access_denied).
import type { Request, Response } from "express";
import type { DeclareRoute } from "../http/route-probes.js";
import type { EmulatorState, User } from "../state.js";
import { renderConsentPage, renderErrorPage } from "./authorize-page.js";
import { checkAuthorizeRequest, readAuthorizeParams, redirectUrl } from "./authorize-request.js";
import type { OAuth2Grants } from "./oauth2-grants.js";

const ACCESS_DENIED = "The resource owner or authorization server denied the request.";

function sendHtml(response: Response, status: number, html: string): void {
  response
    .status(status)
    .set({
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "no-store",
      "X-Frame-Options": "DENY",
      // No form-action directive: browsers apply it to the redirect that follows the POST, which leaves this origin.
      "Content-Security-Policy":
        "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'",
      "Referrer-Policy": "no-referrer",
    })
    .send(html);
}

/** The accounts a person may pick: ordinary Cal.com accounts, not platform managed users. */
function ordinaryAccounts(state: EmulatorState): User[] {
  return [...state.users.values()].filter((user) => user.oauthClientId === null);
}

export function declareAuthorizeRoutes(
  declare: DeclareRoute,
  deps: { state: () => EmulatorState; oauth2: OAuth2Grants },
): void {
  declare("get", "/auth/oauth2/authorize", (request: Request, response: Response) => {
    const check = checkAuthorizeRequest(readAuthorizeParams(request.query), deps.state());
    if (check.outcome === "show-error") return sendHtml(response, check.status, renderErrorPage(check.message));
    if (check.outcome === "redirect-error") return response.redirect(302, check.location);
    const accounts = ordinaryAccounts(deps.state());
    if (accounts.length === 0)
      return sendHtml(response, 500, renderErrorPage("The emulator has no ordinary Cal.com accounts in its fixtures."));
    sendHtml(response, 200, renderConsentPage(check.request, accounts));
  });

  declare("post", "/auth/oauth2/authorize", (request: Request, response: Response) => {
    // The form carries the original parameters back; they are checked again, as anything posted can be edited.
    const check = checkAuthorizeRequest(readAuthorizeParams(request.body), deps.state());
    if (check.outcome === "show-error") return sendHtml(response, check.status, renderErrorPage(check.message));
    if (check.outcome === "redirect-error") return response.redirect(302, check.location);
    const { client, redirectUri, state, scopes, codeChallenge, codeChallengeMethod } = check.request;
    const body = (request.body ?? {}) as Record<string, unknown>;

    if (body.decision === "deny") {
      return response.redirect(
        302,
        redirectUrl(redirectUri, { error: "access_denied", error_description: ACCESS_DENIED, state }),
      );
    }
    if (body.decision !== "allow") return sendHtml(response, 400, renderErrorPage("Choose Allow or Deny."));
    const account = ordinaryAccounts(deps.state()).find((user) => String(user.id) === body.account);
    if (!account) return sendHtml(response, 400, renderErrorPage("Choose one of the listed Cal.com accounts."));

    const code = deps.oauth2.issueAuthorizationCode({
      clientId: client.clientId,
      userId: account.id,
      redirectUri,
      scopes,
      ...(codeChallenge ? { codeChallenge, codeChallengeMethod } : {}),
    });
    response.redirect(302, redirectUrl(redirectUri, { code, state }));
  });
}
