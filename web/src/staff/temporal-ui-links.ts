// Links into the Temporal UI for a booking's processing. A booking's runs are found by their workflow ids
// (the api derives them from the audit trail; they carry no personal data): `WorkflowId IN (...)` works on
// the dev server's SQLite visibility as on Elasticsearch. The CalBookingUid search attribute is registered
// but no run sets it, so it cannot be queried yet.
export function workflowUrl(uiUrl: string, namespace: string, workflowId: string): string {
  return `${uiUrl}/namespaces/${encodeURIComponent(namespace)}/workflows/${encodeURIComponent(workflowId)}`;
}

/** The workflow list filtered to these runs; null when there are none. */
export function workflowListUrl(uiUrl: string, namespace: string, workflowIds: readonly string[]): string | null {
  const unique = [...new Set(workflowIds)];
  if (unique.length === 0) return null;
  const query = `WorkflowId IN (${unique.map((id) => JSON.stringify(id)).join(", ")})`;
  return `${uiUrl}/namespaces/${encodeURIComponent(namespace)}/workflows?query=${encodeURIComponent(query)}`;
}
