// Cal.com's Booker for anonymous visitors: client id and API URL only, never a host's token.
"use client";

import { Booker, CalOAuthProvider, CalProvider, type BookingSuccessResponse } from "@calcom/atoms";
import "@calcom/atoms/globals.min.css";
import { useCallback, useEffect, useRef, useState } from "react";
import type { CalProviderKind } from "../hosts/host.schema";
import { BookerSkeleton } from "./booker-skeleton";
import { BookingConfirmation, type ConfirmedBooking } from "./booking-confirmation";
import { chooseCalProvider } from "./cal-provider-choice";
import { toConfirmedBooking, type CreatedBooking } from "./confirmed-booking";
import { NoFreeSlotsHint } from "./no-free-slots-hint";

/** Everything the browser gets: public identifiers only. */
export interface PublicBookerProps {
  calApiUrl: string;
  calClientId: string;
  /** `oauth2` for an ordinary Cal.com account connected through OAuth 2.0, `platform` for a managed user. */
  calProvider: CalProviderKind;
  calUsername: string;
  eventSlug: string;
  eventTitle: string;
  lengthInMinutes: number;
  hostName: string;
}

const PROVIDERS = { CalProvider, CalOAuthProvider };

export function PublicBooker(props: PublicBookerProps) {
  const [confirmed, setConfirmed] = useState<ConfirmedBooking | null>(null);
  const [noFreeSlots, setNoFreeSlots] = useState(false);
  const bookerTimeZone = useRef<string | null>(null);
  // CalProvider points its HTTP client at apiUrl in an effect, and children's effects run first: a
  // Booker mounted with it would fetch its event type from this site's origin once (a 404) before
  // Cal.com. Our effect runs after CalProvider's, so the Booker mounts once the client is ready.
  const [providerReady, setProviderReady] = useState(false);
  useEffect(() => setProviderReady(true), []);

  const onTimeslotsLoaded = useCallback((slots: Record<string, unknown[]>) => {
    setNoFreeSlots(Object.values(slots).every((daySlots) => daySlots.length === 0));
  }, []);

  const onBookerStateChange = useCallback((state: { timezone?: string | null }) => {
    if (state.timezone) bookerTimeZone.current = state.timezone;
  }, []);

  const onCreateBookingSuccess = useCallback(
    (response: BookingSuccessResponse) => {
      setConfirmed(
        toConfirmedBooking(response.data as CreatedBooking, {
          eventTitle: props.eventTitle,
          hostName: props.hostName,
          lengthInMinutes: props.lengthInMinutes,
          browserTimeZone: bookerTimeZone.current ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
        }),
      );
    },
    [props.eventTitle, props.hostName, props.lengthInMinutes],
  );

  if (confirmed) return <BookingConfirmation booking={confirmed} />;

  const provider = chooseCalProvider(props);
  const Provider = PROVIDERS[provider.component];

  return (
    <>
      {noFreeSlots ? <NoFreeSlotsHint hostName={props.hostName} /> : null}
      {/* No accessToken and no refreshUrl, with either provider: the Booker then uses only Cal.com's public
          endpoints (event type, slots, reservation, booking) and never asks for /me. A host's token stays on our servers. */}
      <Provider {...provider.props}>
        {providerReady ? (
          <Booker
            username={props.calUsername}
            eventSlug={props.eventSlug}
            view="MONTH_VIEW"
            hideBranding
            customClassNames={{ bookerWrapper: "churchhub-booker" }}
            onTimeslotsLoaded={onTimeslotsLoaded}
            onBookerStateChange={onBookerStateChange}
            onCreateBookingSuccess={onCreateBookingSuccess}
          />
        ) : (
          <BookerSkeleton />
        )}
      </Provider>
    </>
  );
}
