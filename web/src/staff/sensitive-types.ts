// The staff api's answers about sensitive mode, as the pages read them (api/src/openapi/staff-paths.ts).
export type SettingsState = "pending" | "applied" | "drifted" | "missing_scope" | "failed";

export interface SensitiveEventType {
  id: number;
  slug: string | null;
  title: string | null;
  hidden: boolean | null;
  sensitive: boolean;
  ownChoice: boolean;
  settingsState: SettingsState | null;
  stateDetail: string | null;
  checkedAt: string | null;
}

export interface HostSensitiveView {
  calUserId: number;
  hostDefault: boolean;
  problem: { state: "missing_scope" | "failed"; detail: string } | null;
  eventTypes: SensitiveEventType[];
}

export interface PrivateLink {
  linkId: string;
  bookingUrl: string;
  isExpired: boolean;
  expiresAt: string | null;
  maxUsageCount: number | null;
  usageCount: number | null;
}

/** What each state means for the person reading the page. */
export const STATE_LABELS: Record<SettingsState, string> = {
  pending: "Being applied at Cal.com",
  applied: "Applied at Cal.com",
  drifted: "Changed in Cal.com and not applied again",
  missing_scope: "Cal.com refused: permission missing",
  failed: "Not applied",
};
