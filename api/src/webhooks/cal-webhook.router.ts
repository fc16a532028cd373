// POST /webhooks/cal (and the seed's /booking.created and /booking.updated aliases): verify the
// signature on the raw bytes, parse, record durably, acknowledge. No database work in the request.
import express, { Router, type Request, type RequestHandler, type Response } from "express";
import { SpanKind } from "@opentelemetry/api";
import { currentTraceparent, tracer } from "@churchhub/tracing";
import type { Logger } from "@churchhub/logging";
import { DeliveryNotRecordedError, type DeliveryRecorder } from "@churchhub/delivery-inbox";
import { HttpError, serviceUnavailable, unauthorized } from "../http/http-errors.js";
import type { ApiMetrics, DeliveryOutcome } from "../metrics/api-metrics.js";
import { requestIdOf } from "../http/request-id.js";
import { parseCalDelivery, readWebhookVersion } from "./parse-cal-delivery.js";
import { verifyCalSignature } from "./verify-cal-signature.js";

const CAL_WEBHOOK_PATHS = ["/webhooks/cal", "/webhooks/cal/booking.created", "/webhooks/cal/booking.updated"];

export interface CalWebhookDependencies {
  secrets: () => readonly string[];
  maxBodyBytes: number;
  recorder: DeliveryRecorder;
  clock: () => Date;
  logger: Logger;
  metrics: ApiMetrics;
}

export function createCalWebhookRouter(deps: CalWebhookDependencies): Router {
  const router = Router();
  router.post(
    CAL_WEBHOOK_PATHS,
    deliverySpan,
    rawDeliveryBody(deps.maxBodyBytes),
    createDeliveryHandler(deps, async (request, body) => {
      if (!verifyCalSignature(body, request.get("x-cal-signature-256"), deps.secrets())) throw unauthorized();
    }),
  );
  return router;
}

/** Where a route's verification happens: throw an HttpError to refuse (401 bad signature, 404, 410). */
export type DeliveryVerifier = (request: Request, body: Buffer, response: Response) => Promise<void>;

/** The trace of a delivery starts here and continues, through the inbox, into its workflow. */
export const deliverySpan: RequestHandler = (request, response, next) => {
  tracer().startActiveSpan(`POST ${request.path}`, { kind: SpanKind.SERVER }, (active) => {
    response.on("finish", () => {
      active.setAttribute("http.response.status_code", response.statusCode);
      active.end();
    });
    next();
  });
};

/** Verify (the route's way), parse, record durably, acknowledge: the same for every webhook route. */
export function createDeliveryHandler(
  deps: Omit<CalWebhookDependencies, "secrets">,
  verify: DeliveryVerifier,
): RequestHandler {
  return async (request, response) => {
    const started = process.hrtime.bigint();
    let trigger = "UNKNOWN";
    const observe = (outcome: DeliveryOutcome) =>
      deps.metrics.delivery(trigger, outcome, Number(process.hrtime.bigint() - started) / 1e9);
    const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    try {
      await verify(request, body, response);
    } catch (error) {
      observe(error instanceof HttpError && error.status === 401 ? "bad_signature" : "refused");
      throw error;
    }

    let delivery;
    try {
      delivery = parseCalDelivery(body, request.get("content-type"), deps.clock());
    } catch (error) {
      if (error instanceof HttpError) observe("invalid");
      throw error;
    }
    trigger = delivery.triggerEvent;
    const webhookVersion = readWebhookVersion(request.get("x-cal-webhook-version"));
    delivery = {
      ...delivery,
      requestId: requestIdOf(response),
      traceparent: currentTraceparent(),
      ...(webhookVersion ? { webhookVersion } : {}),
    };
    if (delivery.bodyShape === "unsupported_template")
      // Acknowledged (Cal.com never retries a refusal) and kept sealed; an operator reads it and removes the template.
      deps.logger.warn(
        { requestId: delivery.requestId, contentType: request.get("content-type"), bytes: body.length, webhookVersion },
        "cal delivery not in Cal.com's standard envelope (a payloadTemplate?): acknowledged, audited as unsupported_template",
      );
    try {
      const outcome = await deps.recorder.record(delivery);
      observe(outcome.duplicate ? "duplicate" : "accepted");
      // debug, not info: one line per delivery cost measurable CPU under load (bench); metrics count them.
      deps.logger.debug(
        {
          requestId: delivery.requestId,
          triggerEvent: delivery.triggerEvent,
          via: outcome.via,
          duplicate: outcome.duplicate,
        },
        "cal delivery recorded",
      );
      response.status(202).json({ status: "accepted", deliveryId: delivery.deliveryId, duplicate: outcome.duplicate });
    } catch (error) {
      if (error instanceof DeliveryNotRecordedError) {
        observe("unrecorded");
        deps.logger.error(
          {
            requestId: delivery.requestId,
            inboxError: error.causes.inbox,
            temporalError: error.causes.temporal,
            triggerEvent: delivery.triggerEvent,
          },
          "cal delivery not recorded",
        );
        // Not acknowledged, so Cal.com (or its operator) can send it again.
        throw serviceUnavailable("The delivery could not be recorded; retry later", 30);
      }
      throw error;
    }
  };
}

/** Keeps the exact bytes: the signature is over them. No inflation, so the signed bytes are the sent bytes. */
export function rawDeliveryBody(maxBodyBytes: number): RequestHandler {
  return express.raw({ type: () => true, limit: maxBodyBytes, inflate: false });
}
