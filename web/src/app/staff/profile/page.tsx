// The staff member's profile: for a host, the short public name of their booking page (/book/<name>) and
// the earlier ones that still lead there; an administrator sets any host's by Cal.com user id.
import type { Metadata } from "next";
import Link from "next/link";
import { PublicNameForm } from "../../../staff/public-name-form";
import type { StaffPublicName, StaffSession } from "../../../staff/staff-api";
import { loadStaffData } from "../../../staff/staff-page-data";

export const metadata: Metadata = { title: "Profile" };
export const dynamic = "force-dynamic";

export default async function StaffProfilePage() {
  const session = await loadStaffData<StaffSession>("/staff/session");
  const isHost = session.person.role === "host";
  const names = isHost ? await loadStaffData<StaffPublicName>("/staff/profile/public-name") : null;
  return (
    <main id="main" className="staff-main">
      <p>
        <Link href="/staff">← Bookings</Link>
      </p>
      <h1>Profile</h1>
      <p>
        Signed in as {session.person.name} ({isHost ? "host" : "administrator"}).
      </p>
      <section className="staff-card" aria-labelledby="public-name-heading">
        <h2 id="public-name-heading">{isHost ? "Your booking page’s public name" : "A host’s public name"}</h2>
        {names ? (
          <p data-testid="current-booking-page">
            {names.bookingPath ? (
              <>
                People book you at <a href={names.bookingPath}>{names.bookingPath}</a>
              </>
            ) : (
              "You have no public name yet: your booking page uses your Cal.com username."
            )}
          </p>
        ) : null}
        {names && names.previousNames.length > 0 ? (
          <p>Earlier names, which lead to the current one: {names.previousNames.join(", ")}</p>
        ) : null}
        <PublicNameForm current={names?.publicName ?? null} forAdministrator={!isHost} />
      </section>
    </main>
  );
}
