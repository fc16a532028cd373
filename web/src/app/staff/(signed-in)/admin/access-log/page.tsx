// Administrators: the whole access log, newest first, a page at a time — who looked (name, email, role),
// at which booking, list or page, when, and from which address (opened here for administrators) — with
// the hash chain's verification (the verifier of `npm run access-log:verify`).
import type { Metadata } from "next";
import Link from "next/link";
import { Alert, AlertDescription, AlertTitle } from "../../../../../components/ui/alert";
import { Button } from "../../../../../components/ui/button";
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "../../../../../components/ui/table";
import type { AccessLogPage } from "../../../../../staff/admin/staff-admin-api";
import { utcTime } from "../../../../../staff/admin/utc-time";
import { loadStaffData } from "../../../../../staff/staff-page-data";

export const metadata: Metadata = { title: "Access log" };
export const dynamic = "force-dynamic";

const PAGE_SIZE = 50;

export default async function AccessLogScreen({ searchParams }: { searchParams: Promise<{ before?: string }> }) {
  const { before } = await searchParams;
  const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
  if (before && /^\d{1,19}$/.test(before)) query.set("before", before);
  const page = await loadStaffData<AccessLogPage>(`/staff/admin/access-log?${query}`);
  const { verification } = page;
  return (
    <div className="flex flex-col gap-6">
      <h1 className="font-semibold text-2xl">Access log</h1>
      {verification.intact ? (
        <Alert variant="info" data-testid="chain-verdict">
          <AlertTitle>The chain verifies</AlertTitle>
          <AlertDescription>All {verification.entries} entries hold: none was altered or removed.</AlertDescription>
        </Alert>
      ) : (
        <Alert variant="destructive" data-testid="chain-verdict">
          <AlertTitle>The chain is broken at entry {verification.firstBroken.sequence}</AlertTitle>
          <AlertDescription>
            {verification.firstBroken.reason}. The {verification.entries} entries before it verify.
          </AlertDescription>
        </Alert>
      )}
      {page.entries.length === 0 ? (
        <p>No one has looked at a booking yet.</p>
      ) : (
        <Table>
          <TableCaption>Every look at a booking's personal data, newest first (times in UTC)</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHead scope="col">When</TableHead>
              <TableHead scope="col">Who</TableHead>
              <TableHead scope="col">Role</TableHead>
              <TableHead scope="col">Booking</TableHead>
              <TableHead scope="col">What</TableHead>
              <TableHead scope="col">From</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {page.entries.map((entry) => (
              <TableRow key={entry.sequence} data-testid="access-log-entry">
                <TableCell>{utcTime(entry.viewedAt)}</TableCell>
                <TableCell>
                  <div className="font-medium">{entry.staffName ?? "(removed account)"}</div>
                  <div className="text-muted-foreground text-xs">{entry.staffEmail ?? entry.staffUserId}</div>
                </TableCell>
                <TableCell>{entry.staffRole === "admin" ? "Administrator" : "Host"}</TableCell>
                <TableCell className="font-mono text-xs">
                  <Link href={`/staff/bookings/${encodeURIComponent(entry.bookingUid)}`}>{entry.bookingUid}</Link>
                </TableCell>
                <TableCell>{entry.action === "booking.view" ? "Opened the booking" : "Saw it in a list"}</TableCell>
                <TableCell>{entry.clientAddress ?? "unknown"}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <nav aria-label="Access log pages" className="flex gap-2">
        {before && (
          <Button asChild variant="outline" size="sm">
            <Link href="/staff/admin/access-log">Newest entries</Link>
          </Button>
        )}
        {page.nextBefore && (
          <Button asChild variant="outline" size="sm">
            <Link href={`/staff/admin/access-log?before=${page.nextBefore}`}>Older entries</Link>
          </Button>
        )}
      </nav>
    </div>
  );
}
