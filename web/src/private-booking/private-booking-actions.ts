// Server actions of private booking: the browser hands the details the person chose to leave to this web
// server, which passes them to the api with its own credential and the person's address (the api's rate
// limit counts by it). The browser gets back only the pseudonym, the relay address, the metadata naming
// the intent and the private link's path.
"use server";

import { headers } from "next/headers";
import { cancelPrivateBooking, startPrivateBooking, type StartedPrivateBooking } from "./private-booking-api";

export async function startPrivateBookingAction(input: {
  eventTypeId: number;
  name: string;
  email: string;
  phone: string;
}): Promise<StartedPrivateBooking> {
  const forwardedFor = (await headers()).get("x-forwarded-for");
  return startPrivateBooking(input, forwardedFor);
}

export async function cancelPrivateBookingAction(
  token: string,
): Promise<{ ok: true } | { ok: false; message: string }> {
  return cancelPrivateBooking(token);
}
