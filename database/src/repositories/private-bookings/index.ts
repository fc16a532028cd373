// Private booking storage (issue 19, part 2): intents, their sealed details, private links, linking.
export {
  createPrivateBookingIntents,
  deleteUnusedPrivateBookingIntent,
  erasePrivateDetailsInTransaction,
  hashPrivateLinkToken,
  linkPrivateBookingInTransaction,
  openPrivateDetails,
  privateBookingEmail,
  PRIVATE_BOOKING_METADATA_KEY,
  type NewPrivateBookingIntent,
  type PrivateBookingByLink,
  type PrivateBookingIntents,
  type PrivateBookingView,
  type PrivateDetails,
} from "./private-booking-intents.js";
