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
import { BookingQuestionnaire, type BookingQuestionnaireProps } from "../questionnaires/booking-questionnaire";
import type { PrivateBookingStart } from "../private-booking/private-details-form";
import { PrivateLinkNotice } from "../private-booking/private-link-notice";

/** Everything the browser gets: public identifiers only. */
export interface PublicBookerProps {
  calApiUrl: string;
  calClientId: string;
  /** `oauth2` for an ordinary Cal.com account connected through OAuth 2.0, `platform` for a managed user. */
  calProvider: CalProviderKind;
  calUsername: string;
  eventSlug: string;
  eventTypeId: number;
  eventTitle: string;
  lengthInMinutes: number;
  hostName: string;
  /** The questionnaire attached to this event type, asked once the booking is confirmed; null if none. */
  questionnaire: BookingQuestionnaireProps["questionnaire"] | null;
  /**
   * A private booking (sensitive event type): the pseudonym, relay address and metadata to book with (no
   * personal data), and the private link's path to show once booked. Absent for an ordinary booking.
   */
  privateBooking?: PrivateBookingStart;
  /** Moves this booking instead of making a new one (a private booking's page only). */
  rescheduleUid?: string;
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

  // Rescheduling is offered on a private booking's page only: its attendee address is the relay address too.
  const isPrivate = props.privateBooking !== undefined || props.rescheduleUid !== undefined;
  const onCreateBookingSuccess = useCallback(
    (response: BookingSuccessResponse) => {
      const booking = toConfirmedBooking(response.data as CreatedBooking, {
        eventTitle: props.eventTitle,
        hostName: props.hostName,
        lengthInMinutes: props.lengthInMinutes,
        browserTimeZone: bookerTimeZone.current ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
      });
      // A private booking was made under the relay address, which means nothing to the person.
      setConfirmed(isPrivate ? { ...booking, attendeeEmail: null } : booking);
    },
    [props.eventTitle, props.hostName, props.lengthInMinutes, isPrivate],
  );

  if (confirmed) {
    return (
      <>
        <BookingConfirmation booking={confirmed} />
        {props.privateBooking ? <PrivateLinkNotice linkPath={props.privateBooking.linkPath} /> : null}
        {props.questionnaire ? (
          <BookingQuestionnaire
            bookingUid={confirmed.uid}
            eventTypeId={props.eventTypeId}
            hostName={props.hostName}
            questionnaire={props.questionnaire}
          />
        ) : null}
      </>
    );
  }

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
            {...(props.rescheduleUid ? { rescheduleUid: props.rescheduleUid } : {})}
            {...(props.privateBooking
              ? {
                  defaultFormValues: {
                    name: props.privateBooking.identity.pseudonym,
                    email: props.privateBooking.identity.relayAddress,
                  },
                  metadata: props.privateBooking.identity.metadata,
                }
              : {})}
          />
        ) : (
          <BookerSkeleton />
        )}
      </Provider>
    </>
  );
}
