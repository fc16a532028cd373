// Administrators: the reconciliation schedules (the main one and the poll of accounts Cal.com gave no
// webhook): interval, next run, recent runs with what each found and repaired, links to each run in the
// Temporal UI, a "run now" button; and the latest bookings reconciliation repaired (uid and event only).
import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "../../../../../components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "../../../../../components/ui/card";
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "../../../../../components/ui/table";
import { runReconciliation } from "../../../../../staff/admin/admin-actions";
import { AdminActionForm } from "../../../../../staff/admin/admin-action-form";
import type { ReconciliationOverview, ReconciliationRun } from "../../../../../staff/admin/staff-admin-api";
import { webSettings } from "../../../../../config/web-settings";
import { scheduleUrl, workflowUrl } from "../../../../../staff/temporal-ui-links";
import { utcTime } from "../../../../../staff/admin/utc-time";
import { loadStaffData } from "../../../../../staff/staff-page-data";

export const metadata: Metadata = { title: "Reconciliation" };
export const dynamic = "force-dynamic";

const scheduleTitles: Record<string, string> = {
  "reconcile-cal-bookings": "Every booking source",
  "reconcile-cal-without-webhook": "Connected accounts without a webhook",
};

function outcome(run: ReconciliationRun): string {
  if (!run.result) return run.status === "RUNNING" ? "Running…" : "—";
  const { examined, reconciled, alreadyProcessed, unreadable, needsReconnect, failedSources } = run.result;
  return [
    `${examined} examined`,
    `${reconciled} repaired`,
    alreadyProcessed ? `${alreadyProcessed} already done` : "",
    unreadable ? `${unreadable} unreadable` : "",
    needsReconnect ? `${needsReconnect} need reconnect` : "",
    failedSources ? `${failedSources} sources failed` : "",
  ]
    .filter(Boolean)
    .join(", ");
}

export default async function ReconciliationPage() {
  const { namespace, schedules, repairs } = await loadStaffData<ReconciliationOverview>("/staff/admin/reconciliation");
  const temporalUi = webSettings().TEMPORAL_UI_URL;
  return (
    <div className="flex flex-col gap-6">
      <h1 className="font-semibold text-2xl">Reconciliation</h1>
      <p className="text-muted-foreground text-sm">
        Cal.com sends each webhook once; these schedules ask Cal.com for recent bookings and repair what we missed.
      </p>
      {schedules.map((schedule) => (
        <Card key={schedule.scheduleId} data-testid={`schedule-${schedule.scheduleId}`}>
          <CardHeader>
            <CardTitle>{scheduleTitles[schedule.scheduleId] ?? schedule.scheduleId}</CardTitle>
            <CardDescription>
              {schedule.exists ? (
                <>
                  Every {schedule.everyMinutes ?? "?"} minutes{schedule.paused && " (paused)"}; next run{" "}
                  {utcTime(schedule.nextRunAt)}.{" "}
                  {temporalUi && (
                    <a href={scheduleUrl(temporalUi, namespace, schedule.scheduleId)}>
                      Schedule {schedule.scheduleId} in the Temporal UI
                    </a>
                  )}
                </>
              ) : (
                "Not created yet: a worker creates it at start when a Cal.com client is configured."
              )}
            </CardDescription>
          </CardHeader>
          {schedule.exists && (
            <CardContent className="flex flex-col gap-4">
              <AdminActionForm action={runReconciliation} submitLabel="Run now" variant="outline">
                <input type="hidden" name="scheduleId" value={schedule.scheduleId} />
              </AdminActionForm>
              {schedule.recentRuns.length === 0 ? (
                <p className="text-sm">No runs yet.</p>
              ) : (
                <Table>
                  <TableCaption>Recent runs, newest first (times in UTC)</TableCaption>
                  <TableHeader>
                    <TableRow>
                      <TableHead scope="col">Started</TableHead>
                      <TableHead scope="col">Status</TableHead>
                      <TableHead scope="col">Outcome</TableHead>
                      <TableHead scope="col">Run</TableHead>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {schedule.recentRuns.map((run) => (
                      <TableRow key={run.runId}>
                        <TableCell>{utcTime(run.startedAt)}</TableCell>
                        <TableCell>
                          <Badge
                            variant={
                              run.status === "COMPLETED"
                                ? "success"
                                : run.status === "RUNNING"
                                  ? "secondary"
                                  : "destructive"
                            }
                          >
                            {run.status.toLowerCase().replace(/_/g, " ")}
                          </Badge>
                        </TableCell>
                        <TableCell>{outcome(run)}</TableCell>
                        <TableCell className="font-mono text-xs">
                          {temporalUi ? (
                            <a href={workflowUrl(temporalUi, namespace, run.workflowId)}>{run.workflowId}</a>
                          ) : (
                            run.workflowId
                          )}
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              )}
            </CardContent>
          )}
        </Card>
      ))}
      <h2 className="font-semibold text-xl">Latest repairs</h2>
      {repairs.length === 0 ? (
        <p>Nothing repaired yet: every booking arrived by webhook.</p>
      ) : (
        <Table>
          <TableCaption>Bookings reconciliation brought in step, newest first (times in UTC)</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHead scope="col">Recorded</TableHead>
              <TableHead scope="col">Booking</TableHead>
              <TableHead scope="col">Event</TableHead>
              <TableHead scope="col">Outcome</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {repairs.map((repair) => (
              <TableRow key={`${repair.bookingUid}-${repair.triggerEvent}-${repair.recordedAt}`}>
                <TableCell>{utcTime(repair.recordedAt)}</TableCell>
                <TableCell className="font-mono text-xs">
                  {repair.bookingUid ? (
                    <Link href={`/staff/bookings/${encodeURIComponent(repair.bookingUid)}`}>{repair.bookingUid}</Link>
                  ) : (
                    "—"
                  )}
                </TableCell>
                <TableCell>{repair.triggerEvent}</TableCell>
                <TableCell>{repair.outcome}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
