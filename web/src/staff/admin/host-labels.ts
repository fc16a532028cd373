// How a host is named on the administrators' screens, and what each connection state means to a person.
import type { AdminHost, HostConnectionState } from "./staff-admin-api";

export const hostLabel = (host: Pick<AdminHost, "calUserId" | "name" | "username">) =>
  host.name ?? host.username ?? `Cal.com user ${host.calUserId}`;

export const connectionStates: Record<
  HostConnectionState,
  { label: string; variant: "success" | "warning" | "destructive" | "secondary" | "outline" }
> = {
  managed: { label: "Managed user", variant: "secondary" },
  connected: { label: "Connected", variant: "success" },
  missing_scope: { label: "Connected, webhook refused (missing scope)", variant: "warning" },
  needs_reconnect: { label: "Needs reconnect", variant: "destructive" },
  disconnected: { label: "Disconnected", variant: "outline" },
  not_connected: { label: "Not connected", variant: "outline" },
};
