// Baseline 1, run as its own process: a bare node:http endpoint that reads the body, verifies
// X-Cal-Signature-256 with our own verifier and answers 202. No parsing, no database: the most any
// webhook receiver in Node can do on this machine.
import { createServer } from "node:http";
import { verifyCalSignature } from "@churchhub/api";

const secret = process.env.CAL_WEBHOOK_SECRET ?? "";
const port = Number(process.env.PORT);

const server = createServer((request, response) => {
  if (request.method === "GET" && request.url === "/health") {
    response.writeHead(200).end("ok");
    return;
  }
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", () => {
    const valid = verifyCalSignature(
      Buffer.concat(chunks),
      request.headers["x-cal-signature-256"] as string | undefined,
      [secret],
    );
    response
      .writeHead(valid ? 202 : 401, { "content-type": "application/json" })
      .end(valid ? '{"status":"accepted"}' : '{"error":"unauthorized"}');
  });
});
server.listen(port, "127.0.0.1");
process.once("SIGTERM", () => server.close(() => process.exit(0)));
