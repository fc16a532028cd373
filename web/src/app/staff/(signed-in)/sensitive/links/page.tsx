// Cal.com private links of one sensitive event type: a host hands one out for a single booking (one use
// by default), for a number of uses, or until a date, and revokes it. Created and read at Cal.com with the
// host's own token (through the api's workflow); Cal.com's refusals are shown with what to do.
import { ArrowLeftIcon } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { Alert, AlertDescription } from "../../../../../components/ui/alert";
import { Button } from "../../../../../components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "../../../../../components/ui/card";
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
import { createPrivateLink, revokePrivateLink } from "../../../../../staff/sensitive-actions";
import type { PrivateLink } from "../../../../../staff/sensitive-types";
import { loadStaffData } from "../../../../../staff/staff-page-data";

export const metadata: Metadata = { title: "Private links" };
export const dynamic = "force-dynamic";

const idOf = (value: string | string[] | undefined) => {
  const id = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(id) && id > 0 ? id : 0;
};

const limitOf = (link: PrivateLink) =>
  link.expiresAt
    ? `until ${new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" }).format(new Date(link.expiresAt))} (UTC)`
    : `${link.usageCount ?? 0} of ${link.maxUsageCount ?? 1} use${link.maxUsageCount === 1 ? "" : "s"}`;

export default async function PrivateLinksPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const query = await searchParams;
  const calUserId = idOf(query.host);
  const eventTypeId = idOf(query.eventType);
  const notice = typeof query.notice === "string" ? query.notice : null;
  const { links } = await loadStaffData<{ links: PrivateLink[] }>(
    `/staff/sensitive/hosts/${calUserId}/event-types/${eventTypeId}/private-links`,
  );
  return (
    <div className="grid gap-6">
      <div>
        <Button asChild variant="link" className="h-auto px-0">
          <Link href={`/staff/sensitive?host=${calUserId}`}>
            <ArrowLeftIcon aria-hidden="true" />
            Sensitive mode
          </Link>
        </Button>
      </div>
      <div className="grid gap-2">
        <h1 className="font-semibold text-2xl tracking-tight">Private links</h1>
        <p className="max-w-3xl text-muted-foreground text-sm">
          A private link books this event type without it being listed anywhere. Give each person their own.
        </p>
      </div>
      {notice && (
        <Alert variant="destructive" role="alert">
          <AlertDescription>{notice}</AlertDescription>
        </Alert>
      )}
      <Card>
        <CardHeader>
          <CardTitle>New private link</CardTitle>
        </CardHeader>
        <CardContent>
          <form action={createPrivateLink} className="grid max-w-sm gap-3">
            <input type="hidden" name="calUserId" value={calUserId} />
            <input type="hidden" name="eventTypeId" value={eventTypeId} />
            <Label htmlFor="maxUsageCount">Number of bookings (empty: one)</Label>
            <Input id="maxUsageCount" name="maxUsageCount" type="number" min={1} max={1000} />
            <Label htmlFor="expiresOn">Or valid until (instead of a number)</Label>
            <Input id="expiresOn" name="expiresOn" type="date" />
            <Button type="submit">Create a private link</Button>
          </form>
        </CardContent>
      </Card>
      {links.length === 0 ? (
        <p>No private links yet.</p>
      ) : (
        <Table data-testid="private-links">
          <TableCaption className="sr-only">Private links</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHead>Link</TableHead>
              <TableHead>Valid</TableHead>
              <TableHead>Revoke</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {links.map((link) => (
              <TableRow key={link.linkId}>
                <TableCell>
                  <code className="break-all">{link.bookingUrl}</code>
                </TableCell>
                <TableCell>{link.isExpired ? "Expired" : limitOf(link)}</TableCell>
                <TableCell>
                  <form action={revokePrivateLink}>
                    <input type="hidden" name="calUserId" value={calUserId} />
                    <input type="hidden" name="eventTypeId" value={eventTypeId} />
                    <input type="hidden" name="linkId" value={link.linkId} />
                    <Button type="submit" size="sm" variant="outline">
                      Revoke
                    </Button>
                  </form>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
