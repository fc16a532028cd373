// The questionnaires the signed-in person may edit (a host's own; an administrator's, all), and a form
// to start a new one. Each opens in the builder.
import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "../../../../components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "../../../../components/ui/card";
import { Input } from "../../../../components/ui/input";
import { Label } from "../../../../components/ui/label";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "../../../../components/ui/table";
import { createQuestionnaire } from "../../../../staff/questionnaires/questionnaire-actions";
import {
  type StaffQuestionnaireSummary,
  staffQuestionnairePaths,
} from "../../../../staff/questionnaires/staff-questionnaire-api";
import { loadStaffData } from "../../../../staff/staff-page-data";
import { loadStaffSession } from "../../../../staff/staff-session";

export const metadata: Metadata = { title: "Questionnaires" };
export const dynamic = "force-dynamic";

const when = (iso: string) =>
  new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(new Date(iso));

export default async function QuestionnairesPage() {
  const [session, { questionnaires }] = await Promise.all([
    loadStaffSession(),
    loadStaffData<{ questionnaires: StaffQuestionnaireSummary[] }>(staffQuestionnairePaths.list),
  ]);
  const admin = session.person.role === "admin";

  return (
    <div className="grid gap-6">
      <h1 className="font-semibold text-2xl">Questionnaires</h1>
      <p className="max-w-3xl text-muted-foreground">
        Questions your visitors answer right after booking. Their answers stay in ChurchHub, encrypted, and never go to
        Cal.com or your calendar.
      </p>
      {questionnaires.length === 0 ? (
        <p>No questionnaires yet.</p>
      ) : (
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead scope="col">Title</TableHead>
              <TableHead scope="col">Published version</TableHead>
              <TableHead scope="col">Last changed (UTC)</TableHead>
              {admin ? <TableHead scope="col">Host (Cal.com user)</TableHead> : null}
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
                <TableCell>{when(questionnaire.updatedAt)}</TableCell>
                {admin ? <TableCell>{questionnaire.ownerCalUserId}</TableCell> : null}
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
                <Label htmlFor="new-questionnaire-owner">Host’s Cal.com user id</Label>
                <Input id="new-questionnaire-owner" name="ownerCalUserId" type="number" min={1} required />
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
