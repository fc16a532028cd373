// Shown in the booking card while the page part of the route is prepared.
import { BookerSkeleton } from "../../../../../booking/booker-skeleton";

export default function LoadingBooker() {
  return <BookerSkeleton />;
}
