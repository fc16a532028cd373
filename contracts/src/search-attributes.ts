// The custom search attributes by which an operator lists delivery runs in the Temporal UI (failed
// deliveries, a booking's processing) without decoding payloads. Every Temporal the project starts
// registers them: the local stack, the test setup, the bench and the compose stack's job. Search
// attributes are stored and shown in plain text (the payload codec does not cover them), so they carry
// identifiers and outcomes only, never personal data. A run may process several deliveries (a backlog is
// taken in batches), so what differs per delivery is a list; Temporal's SQL visibility stores hold at
// most three KeywordList attributes per namespace (start-dev refuses a fourth), hence one plain Keyword.
import { defineSearchAttributeKey, SearchAttributeType, type SearchAttributePair } from "@temporalio/common";
import type { CalDelivery } from "./cal-delivery.js";

/** Type names as the Temporal CLI and `start-dev --search-attribute Name=Type` spell them. */
export type SearchAttributeTypeName = "Keyword" | "KeywordList" | "Text" | "Int" | "Double" | "Bool" | "Datetime";

export interface SearchAttributeDefinition {
  name: string;
  type: SearchAttributeTypeName;
}

export const DELIVERY_SEARCH_ATTRIBUTES = [
  /** Cal.com's trigger events of the run's deliveries, e.g. BOOKING_CREATED. */
  { name: "CalTriggers", type: "KeywordList" },
  /** Cal.com's booking uids the run's deliveries are about (random ids, not personal). */
  { name: "CalBookingUids", type: "KeywordList" },
  /** The inbox digests (deliveryId) of the deliveries the run processes: one when idle, several under a backlog. */
  { name: "CalDeliveryIds", type: "KeywordList" },
  /** How the run ended: `failed` when any of its deliveries failed, else the most telling of the others. */
  { name: "DeliveryOutcome", type: "Keyword" },
] as const satisfies readonly SearchAttributeDefinition[];

/** Typed keys of the attributes above, for starts (typedSearchAttributes) and upserts in the workflow. */
export const DELIVERY_SEARCH_ATTRIBUTE_KEYS = {
  triggers: defineSearchAttributeKey("CalTriggers", SearchAttributeType.KEYWORD_LIST),
  bookingUids: defineSearchAttributeKey("CalBookingUids", SearchAttributeType.KEYWORD_LIST),
  deliveryIds: defineSearchAttributeKey("CalDeliveryIds", SearchAttributeType.KEYWORD_LIST),
  outcome: defineSearchAttributeKey("DeliveryOutcome", SearchAttributeType.KEYWORD),
} as const;

/** What a run is about, set when it starts, so it can be found before it ends. */
export function deliveryRunSearchAttributes(deliveries: readonly CalDelivery[]): SearchAttributePair[] {
  const distinct = (values: Array<string | null>) => [...new Set(values.filter((value) => value !== null))];
  const keys = DELIVERY_SEARCH_ATTRIBUTE_KEYS;
  return [
    { key: keys.triggers, value: distinct(deliveries.map((delivery) => delivery.triggerEvent)) },
    { key: keys.bookingUids, value: distinct(deliveries.map((delivery) => delivery.bookingUid)) },
    { key: keys.deliveryIds, value: distinct(deliveries.map((delivery) => delivery.deliveryId)) },
  ];
}

/**
 * The memo a run starts with: a summary an operator reads without decoding the deliveries (counts per
 * trigger and per source), and which api request received each delivery (by the first 16 hex digits of
 * its deliveryId, as in the workflow id). Kept small: the SDK warns about memos over 2 KiB.
 */
export function deliveryRunMemo(deliveries: readonly CalDelivery[]): Record<string, unknown> {
  const countsOf = (values: string[]) => {
    const counts = new Map<string, number>();
    for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
    return [...counts].map(([value, count]) => `${value} ×${count}`).join(", ");
  };
  const triggers = countsOf(deliveries.map((delivery) => delivery.triggerEvent));
  const sources = countsOf(deliveries.map((delivery) => delivery.source ?? "webhook"));
  const noun = deliveries.length === 1 ? "delivery" : "deliveries";
  return {
    summary: `${deliveries.length} ${noun}: ${triggers}; from ${sources}`,
    requestIds: Object.fromEntries(
      deliveries.flatMap((delivery) =>
        delivery.requestId ? [[delivery.deliveryId.slice(0, 16), delivery.requestId]] : [],
      ),
    ),
  };
}

/** `Name=Type` for each, the form of start-dev's --search-attribute flag and of the compose job's list. */
export function searchAttributeSpecs(definitions: readonly SearchAttributeDefinition[]): string[] {
  return definitions.map((definition) => `${definition.name}=${definition.type}`);
}
