// Booking uids look like Cal.com's: a UUID re-encoded in base58 (short-uuid), about 22 characters.
import { randomBytes } from "node:crypto";

const BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

export function createBookingUid(): string {
  let value = BigInt(`0x${randomBytes(16).toString("hex")}`);
  let uid = "";
  while (value > 0n) {
    uid = BASE58[Number(value % 58n)]! + uid;
    value /= 58n;
  }
  return uid.padStart(22, "1");
}
