// A list of bookings as a table: when (viewer's zone), attendees by name (a private booking's pseudonym,
// badged "private"), event type, status and, for administrators, the host. Each row links to the booking's page.
import Link from "next/link";
import { Badge } from "../components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "../components/ui/table";
import { BookingStatusBadge } from "./booking-status-badge";
import { LocalTimeRange } from "./local-time";
import type { StaffBookingSummary } from "./staff-api";

const attendeeNames = (booking: StaffBookingSummary) =>
  booking.attendees.map((attendee) => attendee.name ?? "(no name)").join(", ") || "(no attendee)";

export function BookingsTable({
  bookings,
  showHost,
  label,
  testId,
}: {
  bookings: StaffBookingSummary[];
  showHost: boolean;
  /** The table's accessible name (the section's heading). */
  label: string;
  testId: string;
}) {
  return (
    <Table aria-label={label} data-testid={testId}>
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          <TableHead scope="col">When</TableHead>
          <TableHead scope="col">Attendee</TableHead>
          <TableHead scope="col" className="hidden sm:table-cell">
            Event type
          </TableHead>
          <TableHead scope="col">Status</TableHead>
          {showHost && (
            <TableHead scope="col" className="hidden md:table-cell">
              Host
            </TableHead>
          )}
        </TableRow>
      </TableHeader>
      <TableBody>
        {bookings.map((booking) => (
          <TableRow key={booking.uid} data-testid="staff-booking-row" data-uid={booking.uid}>
            <TableCell className="min-w-36">
              <LocalTimeRange start={booking.startTime} end={booking.endTime} />
            </TableCell>
            <TableCell>
              <Link
                href={`/staff/bookings/${encodeURIComponent(booking.uid)}`}
                // A prefetch would read (and access-log) a booking nobody opened.
                prefetch={false}
                className="font-medium text-primary underline underline-offset-4 hover:no-underline"
                data-testid="staff-booking-link"
              >
                {attendeeNames(booking)}
              </Link>
              {/* The attendee's name is then the pseudonym Cal.com was given; the details are on the booking's page. */}
              {booking.privateBooking && (
                <Badge variant="secondary" className="ml-2" data-testid="private-badge">
                  private
                </Badge>
              )}
            </TableCell>
            <TableCell className="hidden sm:table-cell">{booking.eventTypeSlug ?? "—"}</TableCell>
            <TableCell>
              <BookingStatusBadge status={booking.status} />
            </TableCell>
            {showHost && (
              <TableCell className="hidden md:table-cell" data-testid="staff-booking-host">
                {booking.host?.name ?? booking.host?.username ?? "—"}
              </TableCell>
            )}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
