// The bookings list's filters as a plain GET form (works without JavaScript; the address can be shared
// with a colleague who may see the same). Status and dates for everyone; host and attendee email for
// administrators.
import Link from "next/link";
import { Button } from "../components/ui/button";
import { Input } from "../components/ui/input";
import { Label } from "../components/ui/label";
import { NativeSelect } from "../components/ui/native-select";
import { BOOKING_STATUS_LABELS, type BookingFilterForm } from "./booking-list-filters";
import { ViewerTimeZoneField } from "./local-time";
import type { StaffBookingHost } from "./staff-api";

export function BookingFilterFormView({
  values,
  hosts,
  active,
}: {
  values: BookingFilterForm;
  /** Administrators only; null hides the host and email fields. */
  hosts: StaffBookingHost[] | null;
  active: boolean;
}) {
  return (
    <form
      method="get"
      action="/staff"
      aria-label="Filter bookings"
      data-testid="staff-booking-filters"
      className="grid gap-4 rounded-lg border bg-card p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-4"
    >
      <ViewerTimeZoneField />
      {hosts && (
        <div className="grid gap-2">
          <Label htmlFor="filter-host">Host</Label>
          <NativeSelect id="filter-host" name="host" defaultValue={values.host} data-testid="filter-host">
            <option value="">All hosts</option>
            {hosts.map((host) => (
              <option key={host.calUserId} value={String(host.calUserId)}>
                {host.name ?? host.username ?? `Cal.com user ${host.calUserId}`}
              </option>
            ))}
          </NativeSelect>
        </div>
      )}
      <div className="grid gap-2">
        <Label htmlFor="filter-status">Status</Label>
        <NativeSelect id="filter-status" name="status" defaultValue={values.status} data-testid="filter-status">
          <option value="">Any status</option>
          {Object.entries(BOOKING_STATUS_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="grid gap-2">
        <Label htmlFor="filter-from">From</Label>
        <Input id="filter-from" name="from" type="date" defaultValue={values.from} data-testid="filter-from" />
      </div>
      <div className="grid gap-2">
        <Label htmlFor="filter-to">To</Label>
        <Input id="filter-to" name="to" type="date" defaultValue={values.to} data-testid="filter-to" />
      </div>
      {hosts && (
        <div className="grid gap-2 sm:col-span-2">
          <Label htmlFor="filter-email">Attendee email</Label>
          <Input
            id="filter-email"
            name="email"
            type="email"
            autoComplete="off"
            defaultValue={values.email}
            aria-describedby="filter-email-hint"
            data-testid="filter-email"
          />
          <p id="filter-email-hint" className="text-muted-foreground text-xs">
            The whole address: emails are stored encrypted and found by exact match.
          </p>
        </div>
      )}
      <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-2">
        <Button type="submit" data-testid="filter-apply">
          Apply filters
        </Button>
        {active && (
          <Button asChild variant="ghost">
            <Link href="/staff" data-testid="filter-clear">
              Clear
            </Link>
          </Button>
        )}
      </div>
    </form>
  );
}
