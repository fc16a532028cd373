// The HTML Cal.com's authorization page shows, rebuilt as a plain form (no JavaScript): the client's name,
// what each requested scope allows, which account is granting (a select: the emulator has no sign-in), and
// Allow / Deny buttons that POST back. Also the page that shows an error instead of redirecting.
// Source: apps/web/modules/auth/oauth2/authorize-view.tsx (heading, account select, scope list, Allow and
// "go back" buttons); docs api-reference/v2/oauth.mdx §2 (errors shown on the page).
import type { User } from "../state.js";
import type { AuthorizeRequest } from "./authorize-request.js";
import { SCOPE_DESCRIPTIONS } from "./oauth2-scopes.js";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Every interpolated value goes through this: client names, state and URIs are caller-controlled text. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => ESCAPES[character]!);
}

const STYLE = `body{font-family:system-ui,sans-serif;margin:0;background:#f3f4f6;color:#111827}
main{max-width:32rem;margin:3rem auto;background:#fff;border:1px solid #d1d5db;border-radius:.5rem;padding:1.5rem 2rem}
h1{font-size:1.4rem}label{display:block;font-weight:600;margin:1rem 0 .25rem}select{font-size:1rem;padding:.3rem}
.actions{display:flex;gap:.75rem;justify-content:flex-end;margin-top:1.5rem}
button{font-size:1rem;padding:.5rem 1.25rem;border-radius:.375rem;border:1px solid #111827;cursor:pointer}
button[value=allow]{background:#111827;color:#fff}button[value=deny]{background:#fff;color:#111827}
.note{font-size:.875rem;color:#4b5563}`;

function htmlDocument(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main>
${body}
</main></body>
</html>
`;
}

function hiddenInputs(request: AuthorizeRequest): string {
  const fields: [string, string | undefined][] = [
    ["client_id", request.client.clientId],
    ["redirect_uri", request.redirectUri],
    ["state", request.state],
    ["scope", request.scopes.join(" ") || undefined],
    ["code_challenge", request.codeChallenge],
    ["code_challenge_method", request.codeChallengeMethod],
  ];
  return fields
    .filter((field): field is [string, string] => field[1] !== undefined)
    .map(([name, value]) => `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`)
    .join("\n");
}

export function renderConsentPage(request: AuthorizeRequest, accounts: User[]): string {
  const clientName = escapeHtml(request.client.name);
  const scopes = request.scopes.length > 0 ? request.scopes : request.client.scopes;
  const scopeItems = scopes.map(
    (scope) =>
      `<li><strong>${escapeHtml(SCOPE_DESCRIPTIONS[scope] ?? scope)}</strong> (<code>${escapeHtml(scope)}</code>)</li>`,
  );
  const options = accounts.map(
    (account) =>
      `<option value="${account.id}">${escapeHtml(`${account.name} (${account.username}, ${account.email})`)}</option>`,
  );
  return htmlDocument(
    `Allow ${request.client.name} to access your Cal.com account`,
    `<h1>${clientName} would like to access your Cal.com account</h1>
<form method="post" action="/auth/oauth2/authorize">
${hiddenInputs(request)}
<label for="account">Cal.com account</label>
<select id="account" name="account" aria-describedby="account-note">
${options.join("\n")}
</select>
<p class="note" id="account-note">This is the Cal.com emulator: there is no sign-in, so choose which seeded account you are.</p>
<h2 id="scopes-heading">Allow ${clientName} to:</h2>
<ul aria-labelledby="scopes-heading">
${scopeItems.join("\n")}
</ul>
<div class="actions">
<button type="submit" name="decision" value="deny">Deny</button>
<button type="submit" name="decision" value="allow">Allow</button>
</div>
</form>`,
  );
}

export function renderErrorPage(message: string): string {
  return htmlDocument(
    "Cal.com authorization error",
    `<h1>This app cannot be authorized</h1>
<p role="alert">${escapeHtml(message)}</p>
<p class="note">The app that sent you here is misconfigured. Nothing was shared with it.</p>`,
  );
}
