import { z } from 'zod';
import { isSpdxExpression } from '../common/spdx';

/**
 * Every environment variable the instance reads, declared once. Validation, defaults, production requirements,
 * secret masking and docs/configuration.md (kept in sync by a test) all derive from this table.
 */
export interface VariableSpec {
  readonly schema: z.ZodType;
  readonly description: string;
  /** Must be set when NODE_ENV=production; dev fallbacks exist only outside production. */
  readonly requiredInProduction?: boolean;
  /** Never logged or echoed back in error messages. */
  readonly secret?: boolean;
}

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const httpUrl = z
  .url({ protocol: /^https?$/, message: 'must be an http(s) URL' })
  .transform((value) => value.replace(/\/+$/, ''));

const base64Key = z.string().refine((value) => {
  try {
    return Buffer.from(value, 'base64').length === 32;
  } catch {
    return false;
  }
}, 'must be 32 bytes encoded as base64 (e.g. `openssl rand -base64 32`)');

/** A comma-separated list whose entries must each satisfy `entry`; blanks around commas are ignored. */
function commaSeparated<T extends z.ZodType<unknown, string>>(entry: T) {
  return z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean),
    )
    .pipe(z.array(entry));
}

const base64KeyList = commaSeparated(base64Key);

const port = z.coerce.number().int().min(0).max(65535);

export const configVariables = {
  NODE_ENV: {
    schema: z.enum(['development', 'test', 'production']).default('development'),
    description: 'Runtime environment. `production` enforces the required secrets and disables dev fallbacks.',
  },
  LP_MODE: {
    schema: z.enum(['api', 'worker', 'all']).default('all'),
    description: 'What this process runs: the HTTP API, the background job worker, or both.',
  },
  HOST: {
    schema: z.string().min(1).default('0.0.0.0'),
    description: 'Address the HTTP server binds to.',
  },
  PORT: {
    schema: port.default(3000),
    description: 'Port the HTTP server listens on (0 picks a free port).',
  },
  APP_URL: {
    schema: httpUrl.optional(),
    description:
      'Public base URL of the instance, e.g. `https://prompts.example.org`. Used for links, the federation manifest and ' +
      'passkey origins. Defaults to `http://localhost:$PORT` outside production.',
    requiredInProduction: true,
  },
  INSTANCE_NAME: {
    schema: z.string().trim().min(1).max(80).default('LynxPrompt'),
    description: 'Human-readable name of this instance, shown in the web app and the federation manifest.',
  },
  FEDERATION_ENABLED: {
    schema: booleanFlag.default(true),
    description: 'Whether this instance takes part in the federation (advertised in the manifest).',
  },
  INSTANCE_CONTACT: {
    schema: z.string().trim().min(1).max(200).optional(),
    description:
      'How peers and users reach the operator (an email address or URL), published in the federation manifest. ' +
      'Defaults to ADMIN_EMAIL, else SECURITY_CONTACT.',
  },
  FEDERATION_CRAWL_INTERVAL_MINUTES: {
    schema: z.coerce
      .number()
      .int()
      .min(1)
      .max(7 * 24 * 60)
      .default(30),
    description: 'How often each verified peer is crawled. An unchanged peer costs one request answered 304.',
  },
  FEDERATION_SUSPEND_AFTER_DAYS: {
    schema: z.coerce.number().int().min(1).max(365).default(7),
    description: 'A peer failing continuously for this long is suspended: crawled only when an admin asks.',
  },
  FEDERATION_MAX_BLUEPRINTS_PER_PEER: {
    schema: z.coerce.number().int().min(1).max(10_000_000).default(50_000),
    description: 'The most blueprints kept from any one peer; the rest of its catalogue is ignored.',
  },
  FEDERATION_MAX_CONTENT_BYTES: {
    schema: z.coerce
      .number()
      .int()
      .min(1024)
      .max(16 * 1024 * 1024)
      .default(256 * 1024),
    description: 'The largest remote blueprint content accepted; larger items are skipped and logged.',
  },
  FEDERATION_MAX_PAGES_PER_RUN: {
    schema: z.coerce.number().int().min(1).max(100_000).default(500),
    description: 'The most catalogue pages one crawl of one peer fetches; the next run resumes where it stopped.',
  },
  FEDERATION_MAX_REQUESTS_PER_RUN: {
    schema: z.coerce.number().int().min(10).max(1_000_000).default(5_000),
    description:
      'The most requests one crawl of one peer sends, whatever the peer claims to hold; a run within a smaller budget, derived from the count the peer announces, stops as hostile when it overspends.',
  },
  FEDERATION_LEGACY_REFRESH_PER_RUN: {
    schema: z.coerce.number().int().min(0).max(1_000).default(10),
    description:
      'Legacy peers (older LynxPrompt instances) count every content request as a download, so an item whose listing is unchanged is fetched again only within this many per run, oldest first: enough to catch an edit the listing does not show, eventually.',
  },
  FEDERATION_CONCURRENCY: {
    schema: z.coerce.number().int().min(1).max(64).default(4),
    description: 'How many peers one worker process crawls at once.',
  },
  FEDERATION_PEER_CONCURRENCY: {
    schema: z.coerce.number().int().min(1).max(16).default(4),
    description: 'How many requests one crawl sends a peer at once (content fetches of legacy peers).',
  },
  OUTBOUND_ALLOW_PRIVATE: {
    schema: commaSeparated(
      z.string().regex(/^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?$/, 'must be host or host:port'),
    ).default([]),
    description:
      'Comma-separated `host:port` (or `host`) destinations outbound requests may reach although they are private ' +
      '(loopback, RFC 1918, …): for tests and development. Refused in production unless ' +
      'OUTBOUND_ALLOW_PRIVATE_IN_PRODUCTION=true; the instance logs a warning while it is set.',
  },
  OUTBOUND_ALLOW_PRIVATE_IN_PRODUCTION: {
    schema: booleanFlag.default(false),
    description: 'Set to true to confirm that OUTBOUND_ALLOW_PRIVATE is meant to apply in production.',
  },
  OUTBOUND_CONNECT_TIMEOUT_MS: {
    schema: z.coerce.number().int().min(100).max(60_000).default(5_000),
    description: 'Outbound requests: time allowed to resolve and connect.',
  },
  OUTBOUND_TIMEOUT_MS: {
    schema: z.coerce.number().int().min(500).max(300_000).default(30_000),
    description: 'Outbound requests: total time allowed, body included (a body that drips is cut off).',
  },
  WORKER_THREADS: {
    schema: z.coerce.number().int().min(1).max(64).optional(),
    description:
      'Worker threads for CPU-bound work on untrusted input (the content scanner, version diffs), so that it never ' +
      'holds the event loop. Default: one less than the CPU count, between 1 and 4.',
  },
  WORKER_TASK_TIMEOUT_MS: {
    schema: z.coerce.number().int().min(1).max(600_000).default(10_000),
    description:
      'The most one scan or diff may run; a task still running then is stopped and the request answers ' +
      '`422 SCAN_TIMEOUT` or `422 DIFF_TOO_LARGE`. Waiting for a free thread has the same budget, counted apart: ' +
      'past it, or with 32 tasks per thread already waiting, the request answers `503 SERVICE_UNAVAILABLE`.',
  },
  SCAN_MAX_LISTED_FINDINGS: {
    schema: z.coerce.number().int().min(10).max(5000).default(200),
    description:
      'The most findings one scan lists (secrets first); the totals stay exact. Content with more possible secrets ' +
      'than this cannot be shared (`422 FINDINGS_TOO_MANY`: they cannot be acknowledged one by one), only kept private.',
  },
  DIFF_MAX_EDITS: {
    schema: z.coerce.number().int().min(1).max(1_000_000).default(2000),
    description:
      'The most inserted plus removed lines a version diff may have; a larger difference answers ' +
      '`422 DIFF_TOO_LARGE` rather than computing it (the work grows with the size of the difference).',
  },
  SEARCH_FACET_SAMPLE_SIZE: {
    schema: z.coerce.number().int().min(1).max(100_000).default(5000),
    description:
      "The most matches per catalogue side (ours, other instances') that search facets are counted over. A search " +
      'matching more gets counts from a sample of that many, marked `facets.sample`, so a common word costs the sample ' +
      'rather than its tens of thousands of matches.',
  },
  BLUEPRINT_FILE_MAX_BYTES: {
    schema: z.coerce
      .number()
      .int()
      .min(1024)
      .max(16 * 1024 * 1024)
      .default(256 * 1024),
    description:
      'The largest attached file of a skill (references/, scripts/, assets/), in bytes after base64 decoding; a larger ' +
      'one answers `413 ATTACHED_FILE_TOO_LARGE`.',
  },
  BLUEPRINT_FILES_MAX_BYTES: {
    schema: z.coerce
      .number()
      .int()
      .min(1024)
      .max(256 * 1024 * 1024)
      .default(768 * 1024),
    description:
      'The most bytes all attached files of one version may hold together (`413 ATTACHED_FILES_TOO_LARGE`). They ' +
      'arrive in one request body, base64 files a third larger: raise `BODY_LIMIT_BYTES` with it.',
  },
  BLUEPRINT_FILES_MAX_COUNT: {
    schema: z.coerce.number().int().min(1).max(10_000).default(128),
    description: 'The most attached files one version may have (`422 ATTACHED_FILES_TOO_MANY`).',
  },
  BLUEPRINT_DEFAULT_LICENSE: {
    schema: z
      .string()
      .trim()
      .min(1)
      .refine(isSpdxExpression, 'must be an SPDX licence expression, e.g. MIT or CC-BY-4.0')
      .default('CC-BY-4.0'),
    description: 'SPDX licence given to new blueprints whose author picks none.',
  },
  QUOTA_BLUEPRINTS_PER_USER: {
    schema: z.coerce.number().int().min(1).max(10_000_000).default(1_000),
    description: 'The most live blueprints one user may own (creates, imports and forks count).',
  },
  QUOTA_STORAGE_BYTES_PER_USER: {
    schema: z.coerce
      .number()
      .int()
      .min(256 * 1024)
      .max(2 ** 40)
      .default(50 * 1024 * 1024),
    description:
      'The most bytes one user may store: the sum of the sizes of every version of their live blueprints (each ' +
      'save, restore or strip adds a version; deleting a blueprint frees its versions).',
  },
  QUOTA_HIERARCHIES_PER_USER: {
    schema: z.coerce.number().int().min(1).max(10_000).default(100),
    description: 'The most hierarchies one user may own (at most 10000: the list of them is one response).',
  },
  QUOTA_MEMBERS_PER_HIERARCHY: {
    schema: z.coerce.number().int().min(1).max(10_000).default(500),
    description: 'The most live blueprints one hierarchy may hold (at most 10000: its tree is one response).',
  },
  PUBLIC_READ_CACHE_SECONDS: {
    schema: z.coerce.number().int().min(0).max(60).default(30),
    description:
      'The longest each process keeps a response to an anonymous read that the response marks public (catalogue ' +
      'pages at most 10 s), in front of the whole pipeline; never longer than the response allows. A write drops ' +
      'what it changed in each process at once (see docs/blueprints.md). `0` turns it off.',
  },
  SECURITY_CONTACT: {
    schema: z
      .string()
      .regex(/^(mailto:|https:\/\/)\S+$/, 'must be a mailto: or https:// URI')
      .optional(),
    description:
      'Where security reports go, published in `/.well-known/security.txt`. Defaults to `mailto:security@<APP_URL host>`.',
  },
  DATABASE_URL: {
    schema: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// connection string')
      .optional(),
    description:
      'PostgreSQL connection string. When unset (outside production) an embedded PostgreSQL (PGlite) under ' +
      '`DATA_DIR` is used.',
    requiredInProduction: true,
    secret: true,
  },
  DATABASE_POOL_SIZE: {
    schema: z.coerce.number().int().min(1).max(100).default(10),
    description: 'Maximum connections in the database pool of each process.',
  },
  REDIS_URL: {
    schema: z
      .string()
      .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')
      .optional(),
    description:
      'Redis URL for rate limits, short-lived challenges, locks and the job queue. When unset (outside production) ' +
      'an in-process store is used and jobs run on the embedded database.',
    requiredInProduction: true,
    secret: true,
  },
  REDIS_PREFIX: {
    schema: z
      .string()
      .regex(/^[A-Za-z0-9:_-]{1,40}$/, 'letters, digits, `:`, `_` and `-` only')
      .default('lp:'),
    description: 'Prefix for every Redis key and queue, so several instances can share one Redis.',
  },
  JOB_SCHEDULE_CHECK_SECONDS: {
    schema: z.coerce.number().int().min(1).max(3_600).default(60),
    description:
      'How often each process checks that the job schedules still exist in the queue store, and registers the ' +
      'missing ones (a Redis that restarted empty holds none). A reconnect triggers the same check at once.',
  },
  DATA_DIR: {
    schema: z.string().min(1).default('./data'),
    description:
      'Folder for the embedded database and generated development secrets. Locked exclusively by one process.',
  },
  SESSION_SECRET: {
    schema: z.string().min(32, 'must be at least 32 characters').optional(),
    description:
      'Secret for signing sessions and other server-issued tokens. Generated and kept under `DATA_DIR` outside production.',
    requiredInProduction: true,
    secret: true,
  },
  ENCRYPTION_KEY: {
    schema: base64Key.optional(),
    description:
      'AES-256-GCM key (32 bytes, base64) for secrets at rest. Generated and kept under `DATA_DIR` outside production.',
    requiredInProduction: true,
    secret: true,
  },
  ENCRYPTION_PREVIOUS_KEYS: {
    schema: base64KeyList.default([]),
    description:
      'Comma-separated earlier values of `ENCRYPTION_KEY`, still accepted for decryption while data is re-encrypted.',
    secret: true,
  },
  TRUST_PROXY: {
    schema: z
      .string()
      .regex(
        /^(false|loopback|linklocal|uniquelocal|\d{1,2}|[0-9a-fA-F.:/]+(\s*,\s*[0-9a-fA-F.:/]+)*)$/,
        'must be false, a hop count, loopback/linklocal/uniquelocal, or a comma-separated list of addresses/CIDRs',
      )
      .default('false'),
    description:
      'Which reverse proxies to believe for `X-Forwarded-For`/`-Proto`. Forwarded headers are ignored unless this is ' +
      'set: a hop count (e.g. `1`), `loopback`, or proxy addresses/CIDRs.',
  },
  CORS_ORIGINS: {
    schema: commaSeparated(httpUrl).default([]),
    description: 'Comma-separated origins allowed to call the API from browsers. Empty (the default) closes CORS.',
  },
  BODY_LIMIT_BYTES: {
    schema: z.coerce
      .number()
      .int()
      .min(1024)
      .max(50 * 1024 * 1024)
      .default(1024 * 1024),
    description: 'Largest request body accepted, in bytes; larger bodies get 413.',
  },
  RATE_LIMIT_PER_MINUTE: {
    schema: z.coerce.number().int().min(1).default(600),
    description:
      'Requests per minute allowed from one client address (an IPv6 /64 counts as one) on each route: every method ' +
      'and route template keeps its own count, shared by all replicas.',
  },
  METRICS_TOKEN: {
    schema: z.string().min(16, 'must be at least 16 characters').optional(),
    description: 'Enables Prometheus metrics at `/metrics`, readable with `Authorization: Bearer <token>`.',
    secret: true,
  },
  LOG_LEVEL: {
    schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    description: 'Minimum level of the structured JSON logs.',
  },
  ADMIN_EMAIL: {
    schema: z.email({ message: 'must be an email address' }).optional(),
    description:
      'The account with this address becomes an admin when it signs in. Without it, the first user of a new ' +
      'instance becomes admin.',
  },
  ENABLE_REGISTRATION: {
    schema: booleanFlag.default(true),
    description: 'When `false`, only existing users and invited addresses can sign in; nobody else gets an account.',
  },
  ORGANIZATION_CREATION: {
    schema: z.enum(['everyone', 'admins', 'nobody']).default('everyone'),
    description:
      'Who may create organizations: `everyone` signed in, instance `admins` only, or `nobody` ' +
      '(ORGANIZATION_CREATION_DISABLED).',
  },
  SESSION_IDLE_TIMEOUT_DAYS: {
    schema: z.coerce.number().min(0.00001).max(90).default(7),
    description: 'A session unused for this many days ends.',
  },
  SESSION_MAX_AGE_DAYS: {
    schema: z.coerce.number().min(0.00001).max(365).default(30),
    description: 'A session ends this many days after sign-in, however active.',
  },
  SMTP_URL: {
    schema: z
      .string()
      .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
      .optional(),
    description:
      'Outgoing mail server, e.g. `smtps://user:pass@mail.example.org:465`. Without it (embedded mode), sign-in links ' +
      'are written to the server log instead of being sent.',
    secret: true,
  },
  MAIL_FROM: {
    schema: z.string().min(3).optional(),
    description:
      'Sender of outgoing mail, e.g. `LynxPrompt <no-reply@prompts.example.org>`. Defaults to no-reply@<APP_URL host>.',
  },
  GITHUB_CLIENT_ID: {
    schema: z.string().min(1).optional(),
    description: 'Client id of a GitHub OAuth app; enables "Sign in with GitHub" (needs `GITHUB_CLIENT_SECRET`).',
  },
  GITHUB_CLIENT_SECRET: {
    schema: z.string().min(1).optional(),
    description: 'Client secret of the GitHub OAuth app.',
    secret: true,
  },
  GITHUB_URL: {
    schema: httpUrl.default('https://github.com'),
    description: 'GitHub web base URL (authorize and token endpoints); set it for GitHub Enterprise Server.',
  },
  GITHUB_API_URL: {
    schema: httpUrl.default('https://api.github.com'),
    description: 'GitHub REST API base URL; `https://<host>/api/v3` for GitHub Enterprise Server.',
  },
  GOOGLE_CLIENT_ID: {
    schema: z.string().min(1).optional(),
    description: 'Client id of a Google OAuth client; enables "Sign in with Google" (needs `GOOGLE_CLIENT_SECRET`).',
  },
  GOOGLE_CLIENT_SECRET: {
    schema: z.string().min(1).optional(),
    description: 'Client secret of the Google OAuth client.',
    secret: true,
  },
  GOOGLE_AUTHORIZATION_URL: {
    schema: httpUrl.default('https://accounts.google.com/o/oauth2/v2/auth'),
    description: "Google's authorization endpoint (changed only for tests).",
  },
  GOOGLE_TOKEN_URL: {
    schema: httpUrl.default('https://oauth2.googleapis.com/token'),
    description: "Google's token endpoint (changed only for tests).",
  },
  GOOGLE_USERINFO_URL: {
    schema: httpUrl.default('https://openidconnect.googleapis.com/v1/userinfo'),
    description: "Google's user-info endpoint (changed only for tests).",
  },
  OIDC_ISSUER_URL: {
    schema: httpUrl.optional(),
    description:
      'Issuer of a generic OpenID Connect provider (Keycloak, Authentik, Okta, Entra…); enables single sign-on ' +
      '(needs `OIDC_CLIENT_ID` and `OIDC_CLIENT_SECRET`). Discovery reads `<issuer>/.well-known/openid-configuration`.',
  },
  OIDC_CLIENT_ID: {
    schema: z.string().min(1).optional(),
    description: 'Client id registered at the OpenID Provider.',
  },
  OIDC_CLIENT_SECRET: {
    schema: z.string().min(1).optional(),
    description: 'Client secret registered at the OpenID Provider.',
    secret: true,
  },
  OIDC_DISPLAY_NAME: {
    schema: z.string().trim().min(1).max(40).default('SSO'),
    description: 'Label of the single sign-on button, e.g. `Acme SSO`.',
  },
  STRIPE_SECRET_KEY: {
    schema: z
      .string()
      .regex(/^(sk|rk)_(test|live)_[A-Za-z0-9]+$/, 'must be a Stripe secret or restricted key')
      .optional(),
    description:
      'Turns billing on (docs/billing.md). Without it the instance has no plans: everything is unlimited (QUOTA_* ' +
      'still apply), no billing page shows and billing routes answer 404 BILLING_DISABLED.',
    secret: true,
  },
  STRIPE_WEBHOOK_SECRET: {
    schema: z
      .string()
      .regex(/^whsec_[A-Za-z0-9+/=]+$/, 'must be a webhook signing secret (whsec_…)')
      .optional(),
    description: 'Signing secret of the webhook endpoint `/api/v1/billing/webhook` (required with STRIPE_SECRET_KEY).',
    secret: true,
  },
  STRIPE_API_URL: {
    schema: httpUrl.optional(),
    description: 'Where Stripe API calls go instead of Stripe itself: a proxy, or a local fake in tests.',
  },
  STRIPE_PORTAL_CONFIGURATION: {
    schema: z
      .string()
      .regex(/^bpc_[A-Za-z0-9]+$/, 'must be a portal configuration id (bpc_…)')
      .optional(),
    description: 'Customer Portal configuration to open; unset uses the default one of the Stripe dashboard.',
  },
  STRIPE_PRICE_PRO_MONTHLY: {
    schema: z
      .string()
      .regex(/^price_\w+$/, 'must be a Stripe Price id')
      .optional(),
    description: 'Monthly Price of the default Pro plan (ignored when BILLING_PLANS or BILLING_PLANS_FILE is set).',
  },
  STRIPE_PRICE_PRO_YEARLY: {
    schema: z
      .string()
      .regex(/^price_\w+$/, 'must be a Stripe Price id')
      .optional(),
    description: 'Yearly Price of the default Pro plan.',
  },
  STRIPE_PRICE_TEAM_MONTHLY: {
    schema: z
      .string()
      .regex(/^price_\w+$/, 'must be a Stripe Price id')
      .optional(),
    description: 'Monthly per-seat Price of the default Team plan.',
  },
  STRIPE_PRICE_TEAM_YEARLY: {
    schema: z
      .string()
      .regex(/^price_\w+$/, 'must be a Stripe Price id')
      .optional(),
    description: 'Yearly per-seat Price of the default Team plan.',
  },
  BILLING_PLANS_FILE: {
    schema: z.string().min(1).optional(),
    description: 'A JSON or YAML file of plans replacing the defaults (Free, Pro, Team); see docs/billing.md.',
  },
  BILLING_PLANS: {
    schema: z.string().min(1).optional(),
    description: 'The same plans as inline JSON, for platforms without files. Not together with BILLING_PLANS_FILE.',
  },
  BILLING_GRACE_PERIOD_DAYS: {
    schema: z.coerce.number().int().min(0).max(60).default(7),
    description: 'After a failed payment the plan holds this long (past due); then the account falls back to Free.',
  },
  BILLING_WEBHOOK_TOLERANCE_SECONDS: {
    schema: z.coerce.number().int().min(30).max(3600).default(300),
    description: 'Oldest webhook signature timestamp accepted, against replays of captured deliveries.',
  },
  BILLING_PRORATION: {
    schema: z.enum(['create_prorations', 'always_invoice', 'none']).default('create_prorations'),
    description: "How seat changes are charged (Stripe's `proration_behavior`).",
  },
  WEB_DIST_DIR: {
    schema: z.string().min(1).optional(),
    description: 'Folder of the built web app to serve at `/`. Defaults to `apps/web/dist` in this repository.',
  },
} satisfies Record<string, VariableSpec>;

export type VariableName = keyof typeof configVariables;
export const variableNames = Object.keys(configVariables) as VariableName[];
