// The HTTP core every Cal.com call goes through: one axios instance (keep-alive, timeout, no
// redirects), every status mapped to a CalApiError, every 2xx body validated against its schema.
import http from "node:http";
import https from "node:https";
import axios, { AxiosError, type AxiosInstance, type AxiosRequestConfig } from "axios";
import type { z } from "zod";
import { CalApiError, kindForStatus } from "./cal-api-error.js";

type CalRequest = AxiosRequestConfig;

/** Reads the machine-readable error code out of an error body (the shapes differ by endpoint). */
export type ErrorCodeReader = (body: unknown) => string | null;

/** API v2 envelope: `{status:"error", error:{code, message}}`. */
const envelopeErrorCode: ErrorCodeReader = (body) => {
  const code = (body as { error?: { code?: unknown } } | null)?.error?.code;
  return typeof code === "string" ? code : null;
};

interface CalHttp {
  call<T extends z.ZodType>(
    operation: string,
    schema: T,
    request: CalRequest,
    errorCode?: ErrorCodeReader,
  ): Promise<z.infer<T>>;
}

export function createCalHttp(options: { baseUrl: string; timeoutMs?: number }): CalHttp {
  const httpClient: AxiosInstance = axios.create({
    baseURL: options.baseUrl.replace(/\/+$/, ""),
    timeout: options.timeoutMs ?? 10_000,
    httpAgent: new http.Agent({ keepAlive: true, maxSockets: 50 }),
    httpsAgent: new https.Agent({ keepAlive: true, maxSockets: 50 }),
    // We map every status ourselves, including Cal.com's non-standard 498 for expired tokens.
    validateStatus: () => true,
    maxRedirects: 0,
  });

  return {
    async call(operation, schema, request, errorCode = envelopeErrorCode) {
      let response;
      try {
        response = await httpClient.request(request);
      } catch (error) {
        const code = error instanceof AxiosError ? (error.code ?? null) : null;
        throw new CalApiError("unavailable", null, code, operation);
      }
      if (response.status < 200 || response.status >= 300) {
        throw new CalApiError(kindForStatus(response.status), response.status, errorCode(response.data), operation);
      }
      const parsed = schema.safeParse(response.data);
      if (!parsed.success)
        throw new CalApiError("unavailable", response.status, "UNEXPECTED_RESPONSE_SHAPE", operation);
      return parsed.data;
    },
  };
}
