// Records what the api answered to one request (status, media type, body as sent), so the pipeline can
// hold every answer of every test to the api's OpenAPI document.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Answer } from "@churchhub/api";

type Chunk = string | Buffer | Uint8Array;

export function recordAnswer(
  request: IncomingMessage,
  response: ServerResponse,
  onAnswer: (answer: Answer) => void,
): void {
  const chunks: Buffer[] = [];
  const keep = (chunk: unknown, encoding: unknown) => {
    if (typeof chunk === "string")
      chunks.push(Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8"));
    else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
  };
  const write = response.write.bind(response) as (chunk: Chunk, ...rest: unknown[]) => boolean;
  const end = response.end.bind(response) as (...rest: unknown[]) => ServerResponse;
  response.write = ((chunk: Chunk, ...rest: unknown[]) => {
    keep(chunk, rest[0]);
    return write(chunk, ...rest);
  }) as ServerResponse["write"];
  response.end = ((...rest: unknown[]) => {
    if (typeof rest[0] !== "function") keep(rest[0], rest[1]);
    return end(...rest);
  }) as ServerResponse["end"];
  response.once("finish", () => {
    const contentType = response.getHeader("content-type");
    onAnswer({
      method: request.method ?? "GET",
      path: new URL(request.url ?? "/", "http://api.test").pathname,
      status: response.statusCode,
      contentType: typeof contentType === "string" ? contentType : undefined,
      body: request.method === "HEAD" ? "" : Buffer.concat(chunks).toString("utf8"),
    });
  });
}
