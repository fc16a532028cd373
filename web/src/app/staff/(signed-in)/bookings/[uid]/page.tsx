// A booking's page in the staff area: who booked and how to reach them, when (viewer's zone), status
// history, audit trail, and its processing runs in the Temporal UI. The api answers 404 for a booking the
// person may not see, and this page shows the same not-found page as for none. Every view is access-logged
// by the api.
import { ArrowLeftIcon, ExternalLinkIcon } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "../../../../../components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "../../../../../components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "../../../../../components/ui/table";
import { webSettings } from "../../../../../config/web-settings";
import { BookingStatusBadge } from "../../../../../staff/booking-status-badge";
import { LocalTime, LocalTimeRange, ViewerTimeZoneNote } from "../../../../../staff/local-time";
import { SecureNotesSection } from "../../../../../staff/notes/secure-notes-section";
import type { StaffBookingDetail } from "../../../../../staff/staff-api";
import { loadStaffData } from "../../../../../staff/staff-page-data";
import { loadStaffSession } from "../../../../../staff/staff-session";
import { workflowListUrl, workflowUrl } from "../../../../../staff/temporal-ui-links";
import { BookingAnswers } from "../../../../../staff/questionnaires/booking-answers";
import { PrivateDetailsCard } from "../../../../../staff/private-details-card";

export const metadata: Metadata = { title: "Booking" };
export const dynamic = "force-dynamic";

export default async function StaffBookingPage({
  params,
  searchParams,
}: {
  params: Promise<{ uid: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { uid } = await params;
  const query = await searchParams;
  const single = (value: string | string[] | undefined) => (typeof value === "string" ? value : null);
  const session = await loadStaffSession();
  const { booking } = await loadStaffData<{ booking: StaffBookingDetail }>(
    `/staff/bookings/${encodeURIComponent(decodeURIComponent(uid))}`,
  );
  const { TEMPORAL_UI_URL: temporalUi, TEMPORAL_NAMESPACE: namespace } = webSettings();
  const workflowIds = booking.auditTrail.map((entry) => entry.workflowId);
  const processingUrl = temporalUi ? workflowListUrl(temporalUi, namespace, workflowIds) : null;

  return (
    <div className="grid grid-cols-1 gap-6">
      <div>
        <Button asChild variant="link" className="h-auto px-0">
          <Link href="/staff" data-testid="back-to-bookings">
            <ArrowLeftIcon aria-hidden="true" />
            All bookings
          </Link>
        </Button>
      </div>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="grid gap-2">
          <h1 className="font-semibold text-2xl tracking-tight" data-testid="booking-title">
            {booking.title ?? "Booking"}
          </h1>
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <BookingStatusBadge status={booking.status} />
            <span data-testid="booking-when">
              <LocalTimeRange start={booking.startTime} end={booking.endTime} />
            </span>
          </div>
          <ViewerTimeZoneNote className="text-muted-foreground text-xs" />
        </div>
        {processingUrl && (
          <Button asChild variant="outline">
            <a href={processingUrl} target="_blank" rel="noopener noreferrer" data-testid="temporal-ui-link">
              Processing in Temporal
              <ExternalLinkIcon aria-hidden="true" />
              <span className="sr-only">(opens in a new tab)</span>
            </a>
          </Button>
        )}
      </div>

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>Details</CardTitle>
          </CardHeader>
          <CardContent>
            <dl className="grid grid-cols-[minmax(7rem,auto)_1fr] gap-x-4 gap-y-2 text-sm">
              <dt className="font-medium text-muted-foreground">Event type</dt>
              <dd>{booking.eventTypeSlug ?? "—"}</dd>
              <dt className="font-medium text-muted-foreground">Host</dt>
              <dd data-testid="booking-host">{booking.host?.name ?? booking.host?.username ?? "—"}</dd>
              {booking.location && (
                <>
                  <dt className="font-medium text-muted-foreground">Location</dt>
                  <dd className="break-words">{booking.location}</dd>
                </>
              )}
              {booking.cancellationReason && (
                <>
                  <dt className="font-medium text-muted-foreground">Cancellation reason</dt>
                  <dd>{booking.cancellationReason}</dd>
                </>
              )}
            </dl>
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>Attendees</CardTitle>
          </CardHeader>
          <CardContent>
            <ul className="grid gap-3" data-testid="booking-attendees">
              {booking.attendees.map((attendee, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: attendees have no id and keep their order
                <li key={index} className="grid gap-0.5 text-sm">
                  <span className="font-medium">{attendee.name ?? "(no name)"}</span>
                  {attendee.email && (
                    <a
                      href={`mailto:${attendee.email}`}
                      className="break-all text-primary underline underline-offset-4"
                    >
                      {attendee.email}
                    </a>
                  )}
                  {attendee.timeZone && (
                    <span className="text-muted-foreground">Time zone: {attendee.timeZone.replaceAll("_", " ")}</span>
                  )}
                </li>
              ))}
            </ul>
          </CardContent>
        </Card>
      </div>

      {booking.privateBooking && <PrivateDetailsCard privateBooking={booking.privateBooking} />}

      <Card>
        <CardContent className="pt-6">
          <BookingAnswers bookingUid={booking.uid} />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Status history</CardTitle>
        </CardHeader>
        <CardContent>
          <ol className="grid gap-2 text-sm" data-testid="booking-status-history">
            {booking.statusHistory.map((change) => (
              <li key={`${change.occurredAt}-${change.triggerEvent}`} className="flex flex-wrap items-center gap-2">
                <BookingStatusBadge status={change.status} />
                <span>{change.triggerEvent}</span>
                <span className="text-muted-foreground">
                  <LocalTime iso={change.occurredAt} />
                </span>
              </li>
            ))}
          </ol>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Audit trail</CardTitle>
        </CardHeader>
        <CardContent>
          {booking.auditTrail.length === 0 ? (
            <p className="text-muted-foreground text-sm">No events recorded yet.</p>
          ) : (
            <Table aria-label="Audit trail" data-testid="booking-audit-trail">
              <TableHeader>
                <TableRow className="hover:bg-transparent">
                  <TableHead scope="col">When</TableHead>
                  <TableHead scope="col">Event</TableHead>
                  <TableHead scope="col">Outcome</TableHead>
                  <TableHead scope="col">Source</TableHead>
                  {temporalUi && <TableHead scope="col">Run</TableHead>}
                </TableRow>
              </TableHeader>
              <TableBody>
                {booking.auditTrail.map((entry) => (
                  <TableRow key={entry.deliveryId}>
                    <TableCell>
                      <LocalTime iso={entry.occurredAt} />
                    </TableCell>
                    <TableCell>{entry.triggerEvent}</TableCell>
                    <TableCell>{entry.outcome}</TableCell>
                    <TableCell>{entry.source}</TableCell>
                    {temporalUi && (
                      <TableCell>
                        <a
                          href={workflowUrl(temporalUi, namespace, entry.workflowId)}
                          target="_blank"
                          rel="noopener noreferrer"
                          className="text-primary underline underline-offset-4"
                        >
                          Open run<span className="sr-only"> {entry.triggerEvent} in Temporal (new tab)</span>
                        </a>
                      </TableCell>
                    )}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>

      <SecureNotesSection
        uid={booking.uid}
        role={session.person.role}
        openNoteId={single(query.note)}
        message={single(query.notesMessage)}
      />
    </div>
  );
}
