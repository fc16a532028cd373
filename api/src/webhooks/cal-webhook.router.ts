// POST /webhooks/cal (and the seed's /booking.created and /booking.updated aliases): verify the
// signature on the raw bytes, parse, record durably, acknowledge. No database work in the request.
import express, { Router } from 'express';
import type { Logger } from '@churchhub/logging';
import { DeliveryNotRecordedError, type DeliveryRecorder } from '@churchhub/delivery-inbox';
import { serviceUnavailable, unauthorized } from '../http/http-errors.js';
import { parseCalDelivery } from './parse-cal-delivery.js';
import { verifyCalSignature } from './verify-cal-signature.js';

export const CAL_WEBHOOK_PATHS = ['/webhooks/cal', '/webhooks/cal/booking.created', '/webhooks/cal/booking.updated'];

export interface CalWebhookDependencies {
  secrets: () => readonly string[];
  maxBodyBytes: number;
  recorder: DeliveryRecorder;
  clock: () => Date;
  logger: Logger;
}

export function createCalWebhookRouter(deps: CalWebhookDependencies): Router {
  const router = Router();
  // Keep the exact bytes: the signature is over them. No inflation, so the signed bytes are the sent bytes.
  const rawBody = express.raw({ type: () => true, limit: deps.maxBodyBytes, inflate: false });

  router.post(CAL_WEBHOOK_PATHS, rawBody, async (request, response) => {
    const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    if (!verifyCalSignature(body, request.get('x-cal-signature-256'), deps.secrets())) throw unauthorized();

    const delivery = parseCalDelivery(body, request.get('content-type'), deps.clock());
    try {
      const outcome = await deps.recorder.record(delivery);
      deps.logger.info({ triggerEvent: delivery.triggerEvent, via: outcome.via, duplicate: outcome.duplicate }, 'cal delivery recorded');
      response.status(202).json({ status: 'accepted', deliveryId: delivery.deliveryId, duplicate: outcome.duplicate });
    } catch (error) {
      if (error instanceof DeliveryNotRecordedError) {
        deps.logger.error({ inboxError: error.causes.inbox, temporalError: error.causes.temporal, triggerEvent: delivery.triggerEvent }, 'cal delivery not recorded');
        // Not acknowledged, so Cal.com (or its operator) can send it again.
        throw serviceUnavailable('The delivery could not be recorded; retry later', 30);
      }
      throw error;
    }
  });
  return router;
}
