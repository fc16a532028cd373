// The staff member's profile: for a host, the short public name of their booking page (/book/<name>) and
// the earlier ones that still lead there; an administrator sets any host's by Cal.com user id.
import type { Metadata } from "next";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "../../../../components/ui/card";
import { PublicNameForm } from "../../../../staff/public-name-form";
import type { StaffPublicName } from "../../../../staff/staff-api";
import { roleLabel } from "../../../../staff/staff-navigation";
import { loadStaffData } from "../../../../staff/staff-page-data";
import { loadStaffSession } from "../../../../staff/staff-session";

export const metadata: Metadata = { title: "Profile" };
export const dynamic = "force-dynamic";

export default async function StaffProfilePage() {
  const session = await loadStaffSession();
  const isHost = session.person.role === "host";
  const names = isHost ? await loadStaffData<StaffPublicName>("/staff/profile/public-name") : null;
  return (
    <>
      <h1 className="font-semibold text-2xl">Profile</h1>
      <p className="mt-1 text-muted-foreground">
        Signed in as {session.person.name} ({roleLabel(session.person.role)}).
      </p>
      <Card className="mt-6 max-w-xl">
        <CardHeader>
          <CardTitle>
            <h2>{isHost ? "Your booking page’s public name" : "A host’s public name"}</h2>
          </CardTitle>
          <CardDescription data-testid="current-booking-page">
            {names?.bookingPath ? (
              <>
                People book you at{" "}
                <a className="underline" href={names.bookingPath}>
                  {names.bookingPath}
                </a>
              </>
            ) : isHost ? (
              "You have no public name yet: your booking page uses your Cal.com username."
            ) : (
              "Give a host a short address for their booking page (/book/<name>)."
            )}
            {names && names.previousNames.length > 0 ? (
              <> Earlier names, which lead there: {names.previousNames.join(", ")}.</>
            ) : null}
          </CardDescription>
        </CardHeader>
        <CardContent>
          <PublicNameForm current={names?.publicName ?? null} forAdministrator={!isHost} />
        </CardContent>
      </Card>
    </>
  );
}
