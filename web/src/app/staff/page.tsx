// The staff landing page: the signed-in person's bookings (a host's own; an administrator's, everyone's),
// attendees by name, newest first; each links to the booking's page.
import type { Metadata } from "next";
import Link from "next/link";
import type { StaffBookingSummary, StaffSession } from "../../staff/staff-api";
import { loadStaffData } from "../../staff/staff-page-data";
import { PasskeyRegistration } from "../../staff/passkey-registration";
import { SignOutButton } from "../../staff/sign-out-button";

export const metadata: Metadata = { title: "Your bookings" };
export const dynamic = "force-dynamic";

const when = (iso: string) =>
  new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(new Date(iso));

export default async function StaffHomePage() {
  // Independent reads: ask the api for both at once.
  const [session, { bookings }] = await Promise.all([
    loadStaffData<StaffSession>("/staff/session"),
    loadStaffData<{ bookings: StaffBookingSummary[] }>("/staff/bookings"),
  ]);
  return (
    <main id="main" className="staff-main">
      <div className="staff-heading-row">
        <h1>{session.person.role === "admin" ? "All bookings" : "Your bookings"}</h1>
        <SignOutButton />
      </div>
      <p>
        Signed in as {session.person.name} ({session.person.role === "admin" ? "administrator" : "host"}).
      </p>
      <p>
        <Link href="/staff/sensitive">Sensitive mode</Link>
      </p>
      {bookings.length === 0 ? (
        <p>No bookings yet.</p>
      ) : (
        <table className="staff-table">
          <caption className="visually-hidden">Bookings, newest first (times in UTC)</caption>
          <thead>
            <tr>
              <th scope="col">When (UTC)</th>
              <th scope="col">Attendee</th>
              <th scope="col">Event</th>
              <th scope="col">Status</th>
              {session.person.role === "admin" && <th scope="col">Host</th>}
            </tr>
          </thead>
          <tbody>
            {bookings.map((booking) => (
              <tr key={booking.uid}>
                <td>
                  <Link href={`/staff/bookings/${encodeURIComponent(booking.uid)}`}>{when(booking.startTime)}</Link>
                </td>
                <td>{booking.attendees.map((attendee) => attendee.name ?? "(no name)").join(", ")}</td>
                <td>{booking.eventTypeSlug ?? "—"}</td>
                <td>{booking.status}</td>
                {session.person.role === "admin" && <td>{booking.host?.name ?? booking.host?.username ?? "—"}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <PasskeyRegistration hasPasskey={session.hasPasskey} />
    </main>
  );
}
