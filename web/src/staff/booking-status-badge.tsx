// A booking's status as a coloured label; the colour repeats the word, never replaces it.
import { Badge } from "../components/ui/badge";
import { BOOKING_STATUS_LABELS } from "./booking-list-filters";

const variants: Record<string, "success" | "warning" | "destructive" | "secondary"> = {
  accepted: "success",
  pending: "warning",
  awaiting_host: "warning",
  cancelled: "destructive",
  rejected: "destructive",
};

export function BookingStatusBadge({ status }: { status: string }) {
  return (
    <Badge variant={variants[status] ?? "secondary"} data-testid="booking-status">
      {BOOKING_STATUS_LABELS[status] ?? status}
    </Badge>
  );
}
