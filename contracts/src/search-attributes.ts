// The custom search attributes by which an operator lists delivery runs in the Temporal UI (failed
// deliveries, a booking's processing) without decoding payloads. Every Temporal the project starts
// registers them: the local stack, the test setup, the bench and the compose stack's job. Search
// attributes are stored and shown in plain text (the payload codec does not cover them), so they carry
// identifiers and outcomes only, never personal data.

/** Type names as the Temporal CLI and `start-dev --search-attribute Name=Type` spell them. */
export type SearchAttributeTypeName = "Keyword" | "KeywordList" | "Text" | "Int" | "Double" | "Bool" | "Datetime";

export interface SearchAttributeDefinition {
  name: string;
  type: SearchAttributeTypeName;
}

export const DELIVERY_SEARCH_ATTRIBUTES = [
  /** Cal.com's trigger event of the delivery, e.g. BOOKING_CREATED. */
  { name: "CalTrigger", type: "Keyword" },
  /** Cal.com's booking uid (a random id; already part of the workflow id). */
  { name: "CalBookingUid", type: "Keyword" },
  /** The inbox digests (deliveryId) a run processes: one today, several once runs take a backlog. */
  { name: "CalDeliveryIds", type: "KeywordList" },
  /** How processing ended: applied, superseded by a newer event, or failed. */
  { name: "DeliveryOutcome", type: "Keyword" },
] as const satisfies readonly SearchAttributeDefinition[];

/** `Name=Type` for each, the form of start-dev's --search-attribute flag and of the compose job's list. */
export function searchAttributeSpecs(definitions: readonly SearchAttributeDefinition[]): string[] {
  return definitions.map((definition) => `${definition.name}=${definition.type}`);
}
