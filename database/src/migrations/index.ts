// Every migration, oldest first. Add new ones at the end; never edit one that has shipped.
import { InitialSchema1764000000000 } from "./1764000000000-initial-schema.js";
import { ManagedUserTokens1764100000000 } from "./1764100000000-managed-user-tokens.js";
import { WebhookInbox1764200000000 } from "./1764200000000-webhook-inbox.js";
import { EncryptPersonalData1764300000000 } from "./1764300000000-encrypt-personal-data.js";
import { ApiKeys1764400000000 } from "./1764400000000-api-keys.js";
import { CalConnections1764500000000 } from "./1764500000000-cal-connections.js";
import { StaffArea1764600000000 } from "./1764600000000-staff-area.js";

export const migrations = [
  InitialSchema1764000000000,
  ManagedUserTokens1764100000000,
  WebhookInbox1764200000000,
  EncryptPersonalData1764300000000,
  ApiKeys1764400000000,
  CalConnections1764500000000,
  StaffArea1764600000000,
];
