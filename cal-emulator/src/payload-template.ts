// A webhook's payloadTemplate applied as Cal.com's sendPayload does: the content type is decided by whether
// the template itself parses as JSON; Handlebars renders it over the payload flattened with triggerEvent and
// createdAt ({{title}}, {{organizer.name}}), every `&quot;` becomes `"` (other HTML escapes stay); a JSON
// template's result is re-serialised with JSON.stringify(JSON.parse(…)), which is the text `false` when the
// rendered text is not JSON; any other template is sent as the raw rendered text, labelled
// application/x-www-form-urlencoded (it is not actually url-encoded).
// Source: calcom/cal.com packages/features/webhooks/lib/sendPayload.ts (applyTemplate, jsonParse, at 008952d).
import Handlebars from "handlebars";

export type WebhookContentType = "application/json" | "application/x-www-form-urlencoded";

/** sendPayload's jsonParse: the parsed value, or false when the text is not JSON. */
function jsonParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return false;
  }
}

/** `!template || jsonParse(template)`: a falsy parse (including the JSON texts `0`, `false`, `null`) is form. */
export function contentTypeFor(template: string | null): WebhookContentType {
  return !template || jsonParse(template) ? "application/json" : "application/x-www-form-urlencoded";
}

export function renderPayloadTemplate(
  template: string,
  data: Record<string, unknown> & { triggerEvent: string; createdAt: string },
): { body: string; contentType: WebhookContentType } {
  const contentType = contentTypeFor(template);
  const rendered = Handlebars.compile(template)(data).replace(/&quot;/g, '"');
  return { body: contentType === "application/json" ? JSON.stringify(jsonParse(rendered)) : rendered, contentType };
}
