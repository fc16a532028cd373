// Types for the parts of @calcom/atoms 2.6.0 this app uses, and only the props it passes. The package's own dist/index.d.ts
// re-exports "./packages/platform/atoms/index", which it does not ship, so TypeScript would see nothing.
// Deliberately narrower than the library: neither provider takes an accessToken or refreshUrl here, because
// this public page must never hand a host's token to a browser (see ../booking/public-booker.tsx).
declare module "@calcom/atoms" {
  import type { JSX, ReactNode } from "react";

  export interface CalProviderProps {
    clientId: string;
    options: { apiUrl: string };
    children?: ReactNode;
  }

  export function CalProvider(props: CalProviderProps): JSX.Element;

  /**
   * CalProvider with `isOAuth2` (2.6.0's dist/cal-atoms.js): for an ordinary Cal.com account's OAuth 2.0 client. It
   * checks the client with GET /atoms/auth/oauth2/clients/{clientId} instead of /provider/{clientId}, and never
   * sets x-cal-client-id. Same props, so it is as narrow as CalProvider here: no accessToken, no refreshUrl.
   */
  export function CalOAuthProvider(props: CalProviderProps): JSX.Element;

  /** What `POST /bookings` answered, as the Booker passes it on. */
  export interface BookingSuccessResponse {
    status: "success";
    data: { uid: string; [field: string]: unknown };
  }

  export interface BookerProps {
    username: string;
    eventSlug: string;
    view?: "MONTH_VIEW" | "WEEK_VIEW" | "COLUMN_VIEW";
    hideBranding?: boolean;
    /** Extra class names for parts of the Booker; `bookerWrapper` is its outermost element. */
    customClassNames?: { bookerWrapper?: string };
    /** Slots per day (YYYY-MM-DD) for the range on screen, each time a range has loaded. */
    onTimeslotsLoaded?: (slots: Record<string, unknown[]>) => void;
    onBookerStateChange?: (state: { timezone?: string | null; [field: string]: unknown }) => void;
    onCreateBookingSuccess?: (response: BookingSuccessResponse) => void;
    onCreateBookingError?: (error: unknown) => void;
    /** Prefills the booking form (2.6.0: `name` and the other fields by name, e.g. `email`). */
    defaultFormValues?: { name?: string; email?: string };
    /** Sent as the booking's `metadata` (Cal.com: at most 50 keys, string values up to 500 characters). */
    metadata?: Record<string, string>;
    /** Moves this booking: the Booker loads it (GET /v2/bookings/{uid}/reschedule) and books the new time with it. */
    rescheduleUid?: string;
  }

  export function Booker(props: BookerProps): JSX.Element;
}
