// Administrators: every Cal.com user we know (managed users, connected accounts, organizers of bookings)
// with their connection state, our webhook on their account, the staff accounts linked to them, and a
// one-time connect link to send a host (shown once).
import type { Metadata } from "next";
import { Badge } from "../../../../../components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "../../../../../components/ui/card";
import { Input } from "../../../../../components/ui/input";
import { Label } from "../../../../../components/ui/label";
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "../../../../../components/ui/table";
import { createConnectLink } from "../../../../../staff/admin/admin-actions";
import { AdminActionForm } from "../../../../../staff/admin/admin-action-form";
import { connectionStates, hostLabel } from "../../../../../staff/admin/host-labels";
import type { AdminHost } from "../../../../../staff/admin/staff-admin-api";
import { utcTime } from "../../../../../staff/admin/utc-time";
import { loadStaffData } from "../../../../../staff/staff-page-data";

export const metadata: Metadata = { title: "Hosts" };
export const dynamic = "force-dynamic";

export default async function HostsPage() {
  const { hosts, connectLinksAvailable } = await loadStaffData<{ hosts: AdminHost[]; connectLinksAvailable: boolean }>(
    "/staff/admin/hosts",
  );
  return (
    <div className="flex flex-col gap-6">
      <h1 className="font-semibold text-2xl">Hosts</h1>
      <Card>
        <CardHeader>
          <CardTitle>Connect a Cal.com account</CardTitle>
          <CardDescription>
            A one-time link for a host to connect their own Cal.com account, or to reconnect one that needs it.
          </CardDescription>
        </CardHeader>
        <CardContent>
          {connectLinksAvailable ? (
            <AdminActionForm action={createConnectLink} submitLabel="Create connect link" secretLabel="Connect link">
              <div className="flex min-w-64 flex-col gap-1.5">
                <Label htmlFor="hostLabel">Who it is for (optional)</Label>
                <Input id="hostLabel" name="hostLabel" maxLength={120} placeholder="Pastor Ruth" />
              </div>
            </AdminActionForm>
          ) : (
            <p className="text-muted-foreground text-sm">
              Connecting accounts is off: the api has no Cal.com OAuth 2.0 client (CAL_OAUTH2_CLIENT_ID).
            </p>
          )}
        </CardContent>
      </Card>
      {hosts.length === 0 ? (
        <p>No Cal.com users known yet.</p>
      ) : (
        <Table>
          <TableCaption>Every Cal.com user we know, by name</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHead scope="col">Host</TableHead>
              <TableHead scope="col">Cal.com</TableHead>
              <TableHead scope="col">Webhook</TableHead>
              <TableHead scope="col">Staff account</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {hosts.map((host) => {
              const state = connectionStates[host.state];
              return (
                <TableRow key={host.calUserId} data-testid={`host-${host.calUserId}`}>
                  <TableCell>
                    <div className="font-medium">{hostLabel(host)}</div>
                    <div className="text-muted-foreground text-xs">
                      {host.username ?? "no username"} · id {host.calUserId}
                    </div>
                  </TableCell>
                  <TableCell>
                    <Badge variant={state.variant}>{state.label}</Badge>
                    {host.connection?.needsReconnectSince && (
                      <div className="text-muted-foreground text-xs">
                        since {utcTime(host.connection.needsReconnectSince)}
                      </div>
                    )}
                  </TableCell>
                  <TableCell>
                    {host.webhook === null ? (
                      <span className="text-muted-foreground">
                        {host.state === "managed" ? "Platform client's" : "—"}
                      </span>
                    ) : (
                      <Badge variant={host.webhook === "registered" ? "success" : "warning"}>
                        {host.webhook === "registered" ? "Registered" : "Missing"}
                      </Badge>
                    )}
                  </TableCell>
                  <TableCell>
                    {host.staff.length === 0 ? (
                      <span className="text-muted-foreground">None</span>
                    ) : (
                      <ul>
                        {host.staff.map((person) => (
                          <li key={person.id}>
                            {person.name} ({person.email}){!person.active && " — deactivated"}
                          </li>
                        ))}
                      </ul>
                    )}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
