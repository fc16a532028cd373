// The inbox stores each delivery sealed: it is the full Cal.com body, with every personal detail.
import type { CalDelivery } from "@churchhub/contracts";
import type { PersonalDataProtector } from "@churchhub/field-encryption";
import type { InboxCodec } from "./inbox-store.js";

const PURPOSE = "webhook_inbox.delivery";

export function createEncryptedInboxCodec(protector: PersonalDataProtector): InboxCodec {
  return {
    encode: (delivery) => protector.sealJson(delivery, PURPOSE)!,
    decode: (stored) => protector.openJson<CalDelivery>(stored, PURPOSE)!,
  };
}
