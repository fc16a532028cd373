// /book/[username] and /book/[username]/[eventSlug]: looks the host up before anything is sent, so an
// unknown host is a real 404 and an unavailable api or Cal.com a real 5xx (after the first byte, Next.js
// could only show those pages with status 200).
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { BookingPageFrame } from "../../../../booking/booking-page-frame";
import { bookingTargetOrNotFound } from "../../../../hosts/host-directory";
import { isPrivateBookingEventType } from "../../../../private-booking/private-booking-api";

export type BookingRouteParams = Promise<{ username: string; eventSlug?: string[] }>;

export async function generateMetadata({ params }: { params: BookingRouteParams }): Promise<Metadata> {
  const { host, eventType } = await bookingTargetOrNotFound(await params);
  return { title: `${eventType.title} with ${host.name}` };
}

export default async function BookingLayout({ params, children }: { params: BookingRouteParams; children: ReactNode }) {
  const { host, eventType } = await bookingTargetOrNotFound(await params);
  const privateBooking = await isPrivateBookingEventType(eventType.id);
  return (
    <BookingPageFrame host={host} eventType={eventType} privateBooking={privateBooking}>
      {children}
    </BookingPageFrame>
  );
}
