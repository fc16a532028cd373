// GET/PATCH /v2/me for a managed user's access token; the Booker PATCHes {timeZone} when the browser's
// zone differs. OAuth 2.0 tokens need PROFILE_READ / PROFILE_WRITE (@Permissions). Source: apps/api/v2/src/ee/me/me.controller.ts; atoms dist/hooks (useMe, useUpdateUserTimezone).
import type { Authenticator } from "../http/authenticate.js";
import { userOf } from "../http/authenticate.js";
import { sendData } from "../http/envelope.js";
import { parseInput } from "../http/parse-input.js";
import type { DeclareRoute } from "../http/route-probes.js";
import type { ScopeGuard } from "../http/scope-guard.js";
import { updateMeInputSchema } from "../schemas/me.schema.js";
import type { EmulatorState } from "../state.js";
import { toMe } from "../user-views.js";

export function declareMeRoutes(
  declare: DeclareRoute,
  deps: { state: () => EmulatorState; auth: Authenticator; scopes: ScopeGuard },
): void {
  declare("get", "/me", deps.auth.requireUser, deps.scopes.requireScopes(["PROFILE_READ"]), (_request, response) => {
    sendData(response, toMe(userOf(response), deps.state()));
  });

  declare("patch", "/me", deps.auth.requireUser, deps.scopes.requireScopes(["PROFILE_WRITE"]), (request, response) => {
    const user = userOf(response);
    const changes = parseInput(updateMeInputSchema, request.body);
    Object.assign(user, Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)));
    sendData(response, toMe(user, deps.state()));
  });
}
