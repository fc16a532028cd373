// The staff landing page: the signed-in person's bookings (a host's own; an administrator's, everyone's),
// upcoming soonest first and past newest first, attendees by name, times in the viewer's zone; filters
// by status and dates, for administrators also by host and attendee email. Each links to its page.
import type { Metadata } from "next";
import { Alert, AlertDescription, AlertTitle } from "../../../components/ui/alert";
import { BookingFilterFormView } from "../../../staff/booking-filter-form";
import { readBookingListFilters, sectionQueries } from "../../../staff/booking-list-filters";
import { knownTimeZone } from "../../../staff/booking-time";
import { BookingsTable } from "../../../staff/bookings-table";
import { ViewerTimeZoneNote } from "../../../staff/local-time";
import { PasskeyRegistration } from "../../../staff/passkey-registration";
import { StaffRequestRefusedError, type StaffBookingHost, type StaffBookingSummary } from "../../../staff/staff-api";
import { loadStaffData } from "../../../staff/staff-page-data";
import { loadStaffSession } from "../../../staff/staff-session";

export const metadata: Metadata = { title: "Bookings" };
export const dynamic = "force-dynamic";

type SearchParams = Record<string, string | string[] | undefined>;

async function listed(query: string | null): Promise<StaffBookingSummary[]> {
  if (query === null) return [];
  return (await loadStaffData<{ bookings: StaffBookingSummary[] }>(`/staff/bookings?${query}`)).bookings;
}

export default async function StaffHomePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const session = await loadStaffSession();
  const isAdmin = session.person.role === "admin";
  const tz = Array.isArray(params.tz) ? params.tz[0] : params.tz;
  const filters = readBookingListFilters(params, session.person.role, knownTimeZone(tz));
  const queries = sectionQueries(filters, new Date());

  let refusal: string | null = null;
  const [hosts, sections] = await Promise.all([
    isAdmin
      ? loadStaffData<{ hosts: StaffBookingHost[] }>("/staff/booking-hosts").then((answer) => answer.hosts)
      : null,
    Promise.all([listed(queries.upcoming), listed(queries.past)]).catch((error: unknown) => {
      if (!(error instanceof StaffRequestRefusedError)) throw error;
      refusal = error.message;
      return [[], []] as StaffBookingSummary[][];
    }),
  ]);
  const [upcoming = [], past = []] = sections;

  return (
    <div className="grid grid-cols-1 gap-8">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <h1 className="font-semibold text-2xl tracking-tight">{isAdmin ? "All bookings" : "Your bookings"}</h1>
          <p className="text-muted-foreground text-sm">
            {isAdmin ? "Every host's bookings." : "The bookings people made with you."}
          </p>
        </div>
        <ViewerTimeZoneNote className="text-muted-foreground text-sm" />
      </div>

      <BookingFilterFormView values={filters.form} hosts={hosts} active={filters.active} />

      {refusal && (
        <Alert variant="destructive" role="alert" data-testid="filter-problem">
          <AlertTitle>Those filters could not be used</AlertTitle>
          <AlertDescription>{refusal}</AlertDescription>
        </Alert>
      )}

      <BookingSection
        id="upcoming"
        title="Upcoming"
        bookings={upcoming}
        showHost={isAdmin}
        empty={filters.active ? "No upcoming bookings match these filters." : "No upcoming bookings."}
      />
      <BookingSection
        id="past"
        title="Past"
        bookings={past}
        showHost={isAdmin}
        empty={filters.active ? "No past bookings match these filters." : "No past bookings."}
      />

      <PasskeyRegistration hasPasskey={session.hasPasskey} />
    </div>
  );
}

function BookingSection({
  id,
  title,
  bookings,
  showHost,
  empty,
}: {
  id: string;
  title: string;
  bookings: StaffBookingSummary[];
  showHost: boolean;
  empty: string;
}) {
  return (
    <section aria-labelledby={`${id}-heading`} className="grid grid-cols-1 gap-3" data-testid={`staff-bookings-${id}`}>
      <h2 id={`${id}-heading`} className="font-semibold text-lg">
        {title} <span className="font-normal text-muted-foreground text-sm">({bookings.length})</span>
      </h2>
      {bookings.length === 0 ? (
        <p className="rounded-lg border border-dashed bg-card px-4 py-6 text-center text-muted-foreground text-sm">
          {empty}
        </p>
      ) : (
        <div className="rounded-lg border bg-card shadow-sm">
          <BookingsTable
            bookings={bookings}
            showHost={showHost}
            label={`${title} bookings`}
            testId={`staff-table-${id}`}
          />
        </div>
      )}
    </section>
  );
}
