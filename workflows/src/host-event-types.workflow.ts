// What the staff area reads from Cal.com as a host (their event types) and the Cal.com private links it
// manages for sensitive event types: Cal.com is called from activities, never from the api's request.
import type { HostEventTypesResult, ManagePrivateLinksInput, ManagePrivateLinksResult } from "@churchhub/contracts";
import { staffReads } from "./sensitive-settings.activities.js";

export async function listHostEventTypesWorkflow(input: { calUserId: number }): Promise<HostEventTypesResult> {
  return staffReads.listHostEventTypes(input);
}

export async function managePrivateLinksWorkflow(input: ManagePrivateLinksInput): Promise<ManagePrivateLinksResult> {
  return staffReads.managePrivateLinks(input);
}
