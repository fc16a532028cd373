// "Forget this person" on a booking's staff page (administrators): the booking's personal data, its
// questionnaire answers and the notes their authors marked for erasure are erased now, through the same
// retention workflow that erases them when the retention ends. What remains: the booking happened, and
// an audit entry of the erasure.
import { Router } from "express";
import { HttpError, notFound, serviceUnavailable } from "../../http/http-errors.js";
import { validateRequest } from "../../http/validate-request.js";
import { principalOf, requireStaffRole } from "../staff-access.js";
import type { StaffBookings } from "../staff-bookings.js";
import { staffBookingParamsSchema } from "../staff.router.js";
import type { RequestErasure } from "./request-erasure.js";

export function createStaffErasureRouter(deps: {
  bookings: Pick<StaffBookings, "inScope">;
  /** Absent where the staff area runs without Temporal (then the request is refused with 503). */
  requestErasure?: RequestErasure;
}): Router {
  const router = Router();
  const params = validateRequest({ params: staffBookingParamsSchema });

  router.post("/staff/bookings/:uid/forget", requireStaffRole("admin"), params, async (_request, response) => {
    const { uid } = params.parsed(response).params;
    if (!(await deps.bookings.inScope(principalOf(response), uid))) throw notFound("No booking with that uid");
    if (!deps.requestErasure) throw serviceUnavailable("Erasure is not available here (no Temporal)", 60);
    const result = await deps.requestErasure(uid);
    if (result.outcome !== "erased") throw new HttpError(500, "internal", "The erasure did not run");
    response.json({ erasure: result.erasure });
  });

  return router;
}
