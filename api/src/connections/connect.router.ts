// The host's side of connecting: GET /connect/cal/{token} (the operator's one-time link) sends the
// browser to Cal.com's consent page with a signed state (and a public client's PKCE challenge), and sets a
// cookie binding the attempt to this browser; GET /oauth/cal/callback takes Cal.com's answer. Pages, not
// JSON: a person reads them.
import { Router, type Response } from "express";
import { z } from "zod";
import { cookieValue } from "../http/cookies.js";
import { validateRequest } from "../http/validate-request.js";
import { connectPage } from "./connect-pages.js";
import { ConnectionWorkflowError, type CallbackOutcome, type ConnectionService } from "./connection-service.js";

const CONNECT_COOKIE = "churchhub_connect";

/** An operator's one-time connect link token (connect-link-store.ts issues 43 base64url characters). */
export const connectLinkParamsSchema = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/) });
/** A host's private manage-link token: 32 random bytes, base64url. */
export const hostTokenParamsSchema = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/) });
// Cal.com's answer, as sent: a part that is not one string is absent, and the service says what is missing.
export const oauthAnswerSchema = z.object({
  code: z.string().min(1).max(2048).optional().catch(undefined),
  state: z.string().optional().catch(undefined),
  error: z.string().optional().catch(undefined),
  // Sent beside `error`; not shown to the host.
  error_description: z.string().optional().catch(undefined),
});

// The scopes some Cal.com builds require for /v2/webhooks with an OAuth token (cal-emulator/README.md).
const WEBHOOK_SCOPES = ["WEBHOOK_READ", "WEBHOOK_WRITE"];

export interface ConnectRouterDependencies {
  service: ConnectionService;
  churchName: string;
  webPublicUrl: string;
  secureCookies: boolean;
}

const REFUSAL_TEXT: Record<string, string> = {
  malformed: "This sign-in answer is not one of ours.",
  bad_signature: "This sign-in answer is not one of ours.",
  unknown: "This sign-in answer is not one of ours.",
  expired: "This sign-in took too long and has expired.",
  replayed: "This sign-in answer has already been used.",
  other_browser:
    "This sign-in was started in another browser. Finish it in the browser where you opened the connect link.",
  link_used: "This connect link has already been used.",
  missing_code: "Cal.com did not send an authorization code.",
};

export function createConnectRouter(deps: ConnectRouterDependencies): Router {
  const router = Router();
  // Lax: the cookie must come back on Cal.com's top-level redirect to our callback.
  const cookieAttributes = `HttpOnly; SameSite=Lax; Path=/; Max-Age=900${deps.secureCookies ? "; Secure" : ""}`;

  function send(response: Response, status: number, page: Parameters<typeof connectPage>[0]) {
    response.status(status).set("Cache-Control", "no-store").type("html").send(connectPage(page));
  }

  function sendUnusableConnectLink(response: Response) {
    send(response, 404, {
      title: "This connect link cannot be used",
      churchName: deps.churchName,
      paragraphs: [
        "It has expired, has already been used, or was never valid. Ask the person who sent it for a new one.",
      ],
    });
  }
  // A malformed token gets the page an unknown one gets: a person reads it, and nothing tells them apart.
  const connectRequest = validateRequest(
    { params: connectLinkParamsSchema },
    { refuse: (_request, response) => sendUnusableConnectLink(response) },
  );
  const manageRequest = validateRequest(
    { params: hostTokenParamsSchema },
    { refuse: (_request, response) => sendUnknownManageLink(response) },
  );
  const callbackRequest = validateRequest({ query: oauthAnswerSchema });

  router.get("/connect/cal/:token", connectRequest, async (request, response) => {
    const begun = await deps.service.beginConnect(
      connectRequest.parsed(response).params.token,
      cookieValue(request.get("cookie"), CONNECT_COOKIE) ?? undefined,
    );
    if (!begun) return sendUnusableConnectLink(response);
    response
      .set("Set-Cookie", `${CONNECT_COOKIE}=${begun.binding}; ${cookieAttributes}`)
      .set("Cache-Control", "no-store")
      .redirect(302, begun.authorizeUrl);
  });

  // The host's private link: see the connection, and end it (a form: POST to the same URL).
  router.get("/connect/cal/manage/:token", manageRequest, async (request, response) => {
    const connection = await deps.service.findByHostToken(manageRequest.parsed(response).params.token);
    if (!connection) return sendUnknownManageLink(response);
    send(response, 200, {
      title: "Your Cal.com connection",
      churchName: deps.churchName,
      paragraphs: [
        `${deps.churchName} receives the bookings of the Cal.com account ${connection.username}.`,
        "Disconnecting stops that; bookings already received are kept.",
      ],
      form: { action: request.originalUrl, button: "Disconnect my Cal.com account" },
    });
  });

  router.post("/connect/cal/manage/:token", manageRequest, async (_request, response) => {
    const connection = await deps.service.findByHostToken(manageRequest.parsed(response).params.token);
    if (!connection) return sendUnknownManageLink(response);
    try {
      await deps.service.disconnect(connection.id, "host");
    } catch (error) {
      if (!(error instanceof ConnectionWorkflowError)) throw error;
      send(response, 503, {
        title: "Not disconnected yet",
        churchName: deps.churchName,
        paragraphs: ["We could not finish disconnecting right now. Please try again in a few minutes."],
      });
      return;
    }
    send(response, 200, {
      title: "Your Cal.com account is disconnected",
      churchName: deps.churchName,
      paragraphs: [
        `${deps.churchName} no longer receives the bookings of ${connection.username}, and has forgotten its access to your Cal.com account.`,
      ],
    });
  });

  function sendUnknownManageLink(response: Response) {
    send(response, 404, {
      title: "This link cannot be used",
      churchName: deps.churchName,
      paragraphs: ["The connection it belonged to has been disconnected, or the link was never valid."],
    });
  }

  /** Cal.com refused our webhook (403): what the church's OAuth client lacks, and what to do, in plain words. */
  function missingWebhookScopeText(churchName: string): string[] {
    return [
      `Cal.com did not let ${churchName} subscribe to this account's booking notifications: the OAuth client is missing the scopes ${WEBHOOK_SCOPES.join(" and ")}. Until that is fixed, new bookings reach ${churchName} within a few minutes instead of at once.`,
      `To fix it, ask your administrator to add ${WEBHOOK_SCOPES.join(" and ")} to the OAuth client in Cal.com and to the scopes this app asks for (CAL_OAUTH2_SCOPES), and then connect again with a new connect link.`,
    ];
  }

  /** What the host reads about the staff area, where they see the bookings made with them. */
  function staffSignInText(kind: "mailed" | "not_offered" | "failed", churchName: string): string {
    if (kind === "mailed")
      return `You can see the bookings made with you in ${churchName}'s staff area: we have emailed a one-time sign-in link to the address of your Cal.com account.`;
    if (kind === "failed")
      return `We could not email you a sign-in link for ${churchName}'s staff area just now. Ask your administrator for an invitation.`;
    return `To see the bookings made with you in ${churchName}'s staff area, ask your administrator for an invitation.`;
  }

  router.get("/oauth/cal/callback", callbackRequest, async (request, response) => {
    const outcome = await deps.service.completeCallback(
      callbackRequest.parsed(response).query,
      cookieValue(request.get("cookie"), CONNECT_COOKIE) ?? undefined,
    );
    renderOutcome(response, outcome);
  });

  function renderOutcome(response: Response, outcome: CallbackOutcome) {
    const base = { churchName: deps.churchName };
    switch (outcome.kind) {
      case "connected": {
        response.set("Set-Cookie", `${CONNECT_COOKIE}=; HttpOnly; SameSite=Lax; Path=/; Max-Age=0`);
        const bookingPage = `${deps.webPublicUrl.replace(/\/+$/, "")}/book/${encodeURIComponent(outcome.username)}`;
        send(response, 200, {
          ...base,
          title: outcome.reconnected ? "Your Cal.com account is connected again" : "Your Cal.com account is connected",
          paragraphs: [
            `${deps.churchName} now receives the bookings of the Cal.com account ${outcome.username}.`,
            ...(outcome.webhookMissingScope ? missingWebhookScopeText(deps.churchName) : []),
            "People can book you on your booking page:",
          ],
          link: { href: bookingPage, text: bookingPage },
          ...(outcome.staffSignIn ? { afterLink: [staffSignInText(outcome.staffSignIn.kind, deps.churchName)] } : {}),
          notes: [
            {
              text: "To disconnect it later, keep this private link (it is shown only once):",
              href: outcome.manageUrl,
              linkText: "manage my connection",
            },
          ],
        });
        return;
      }
      case "denied":
        send(response, 400, {
          ...base,
          title: "Not connected",
          paragraphs: [
            "Access was not allowed on Cal.com, so nothing was connected. Open the connect link again to retry.",
          ],
        });
        return;
      case "refused":
        send(response, 400, {
          ...base,
          title: "Not connected",
          paragraphs: [REFUSAL_TEXT[outcome.reason] ?? "This sign-in answer cannot be used.", "Nothing was connected."],
        });
        return;
      case "failed":
        send(response, outcome.reason === "unavailable" ? 503 : 502, {
          ...base,
          title: "Not connected",
          paragraphs: [
            outcome.reason === "authorization_refused"
              ? "Cal.com did not accept this sign-in (it may have been used already or taken too long). Open the connect link again."
              : outcome.reason === "cal_rejected"
                ? "Cal.com refused part of the connection. The people running this site can see what happened."
                : "Cal.com or our service is not reachable right now. Please try again in a few minutes.",
          ],
        });
    }
  }

  return router;
}
