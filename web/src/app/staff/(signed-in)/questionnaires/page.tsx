// The questionnaires the signed-in person may edit (a host's own; an administrator's, all), and a form
// to start a new one. Each opens in the builder.
import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "../../../../components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "../../../../components/ui/card";
import { Input } from "../../../../components/ui/input";
import { Label } from "../../../../components/ui/label";
import { NativeSelect } from "../../../../components/ui/native-select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "../../../../components/ui/table";
import { createQuestionnaire } from "../../../../staff/questionnaires/questionnaire-actions";
import {
  type StaffEventType,
  type StaffQuestionnaireSummary,
  staffQuestionnairePaths,
} from "../../../../staff/questionnaires/staff-questionnaire-api";
import { loadStaffData } from "../../../../staff/staff-page-data";
import { loadStaffSession } from "../../../../staff/staff-session";

export const metadata: Metadata = { title: "Questionnaires" };
export const dynamic = "force-dynamic";

export default async function QuestionnairesPage() {
  const [session, { questionnaires }, { eventTypes }] = await Promise.all([
    loadStaffSession(),
    loadStaffData<{ questionnaires: StaffQuestionnaireSummary[] }>(staffQuestionnairePaths.list),
    loadStaffData<{ eventTypes: StaffEventType[] }>(staffQuestionnairePaths.eventTypes),
  ]);
  const admin = session.person.role === "admin";
  const hosts = [...new Map(eventTypes.map((e) => [e.hostCalUserId, e.hostName ?? `Cal.com user ${e.hostCalUserId}`]))];
  const attachedTo = (id: string) =>
    eventTypes.filter((eventType) => eventType.attachment?.questionnaireId === id).map((eventType) => eventType.title);

  return (
    <div className="grid gap-6">
      <h1 className="font-semibold text-2xl">Questionnaires</h1>
      {questionnaires.length === 0 ? (
        <p>No questionnaires yet.</p>
      ) : (
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead scope="col">Title</TableHead>
              <TableHead scope="col">Published version</TableHead>
              <TableHead scope="col">Attached to</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {questionnaires.map((questionnaire) => (
              <TableRow key={questionnaire.id}>
                <TableCell>
                  <Link
                    className="text-primary underline"
                    href={`/staff/questionnaires/${encodeURIComponent(questionnaire.id)}`}
                  >
                    {questionnaire.title}
                  </Link>
                </TableCell>
                <TableCell>{questionnaire.latestVersion ?? "not published"}</TableCell>
                <TableCell>{attachedTo(questionnaire.id).join(", ") || "—"}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Card className="max-w-xl">
        <CardHeader>
          <CardTitle>New questionnaire</CardTitle>
        </CardHeader>
        <CardContent>
          <form action={createQuestionnaire} className="grid gap-4">
            <div className="grid gap-2">
              <Label htmlFor="new-questionnaire-title">Title</Label>
              <Input id="new-questionnaire-title" name="title" required maxLength={200} />
            </div>
            {admin ? (
              <div className="grid gap-2">
                <Label htmlFor="new-questionnaire-owner">For host</Label>
                <NativeSelect id="new-questionnaire-owner" name="ownerCalUserId" required>
                  {hosts.map(([calUserId, name]) => (
                    <option key={calUserId} value={calUserId}>
                      {name}
                    </option>
                  ))}
                </NativeSelect>
              </div>
            ) : null}
            <Button type="submit" className="justify-self-start">
              Create and open the builder
            </Button>
          </form>
        </CardContent>
      </Card>
    </div>
  );
}
