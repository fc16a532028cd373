// Checks an answer the api gave against its OpenAPI document: the status must be one the document lists
// for that operation, and a JSON body must match the zod schema the document was generated from. Tests
// run every answer of the pipeline through this (test-support's pipeline), so the document's response
// schemas are what the api really sends.
import type { z } from "zod";
import { describeIssues } from "../http/validate-request.js";
import { buildOpenApiDocument, ZOD_SCHEMA } from "./openapi-document.js";

interface DocumentedResponse {
  content?: Record<string, { [ZOD_SCHEMA]?: z.ZodType }>;
}
type Operations = Record<string, { responses: Record<string, DocumentedResponse> }>;

export interface Answer {
  method: string;
  /** The request's path, without the query. */
  path: string;
  status: number;
  contentType: string | undefined;
  body: string;
}

export interface CheckedAnswer {
  /** The documented operation answered ("GET /hosts/{username}"), or null for a route the document does not have. */
  operation: string | null;
  /** What is wrong with the answer, or null when it keeps the document. */
  violation: string | null;
}

export interface ResponseContract {
  check(answer: Answer): CheckedAnswer;
}

export function createResponseContract(
  document = buildOpenApiDocument() as { paths: Record<string, Operations> },
): ResponseContract {
  // Literal paths first: /connections/cal/links is not /connections/cal/{id}.
  const templates = Object.entries(document.paths)
    .map(([template, operations]) => ({
      template,
      operations,
      pattern: new RegExp(`^${template.replace(/[.]/g, "\\.").replace(/\{[^}]+\}/g, "[^/]+")}$`),
      literal: !template.includes("{"),
    }))
    .sort((a, b) => Number(b.literal) - Number(a.literal));

  return {
    check(answer) {
      const documented = templates.find((entry) => entry.pattern.test(answer.path));
      const operation = documented?.operations[answer.method.toLowerCase()];
      if (!documented || !operation) return { operation: null, violation: null };
      const name = `${answer.method.toUpperCase()} ${documented.template}`;
      return { operation: name, violation: violationOf(answer, operation.responses, `${name} → ${answer.status}`) };
    },
  };
}

function violationOf(answer: Answer, responses: Record<string, DocumentedResponse>, where: string): string | null {
  const response = responses[String(answer.status)];
  if (!response) return `${where}: a status the document does not list`;
  if (!response.content || answer.body === "") return null;
  const mediaType = answer.contentType?.split(";")[0]?.trim().toLowerCase() ?? "";
  const content = response.content[mediaType];
  if (!content)
    return `${where}: answered ${mediaType || "no media type"}, documented ${Object.keys(response.content).join(", ")}`;
  const schema = content[ZOD_SCHEMA];
  if (!schema) return null;
  let body: unknown;
  try {
    body = JSON.parse(answer.body);
  } catch {
    return `${where}: the body is not JSON`;
  }
  const checked = schema.safeParse(body);
  return checked.success ? null : `${where}: the body does not match its schema (${describeIssues(checked.error)})`;
}
