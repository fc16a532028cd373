// Administrators: every staff member (name, email, role, active or deactivated, passkey, last sign-in),
// inviting a new one (mailed a one-time link; a host is linked to the Cal.com user whose bookings they
// own), changing a role, deactivating and reactivating. The api refuses changing yourself.
import type { Metadata } from "next";
import { Badge } from "../../../../../components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "../../../../../components/ui/card";
import { Input } from "../../../../../components/ui/input";
import { Label } from "../../../../../components/ui/label";
import { NativeSelect } from "../../../../../components/ui/native-select";
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "../../../../../components/ui/table";
import { changeRole, inviteStaff, setActive } from "../../../../../staff/admin/admin-actions";
import { AdminActionForm } from "../../../../../staff/admin/admin-action-form";
import { hostLabel } from "../../../../../staff/admin/host-labels";
import { roleChoiceValue } from "../../../../../staff/admin/role-choice";
import type { AdminHost, AdminStaffPerson } from "../../../../../staff/admin/staff-admin-api";
import { utcTime } from "../../../../../staff/admin/utc-time";
import { loadStaffData } from "../../../../../staff/staff-page-data";
import { loadStaffSession } from "../../../../../staff/staff-session";

export const metadata: Metadata = { title: "Staff" };
export const dynamic = "force-dynamic";

function RoleOptions({ hosts }: { hosts: AdminHost[] }) {
  return (
    <>
      <option value={roleChoiceValue({ role: "admin" })}>Administrator (every booking)</option>
      {hosts.map((host) => (
        <option key={host.calUserId} value={roleChoiceValue({ role: "host", calUserId: host.calUserId })}>
          Host: {hostLabel(host)}
        </option>
      ))}
    </>
  );
}

export default async function StaffPeoplePage() {
  const [session, { people }, { hosts }] = await Promise.all([
    loadStaffSession(),
    loadStaffData<{ people: AdminStaffPerson[] }>("/staff/admin/staff"),
    loadStaffData<{ hosts: AdminHost[] }>("/staff/admin/hosts"),
  ]);
  const hostOf = (calUserId: number | null) => hosts.find((host) => host.calUserId === calUserId);
  return (
    <div className="flex flex-col gap-6">
      <h1 className="font-semibold text-2xl">Staff</h1>
      <Card>
        <CardHeader>
          <CardTitle>Invite someone</CardTitle>
          <CardDescription>
            They get a one-time sign-in link by email. A host sees only their own bookings.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <AdminActionForm action={inviteStaff} submitLabel="Send invitation" testId="invite-form">
            <div className="flex min-w-64 flex-col gap-1.5">
              <Label htmlFor="invite-email">Email</Label>
              <Input id="invite-email" name="email" type="email" required maxLength={254} autoComplete="off" />
            </div>
            <div className="flex min-w-48 flex-col gap-1.5">
              <Label htmlFor="invite-name">Name (optional)</Label>
              <Input id="invite-name" name="name" maxLength={120} autoComplete="off" />
            </div>
            <div className="flex min-w-64 flex-col gap-1.5">
              <Label htmlFor="invite-role">Role</Label>
              <NativeSelect id="invite-role" name="role" required defaultValue="">
                <option value="" disabled>
                  Choose…
                </option>
                <RoleOptions hosts={hosts} />
              </NativeSelect>
            </div>
          </AdminActionForm>
        </CardContent>
      </Card>
      <Table>
        <TableCaption>Administrators first, then by name (times in UTC)</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHead scope="col">Person</TableHead>
            <TableHead scope="col">Role</TableHead>
            <TableHead scope="col">Status</TableHead>
            <TableHead scope="col">Passkey</TableHead>
            <TableHead scope="col">Last sign-in</TableHead>
            <TableHead scope="col">Change</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {people.map((person) => {
            const yourself = person.id === session.person.id;
            const host = hostOf(person.calUserId);
            return (
              <TableRow key={person.id} data-testid={`person-${person.email}`}>
                <TableCell>
                  <div className="font-medium">
                    {person.name}
                    {yourself && " (you)"}
                  </div>
                  <div className="text-muted-foreground text-xs">{person.email}</div>
                </TableCell>
                <TableCell>
                  {person.role === "admin"
                    ? "Administrator"
                    : `Host of ${host ? hostLabel(host) : `Cal.com user ${person.calUserId}`}`}
                </TableCell>
                <TableCell>
                  <Badge variant={person.active ? "success" : "outline"}>
                    {person.active ? "Active" : "Deactivated"}
                  </Badge>
                </TableCell>
                <TableCell>{person.hasPasskey ? "Yes" : "No"}</TableCell>
                <TableCell>{utcTime(person.lastSignInAt, "Never")}</TableCell>
                <TableCell>
                  {yourself ? (
                    <span className="text-muted-foreground text-sm">Another administrator can change you</span>
                  ) : (
                    <div className="flex flex-col gap-2">
                      <AdminActionForm action={changeRole} submitLabel="Change role" variant="outline">
                        <input type="hidden" name="id" value={person.id} />
                        <NativeSelect
                          name="role"
                          aria-label={`Role of ${person.name}`}
                          className="w-56"
                          defaultValue={
                            person.role === "admin" || person.calUserId === null
                              ? roleChoiceValue({ role: "admin" })
                              : roleChoiceValue({ role: "host", calUserId: person.calUserId })
                          }
                        >
                          <RoleOptions hosts={hosts} />
                        </NativeSelect>
                      </AdminActionForm>
                      <AdminActionForm
                        action={setActive}
                        submitLabel={person.active ? `Deactivate ${person.name}` : `Reactivate ${person.name}`}
                        variant={person.active ? "destructive" : "secondary"}
                      >
                        <input type="hidden" name="id" value={person.id} />
                        <input type="hidden" name="active" value={person.active ? "false" : "true"} />
                      </AdminActionForm>
                    </div>
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
