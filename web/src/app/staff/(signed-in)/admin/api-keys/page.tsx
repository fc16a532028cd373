// Administrators: the API keys systems use (admin, operator): list, create (the key shown once), revoke.
// The same keys as `npm run apikey:*` and /admin/api-keys; the api keeps only their hashes.
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
import { createApiKey, revokeApiKey } from "../../../../../staff/admin/admin-actions";
import { AdminActionForm } from "../../../../../staff/admin/admin-action-form";
import type { AdminApiKey } from "../../../../../staff/admin/staff-admin-api";
import { utcTime } from "../../../../../staff/admin/utc-time";
import { loadStaffData } from "../../../../../staff/staff-page-data";

export const metadata: Metadata = { title: "API keys" };
export const dynamic = "force-dynamic";

export default async function ApiKeysPage() {
  const { apiKeys } = await loadStaffData<{ apiKeys: AdminApiKey[] }>("/staff/admin/api-keys");
  return (
    <div className="flex flex-col gap-6">
      <h1 className="font-semibold text-2xl">API keys</h1>
      <Card>
        <CardHeader>
          <CardTitle>Create a key</CardTitle>
          <CardDescription>
            For a system, not a person. Operator: connect links, replay, metrics. Administrator: also reads personal
            data (codec, bookings) and manages keys.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <AdminActionForm action={createApiKey} submitLabel="Create key" secretLabel="API key" testId="api-key-form">
            <div className="flex min-w-64 flex-col gap-1.5">
              <Label htmlFor="key-name">Name</Label>
              <Input id="key-name" name="name" required maxLength={120} autoComplete="off" />
            </div>
            <div className="flex min-w-40 flex-col gap-1.5">
              <Label htmlFor="key-role">Role</Label>
              <NativeSelect id="key-role" name="role" defaultValue="operator">
                <option value="operator">Operator</option>
                <option value="admin">Administrator</option>
              </NativeSelect>
            </div>
          </AdminActionForm>
        </CardContent>
      </Card>
      {apiKeys.length === 0 ? (
        <p>No API keys yet.</p>
      ) : (
        <Table>
          <TableCaption>Oldest first (times in UTC)</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHead scope="col">Name</TableHead>
              <TableHead scope="col">Role</TableHead>
              <TableHead scope="col">Created</TableHead>
              <TableHead scope="col">Last used</TableHead>
              <TableHead scope="col">Status</TableHead>
              <TableHead scope="col">
                <span className="sr-only">Revoke</span>
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {apiKeys.map((key) => (
              <TableRow key={key.id} data-testid={`api-key-${key.name}`}>
                <TableCell className="font-medium">{key.name}</TableCell>
                <TableCell>{key.role === "admin" ? "Administrator" : "Operator"}</TableCell>
                <TableCell>{utcTime(key.createdAt)}</TableCell>
                <TableCell>{utcTime(key.lastUsedAt, "Never")}</TableCell>
                <TableCell>
                  {key.revokedAt ? (
                    <Badge variant="outline">Revoked {utcTime(key.revokedAt)}</Badge>
                  ) : (
                    <Badge variant="success">Active</Badge>
                  )}
                </TableCell>
                <TableCell>
                  {!key.revokedAt && (
                    <AdminActionForm action={revokeApiKey} submitLabel={`Revoke ${key.name}`} variant="destructive">
                      <input type="hidden" name="id" value={key.id} />
                    </AdminActionForm>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
