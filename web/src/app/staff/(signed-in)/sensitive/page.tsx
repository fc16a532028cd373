// Sensitive mode: a host marks their Cal.com event types sensitive (an administrator, any host's), sets
// their default, and sees whether Cal.com holds the privacy settings; where it does not, the page says
// exactly what to do. The changes are applied at Cal.com by a workflow; the page refreshes until they settle.
import type { Metadata } from "next";
import Link from "next/link";
import { Alert, AlertDescription, AlertTitle } from "../../../../components/ui/alert";
import { Badge } from "../../../../components/ui/badge";
import { Button } from "../../../../components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "../../../../components/ui/card";
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "../../../../components/ui/table";
import { RefreshWhilePending } from "../../../../staff/refresh-while-pending";
import { setEventTypeSensitive, setHostDefault } from "../../../../staff/sensitive-actions";
import { type HostSensitiveView, type SettingsState, STATE_LABELS } from "../../../../staff/sensitive-types";
import { loadStaffData } from "../../../../staff/staff-page-data";
import { loadStaffSession } from "../../../../staff/staff-session";

export const metadata: Metadata = { title: "Sensitive mode" };
export const dynamic = "force-dynamic";

const STATE_BADGES: Record<SettingsState, "secondary" | "success" | "warning" | "destructive"> = {
  pending: "secondary",
  applied: "success",
  drifted: "warning",
  missing_scope: "destructive",
  failed: "destructive",
};

const hostIdOf = (value: string | string[] | undefined) => {
  const id = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(id) && id > 0 ? id : null;
};

export default async function SensitiveModePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const query = await searchParams;
  const [session, { hosts }] = await Promise.all([
    loadStaffSession(),
    loadStaffData<{ hosts: Array<{ calUserId: number; name: string }> }>("/staff/sensitive/hosts"),
  ]);
  const calUserId =
    session.person.role === "admin" ? (hostIdOf(query.host) ?? hosts[0]?.calUserId ?? null) : session.person.calUserId;
  const notice = typeof query.notice === "string" ? query.notice : null;
  const view =
    calUserId === null
      ? null
      : await loadStaffData<HostSensitiveView>(`/staff/sensitive/hosts/${calUserId}/event-types`);
  const pending = view?.eventTypes.some((eventType) => eventType.settingsState === "pending") ?? false;

  return (
    <div className="grid gap-6">
      <div className="grid gap-2">
        <h1 className="font-semibold text-2xl tracking-tight">Sensitive mode</h1>
        <p className="max-w-3xl text-muted-foreground text-sm">
          A sensitive event type leaves no trace of the person in calendars: Cal.com makes the calendar event private,
          leaves out the notes and the host&apos;s email address, gives it a neutral title, and asks only for a name and
          an email address.
        </p>
      </div>
      {notice && (
        <Alert variant="destructive" role="alert" data-testid="sensitive-notice">
          <AlertDescription>{notice}</AlertDescription>
        </Alert>
      )}
      {session.person.role === "admin" && hosts.length > 0 && (
        <nav aria-label="Hosts" className="flex flex-wrap gap-2">
          {hosts.map((host) => (
            <Button
              key={host.calUserId}
              asChild
              size="sm"
              variant={host.calUserId === calUserId ? "default" : "outline"}
            >
              <Link
                href={`/staff/sensitive?host=${host.calUserId}`}
                aria-current={host.calUserId === calUserId ? "page" : undefined}
              >
                {host.name}
              </Link>
            </Button>
          ))}
        </nav>
      )}
      {view === null ? (
        <p>No Cal.com account is linked to you, so there are no event types to mark.</p>
      ) : (
        <>
          <RefreshWhilePending pending={pending} />
          {view.problem && (
            <Alert variant="destructive" role="alert" data-testid="sensitive-problem">
              <AlertTitle>Cal.com did not list the event types</AlertTitle>
              <AlertDescription>{view.problem.detail}</AlertDescription>
            </Alert>
          )}
          <Card>
            <CardHeader>
              <CardTitle>Default</CardTitle>
              <CardDescription>
                Event types without a choice of their own are{" "}
                <strong>{view.hostDefault ? "sensitive" : "not sensitive"}</strong>.
              </CardDescription>
            </CardHeader>
            <CardContent>
              <form action={setHostDefault}>
                <input type="hidden" name="calUserId" value={view.calUserId} />
                <input type="hidden" name="sensitive" value={view.hostDefault ? "false" : "true"} />
                <Button type="submit" variant="outline">
                  {view.hostDefault ? "Make the default not sensitive" : "Make sensitive the default"}
                </Button>
              </form>
            </CardContent>
          </Card>
          <Table data-testid="sensitive-event-types">
            <TableCaption className="sr-only">Event types and their sensitive mode</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHead>Event type</TableHead>
                <TableHead>Sensitive</TableHead>
                <TableHead>At Cal.com</TableHead>
                <TableHead>Change</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {view.eventTypes.map((eventType) => {
                const name = eventType.title ?? eventType.slug ?? `Event type ${eventType.id}`;
                return (
                  <TableRow key={eventType.id} data-testid={`sensitive-event-type-${eventType.id}`}>
                    <TableCell className="font-medium">
                      {name}
                      {eventType.hidden ? " (hidden)" : ""}
                    </TableCell>
                    <TableCell>
                      {eventType.sensitive ? "Yes" : "No"}
                      {eventType.ownChoice ? "" : " (default)"}
                    </TableCell>
                    <TableCell className="max-w-md whitespace-normal">
                      {eventType.settingsState ? (
                        <div className="grid gap-1">
                          <Badge variant={STATE_BADGES[eventType.settingsState]} data-testid="settings-state">
                            {STATE_LABELS[eventType.settingsState]}
                          </Badge>
                          {eventType.stateDetail && (
                            <p className="text-sm" role={eventType.settingsState === "applied" ? undefined : "alert"}>
                              {eventType.stateDetail}
                            </p>
                          )}
                          {eventType.settingsState === "applied" && (
                            <Button asChild variant="link" className="h-auto justify-start px-0">
                              <Link href={`/staff/sensitive/links?host=${view.calUserId}&eventType=${eventType.id}`}>
                                Private links
                              </Link>
                            </Button>
                          )}
                        </div>
                      ) : (
                        "—"
                      )}
                    </TableCell>
                    <TableCell>
                      <form action={setEventTypeSensitive}>
                        <input type="hidden" name="calUserId" value={view.calUserId} />
                        <input type="hidden" name="eventTypeId" value={eventType.id} />
                        <input type="hidden" name="sensitive" value={eventType.sensitive ? "false" : "true"} />
                        <Button
                          type="submit"
                          size="sm"
                          variant={eventType.sensitive ? "outline" : "default"}
                          aria-label={`${eventType.sensitive ? "Turn off sensitive mode for" : "Mark sensitive:"} ${name}`}
                        >
                          {eventType.sensitive ? "Turn off" : "Mark sensitive"}
                        </Button>
                      </form>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </>
      )}
    </div>
  );
}
