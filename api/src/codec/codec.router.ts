// The codec server the Temporal Web UI and CLI call to show payloads in the clear (Temporal's codec
// server contract: POST {endpoint}/decode and /encode, body {payloads:[{metadata:{k:b64},data:b64}]},
// the UI appends ?preserveStorageRefs=true). Decoding reveals personal data, so it needs the admin
// role; encoding (e.g. a signal typed into the UI) needs operator or admin. CORS only for the
// configured Temporal UI origins, with credentials so the session cookie can be used.
import cors from "cors";
import express, { Router } from "express";
import { z } from "zod";
import type { Payload, PayloadCodec } from "@temporalio/common";
import { badRequest } from "../http/http-errors.js";
import { validateRequest } from "../http/validate-request.js";
import type { RequireRole } from "../auth/require-role.js";

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, "must be base64");
export const codecBodySchema = z.object({
  payloads: z
    .array(z.object({ metadata: z.record(z.string(), base64).default({}), data: base64.optional() }))
    .max(1000),
});

const codecRequest = validateRequest({ body: codecBodySchema });

function fromJson(payload: z.infer<typeof codecBodySchema>["payloads"][number]): Payload {
  return {
    metadata: Object.fromEntries(
      Object.entries(payload.metadata).map(([key, value]) => [key, new Uint8Array(Buffer.from(value, "base64"))]),
    ),
    data: new Uint8Array(Buffer.from(payload.data ?? "", "base64")),
  };
}

function toJson(payload: Payload) {
  return {
    metadata: Object.fromEntries(
      Object.entries(payload.metadata ?? {}).map(([key, value]) => [
        key,
        Buffer.from(value ?? new Uint8Array()).toString("base64"),
      ]),
    ),
    data: Buffer.from(payload.data ?? new Uint8Array()).toString("base64"),
  };
}

export function createCodecRouter(deps: {
  codec: PayloadCodec;
  requireRole: RequireRole;
  allowedOrigins: readonly string[];
}): Router {
  const router = Router();
  const corsForUi = cors({
    origin: (origin, callback) => callback(null, origin !== undefined && deps.allowedOrigins.includes(origin)),
    credentials: true,
    methods: ["POST", "OPTIONS"],
    allowedHeaders: ["content-type", "x-namespace", "authorization"],
    maxAge: 600,
  });
  const json = express.json({ limit: "4mb" });
  router.options(["/codec/decode", "/codec/encode"], corsForUi);

  for (const [path, operation, roles] of [
    ["/codec/decode", "decode", ["admin"]],
    ["/codec/encode", "encode", ["admin", "operator"]],
  ] as const) {
    router.post(path, corsForUi, deps.requireRole(...roles), json, codecRequest, async (_request, response) => {
      let payloads: Payload[];
      try {
        payloads = await deps.codec[operation](codecRequest.parsed(response).body.payloads.map(fromJson));
      } catch {
        throw badRequest(`payloads: could not be ${operation}d`);
      }
      response.set("Cache-Control", "no-store").json({ payloads: payloads.map(toJson) });
    });
  }
  return router;
}
