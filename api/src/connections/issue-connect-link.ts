// Issues one operator's one-time connect link: stores the link (only its token's hash) and builds the URL
// a host opens. The operator endpoint, `npm run connect:link` and `npm run dev` all issue links here, so
// a link is the same whichever way it was made.
import { connectLinkUrl } from "@churchhub/contracts";
import { createConnectLinkStore, type ConnectLink, type ConnectLinkStore, type DataSource } from "@churchhub/database";
import { createProtectorFromSettings } from "@churchhub/field-encryption";
import type { Settings } from "@churchhub/settings";

interface ConnectLinkIssuerDependencies {
  links: Pick<ConnectLinkStore, "createLink">;
  /** The api's public base URL: the link points at its GET /connect/cal/{token}. */
  apiPublicUrl: string;
  linkTtlMs: number;
  clock: () => Date;
}

interface IssuedConnectLink {
  link: ConnectLink;
  url: string;
}

export async function issueConnectLink(
  deps: ConnectLinkIssuerDependencies,
  input: { hostLabel: string | null; createdBy: string | null },
): Promise<IssuedConnectLink> {
  const { link, token } = await deps.links.createLink({
    ...input,
    expiresAt: new Date(deps.clock().getTime() + deps.linkTtlMs),
  });
  return { link, url: connectLinkUrl(deps.apiPublicUrl, token) };
}

/**
 * Outside the api (a command, the local stack): a link written with the keys and lifetime the api's
 * settings give it, pointing at `apiPublicUrl` (default: the settings' API_PUBLIC_URL).
 */
export function issueConnectLinkWithSettings(
  input: { settings: Settings; dataSource: DataSource; apiPublicUrl?: string; clock?: () => Date },
  link: { hostLabel: string | null; createdBy: string | null },
): Promise<IssuedConnectLink> {
  const clock = input.clock ?? (() => new Date());
  // The label is sealed: the same data keys as the api's, or its operators could not read it back.
  const links = createConnectLinkStore({
    dataSource: input.dataSource,
    cipher: createProtectorFromSettings(input.settings).cipher,
    clock,
  });
  return issueConnectLink(
    {
      links,
      apiPublicUrl: input.apiPublicUrl ?? input.settings.API_PUBLIC_URL,
      linkTtlMs: input.settings.CONNECT_LINK_TTL_HOURS * 3_600_000,
      clock,
    },
    link,
  );
}
