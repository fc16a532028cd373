// What Cal.com is told instead of a person booking privately: a pseudonym ("Guest 4821") and a relay
// address made for this one booking. Neither says anything about the person: the pseudonym is 4 random
// digits (it only helps the host tell appointments apart, uniqueness is not needed), the address's local
// part is 120 random bits (unguessable: it is what proves to the delivery that a booking was made with
// this intent). Mail to it is not forwarded by this product; the domain is PRIVATE_RELAY_DOMAIN.
import { randomBytes, randomInt } from "node:crypto";

export interface PrivateIdentity {
  pseudonym: string;
  relayAddress: string;
}

type RandomSource = { digits: () => number; bytes: (size: number) => Buffer };

const systemRandom: RandomSource = { digits: () => randomInt(0, 10_000), bytes: (size) => randomBytes(size) };

export function newPrivateIdentity(relayDomain: string, random: RandomSource = systemRandom): PrivateIdentity {
  const digits = String(random.digits()).padStart(4, "0");
  // base32 (lower-case letters and 2-7): valid in any mailbox, no case to get wrong, 24 characters.
  const local = toBase32(random.bytes(15));
  return { pseudonym: `Guest ${digits}`, relayAddress: `guest-${local}@${relayDomain}` };
}

/** The private link's token: 32 random bytes, base64url (43 characters), stored only as its SHA-256. */
export function newPrivateLinkToken(random: Pick<RandomSource, "bytes"> = systemRandom): string {
  return random.bytes(32).toString("base64url");
}

const BASE32 = "abcdefghijklmnopqrstuvwxyz234567";

function toBase32(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}
