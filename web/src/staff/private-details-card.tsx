// A privately booked appointment's card on the staff booking page: Cal.com (and so the attendee list
// above) knows the person only by a pseudonym and a relay address; what the person chose to leave us is
// here, read from our database (sealed there) for the booking's host and administrators.
import { Badge } from "../components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "../components/ui/card";
import type { StaffBookingDetail } from "./staff-api";

export function PrivateDetailsCard({
  privateBooking,
}: {
  privateBooking: NonNullable<StaffBookingDetail["privateBooking"]>;
}) {
  const details = privateBooking.details;
  const rows: Array<[label: string, value: string | null]> = details
    ? [
        ["Name", details.name],
        ["Email", details.email],
        ["Phone", details.phone],
      ]
    : [];
  return (
    <Card data-testid="private-details-card">
      <CardHeader>
        <CardTitle className="flex flex-wrap items-center gap-2">
          Booked privately <Badge variant="secondary">private</Badge>
        </CardTitle>
        <CardDescription>
          Cal.com and your calendar know this person as {privateBooking.pseudonym}. Below is what they chose to leave
          us, kept only here.
        </CardDescription>
      </CardHeader>
      <CardContent>
        {rows.some(([, value]) => value) ? (
          <dl
            className="grid grid-cols-[minmax(7rem,auto)_1fr] gap-x-4 gap-y-2 text-sm"
            data-testid="staff-private-details"
          >
            {rows.map(([label, value]) =>
              value ? (
                <div key={label} className="contents">
                  <dt className="font-medium text-muted-foreground">{label}</dt>
                  <dd className="break-all">{value}</dd>
                </div>
              ) : null,
            )}
          </dl>
        ) : (
          <p className="text-muted-foreground text-sm">They left no details (or they have been erased).</p>
        )}
      </CardContent>
    </Card>
  );
}
