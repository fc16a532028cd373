// Links into the Temporal Web UI (its routes: /namespaces/<ns>/workflows/<id>/<run>/history and
// /namespaces/<ns>/schedules/<id>), so an administrator can open a reconciliation run's processing.
const segment = encodeURIComponent;

export function temporalWorkflowUrl(base: string, namespace: string, workflowId: string, runId: string): string {
  return `${base.replace(/\/+$/, "")}/namespaces/${segment(namespace)}/workflows/${segment(workflowId)}/${segment(runId)}/history`;
}

export function temporalScheduleUrl(base: string, namespace: string, scheduleId: string): string {
  return `${base.replace(/\/+$/, "")}/namespaces/${segment(namespace)}/schedules/${segment(scheduleId)}`;
}
