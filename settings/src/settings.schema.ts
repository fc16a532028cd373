// The one schema for every setting the api, the worker and the local stack read from the environment.
// `.env.example` documents each of these; `settings.test.ts` checks the two stay in step.
import { z } from "zod";

const port = z.coerce.number().int().min(1).max(65535);
const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const commaList = z.string().transform((value) =>
  value
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean),
);

/**
 * Reconciliation reads bookings (BOOKING_READ) and the connect step reads /v2/me (PROFILE_READ). No
 * WEBHOOK_* scope: Cal.com's scope list in source has none and its authorize step refuses a scope it does
 * not know (packages/features/oauth/constants.ts, OAUTH_SCOPES; cal-emulator/README.md). Where a build does
 * require one for /v2/webhooks, the connection is marked and polled instead.
 */
export const DEFAULT_OAUTH2_SCOPES = ["BOOKING_READ", "PROFILE_READ"] as const;

/** Cal.com sends this literal as the signature when a webhook has no secret: never a usable secret. */
export const CAL_NO_SECRET_SENTINEL = "no-secret-provided";

export const settingsSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),

  PORT: port.default(3001),
  API_HOST: z.string().default("127.0.0.1"),
  WEBHOOK_MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(4 * 1024 * 1024)
    .default(512 * 1024),

  DATABASE_URL: optionalText.pipe(z.url({ protocol: /^postgres(ql)?$/ }).optional()),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),

  TEMPORAL_ADDRESS: optionalText,
  TEMPORAL_NAMESPACE: z.string().min(1).default("default"),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default("churchhub-booking"),

  CAL_WEBHOOK_SECRET: optionalText.pipe(
    z
      .string()
      .min(16, "must be at least 16 characters")
      .refine((value) => value !== CAL_NO_SECRET_SENTINEL, `must not be "${CAL_NO_SECRET_SENTINEL}"`)
      .optional(),
  ),

  CHURCH_NAME: z.string().min(1).max(120).default("ChurchHub"),

  // Cal.com API v2 (or the local emulator). The public URL is the one visitors' browsers use.
  CAL_API_URL: z.url({ protocol: /^https?$/ }).default("https://api.cal.com/v2"),
  CAL_PUBLIC_API_URL: optionalText.pipe(z.url({ protocol: /^https?$/ }).optional()),
  // Platform OAuth client (managed users). Absent in development: the Cal.com emulator is started.
  CAL_OAUTH_CLIENT_ID: optionalText,
  CAL_OAUTH_CLIENT_SECRET: optionalText,

  // Cal.com OAuth 2.0 client (ordinary Cal.com accounts connected by their hosts). Absent: that mode is
  // off. The secret is absent for a public (PKCE-only) client.
  CAL_OAUTH2_CLIENT_ID: optionalText,
  CAL_OAUTH2_CLIENT_SECRET: optionalText,
  // confidential: the code exchange sends the secret and no PKCE; public: PKCE and no secret. Absent:
  // confidential when a secret is set, public otherwise (see cal-oauth2-client-settings.ts).
  CAL_OAUTH2_CLIENT_TYPE: optionalText.pipe(z.enum(["confidential", "public"]).optional()),
  // The scopes asked for on Cal.com's consent page (space- or comma-separated).
  CAL_OAUTH2_SCOPES: z
    .string()
    .default(DEFAULT_OAUTH2_SCOPES.join(" "))
    .transform((value) => [...new Set(value.split(/[\s,]+/).filter(Boolean))])
    .pipe(z.array(z.string().regex(/^[A-Z_]+$/, "scopes are upper-case names like BOOKING_READ")).min(1)),
  // Cal.com's authorization page (on app.cal.com, not the API host).
  CAL_OAUTH2_AUTHORIZE_URL: z.url({ protocol: /^https?$/ }).default("https://app.cal.com/auth/oauth2/authorize"),
  // Where browsers and Cal.com reach this api: the OAuth callback, connect links and the per-connection
  // webhook URLs are built from it. Real Cal.com only delivers webhooks to a public https URL.
  API_PUBLIC_URL: z.url({ protocol: /^https?$/ }).default("http://127.0.0.1:3001"),
  // Where people open our booking pages (the connect callback links a host to theirs).
  WEB_PUBLIC_URL: z.url({ protocol: /^https?$/ }).default("http://127.0.0.1:3000"),
  // Key (base64, ≥ 32 bytes) signing the OAuth `state`. Absent in development: a random key per process.
  CONNECT_STATE_KEY: optionalText,
  // How long an operator's one-time connect link stays usable.
  CONNECT_LINK_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(72),

  // "id:base64key" pairs, comma-separated; the last encrypts. Absent in development: a fixed
  // development key (refused in production).
  DATA_ENCRYPTION_KEYS: optionalText,
  // Key of the keyed blind index (HMAC) used for equality lookups of emails; base64, ≥ 32 bytes.
  // Unlike encryption keys it is not rotated: rotating it means re-indexing.
  BLIND_INDEX_KEY: optionalText,
  // The credential our own web server presents to the api's server-only endpoints (Bearer).
  WEB_SERVER_TOKEN: optionalText.pipe(z.string().min(32, "must be at least 32 characters").optional()),
  WEB_PORT: port.default(3000),

  // Webhook secret rotation: the previous secret is accepted too, until the given time (ISO 8601).
  CAL_WEBHOOK_SECRET_PREVIOUS: optionalText.pipe(z.string().min(16, "must be at least 16 characters").optional()),
  CAL_WEBHOOK_SECRET_PREVIOUS_UNTIL: optionalText.pipe(z.iso.datetime({ offset: true }).optional()),

  // Browser origins: our web app (Atoms refresh URL) and the Temporal Web UI (codec server).
  WEB_ORIGINS: commaList.default(["http://localhost:3000", "http://127.0.0.1:3000"]),
  TEMPORAL_UI_ORIGINS: commaList.default(["http://localhost:8233", "http://127.0.0.1:8233"]),
  SECURE_COOKIES: z
    .enum(["true", "false"])
    .default("false")
    .transform((value) => value === "true"),

  // Requests per minute per client IP.
  // Generous for webhooks: Cal.com does not retry, so a 429 to a real delivery is an event lost until
  // the reconciliation finds it. The limit is there to stop floods, not to shape Cal.com's traffic.
  RATE_LIMIT_WEBHOOKS_PER_MINUTE: z.coerce.number().int().min(1).default(120000),
  RATE_LIMIT_TOKENS_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  RATE_LIMIT_PUBLIC_PER_MINUTE: z.coerce.number().int().min(1).default(600),

  // The worker's own HTTP port (health, readiness, metrics) and the Temporal SDK's metrics exporter
  // (loopback only, proxied by the worker's /metrics; 0 picks a free port).
  WORKER_PORT: port.default(3002),
  WORKER_HOST: z.string().default("127.0.0.1"),
  WORKER_SDK_METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(0),

  // --- staff area (sign-in for pastors, counsellors, administrators) ---
  // Where people open /staff (the web server). Sign-in links, cookies and the passkey relying-party id
  // come from it; WebAuthn refuses IP addresses, hence localhost rather than 127.0.0.1.
  STAFF_PUBLIC_URL: z
    .url({ protocol: /^https?$/ })
    .default("http://localhost:3000")
    .transform((url) => url.replace(/\/+$/, "")),
  // Signs staff session cookies (≥ 32 characters, the same on every api replica); unset: no staff area.
  // `npm run dev` generates one.
  STAFF_AUTH_SECRET: optionalText.pipe(z.string().min(32, "must be at least 32 characters").optional()),
  STAFF_SESSION_HOURS: z.coerce.number().int().min(1).max(720).default(12),
  STAFF_SIGN_IN_LINK_MINUTES: z.coerce.number().int().min(1).max(60).default(15),
  STAFF_INVITATION_HOURS: z.coerce.number().int().min(1).max(336).default(72),
  // Sign-in attempts (link requests, passkey sign-ins) per minute per client address.
  RATE_LIMIT_SIGN_IN_PER_MINUTE: z.coerce.number().int().min(1).default(5),
  // The web server's addresses: only their X-Forwarded-For names the client address.
  STAFF_TRUSTED_PROXIES: commaList.default(["127.0.0.1", "::1"]),
  // Outgoing mail (sign-in links): smtp://user:pass@host:587 or smtps://…:465. `npm run dev` runs a
  // local SMTP server with a web inbox and sets this itself.
  SMTP_URL: optionalText.pipe(z.url({ protocol: /^smtps?$/ }).optional()),
  MAIL_FROM: z.string().min(3).default("ChurchHub <staff@localhost>"),

  // --- questionnaires (issue 18) ---
  // The one reminder mail for an unanswered required questionnaire goes out this long before the appointment.
  QUESTIONNAIRE_REMINDER_LEAD_MINUTES: z.coerce.number().int().min(1).max(43200).default(1440),
  // A response whose booking never reaches us (no webhook for its uid) is deleted after this many days.
  QUESTIONNAIRE_UNLINKED_RESPONSE_DAYS: z.coerce.number().int().min(1).max(90).default(7),
  // Answering without the private link is allowed this long after we received the booking (the booking
  // page's own step); later answers need the link.
  QUESTIONNAIRE_DIRECT_ANSWER_MINUTES: z.coerce.number().int().min(1).max(1440).default(60),
  // Public questionnaire submissions per minute per client address (on top of the general public limit).
  RATE_LIMIT_QUESTIONNAIRE_SUBMISSIONS_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  // --- sensitive mode (issue 19) ---
  // The note key store: the database holding each secure note's data key, apart from the notes, so that
  // destroying a key makes its note unreadable in every copy of DATABASE_URL. Required in production with
  // the staff area (another database than DATABASE_URL); outside production `<database>_note_keys` beside it.
  NOTE_KEYSTORE_URL: optionalText.pipe(z.url({ protocol: /^postgres(ql)?$/ }).optional()),
  // How many days after a sensitive booking's appointment (its latest time, after reschedules) the
  // attendee's personal data, questionnaire answers and the notes their authors chose so are erased.
  // 0: as soon as the appointment is over.
  SENSITIVE_RETENTION_DAYS: z.coerce.number().int().min(0).max(3650).default(30),
  // Private booking: the domain of the relay address each private booking gets instead of the person's
  // email (guest-<random>@<domain>), so Cal.com, the host's calendar and Cal.com's mails hold no real
  // identity. Forwarding mail sent to these addresses is not part of this product: the address only has
  // to be unique per booking and free of identity. `.invalid` (RFC 2606) for development and tests.
  PRIVATE_RELAY_DOMAIN: z
    .string()
    .trim()
    .toLowerCase()
    .max(200)
    .regex(
      /^(?=.{1,200}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
      "must be a domain name such as relay.example.org",
    )
    .default("relay.churchhub.invalid"),
  // A private booking's form is valid this long before the Booker must have booked with it; intents nobody
  // booked with are deleted afterwards (with the details the person typed).
  PRIVATE_BOOKING_INTENT_HOURS: z.coerce.number().int().min(1).max(168).default(24),
  // Private bookings started per minute per client address (the web server names the client).
  RATE_LIMIT_PRIVATE_BOOKINGS_PER_MINUTE: z.coerce.number().int().min(1).default(10),

  // Missed-event reconciliation against Cal.com's bookings API (a Temporal Schedule).
  RECONCILE_EVERY_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  RECONCILE_LOOKBACK_MINUTES: z.coerce.number().int().min(1).max(43200).default(180),
  // Connected accounts Cal.com would not give a webhook (missing scope) are polled this often instead.
  RECONCILE_UNSUBSCRIBED_EVERY_MINUTES: z.coerce.number().int().min(1).max(1440).default(2),

  // OpenTelemetry: traces are exported over OTLP/HTTP to this collector when set.
  OTEL_EXPORTER_OTLP_ENDPOINT: optionalText.pipe(z.url().optional()),

  DATA_DIR: z.string().default(".data"),
  // The local mail server `npm run dev` runs (maildev): SMTP and its web inbox.
  DEV_MAIL_SMTP_PORT: port.default(1025),
  DEV_MAIL_WEB_PORT: port.default(1080),
  CAL_EMULATOR_PORT: port.default(5555),
  EMBEDDED_POSTGRES_PORT: port.default(54329),
  TEMPORAL_CLI: optionalText,
  TEMPORAL_PORT: port.default(7233),
  TEMPORAL_UI_PORT: port.default(8233),
});

export type Settings = z.infer<typeof settingsSchema>;
