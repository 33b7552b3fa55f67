import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { inspect } from 'node:util';
import { z } from 'zod';
import { defaultPlans, parsePlanCatalog, type PlanCatalog } from '../billing/plans';
import { DEFAULT_WORKER_POOL_SETTINGS } from '../worker-pool/worker-pool';
import { configVariables, type VariableName } from './config.variables';
import { packageVersion, repositoryRoot } from './paths';

export type RunMode = 'api' | 'worker' | 'all';
export type TrustProxySetting = boolean | number | string | string[];

/** Secret material; prints as [redacted] so a logged config object never leaks it. */
export class Secrets {
  constructor(
    readonly sessionSecret: string,
    readonly encryptionKey: Buffer,
    readonly previousEncryptionKeys: readonly Buffer[],
    readonly metricsToken: string | undefined,
    readonly smtpUrl: string | undefined,
    readonly githubClientSecret: string | undefined,
    readonly googleClientSecret: string | undefined,
    readonly oidcClientSecret: string | undefined,
    readonly stripeSecretKey: string | undefined = undefined,
    readonly stripeWebhookSecret: string | undefined = undefined,
  ) {}

  toJSON(): string {
    return '[redacted]';
  }

  [inspect.custom](): string {
    return 'Secrets [redacted]';
  }
}

export interface AppConfig {
  readonly env: 'development' | 'test' | 'production';
  readonly isProduction: boolean;
  readonly mode: RunMode;
  readonly http: {
    readonly host: string;
    readonly port: number;
    readonly appUrl: string;
    readonly trustProxy: TrustProxySetting;
    readonly corsOrigins: readonly string[];
    readonly bodyLimitBytes: number;
    readonly rateLimitPerMinute: number;
  };
  readonly instance: {
    readonly name: string;
    /** Host of APP_URL, with the port when it has one (as existing LynxPrompt instances publish it). */
    readonly domain: string;
    readonly version: string;
    readonly federationEnabled: boolean;
    readonly securityContact: string;
  };
  /** An unset url means the embedded database under dataDir. */
  readonly database: { readonly url: string | undefined; readonly poolSize: number };
  /** An unset url means the in-process store and jobs on the database. */
  readonly redis: { readonly url: string | undefined; readonly prefix: string };
  readonly jobs: { readonly scheduleCheckMs: number };
  readonly blueprints: {
    readonly defaultLicense: string;
    readonly publicReadCacheSeconds: number;
    /** Inserted plus removed lines beyond which a version diff is refused. */
    readonly diffMaxEdits: number;
    /** Matches per side that search facets are counted over at most (past it, a sample). */
    readonly facetSampleSize: number;
    /** Limits on a version's attached files (a skill's references/, scripts/, assets/). */
    readonly files: { readonly maxFileBytes: number; readonly maxTotalBytes: number; readonly maxCount: number };
  };
  /** The pool that runs scans and diffs off the event loop. */
  readonly workers: { readonly threads: number; readonly taskTimeoutMs: number };
  /** Findings one scan lists at most (the totals stay exact). */
  readonly scanning: { readonly maxListedFindings: number };
  /** Per-user limits (src/quotas), keyed by quota name. */
  readonly quotas: {
    readonly blueprints: number;
    readonly storageBytes: number;
    readonly hierarchies: number;
    readonly hierarchyMembers: number;
  };
  readonly federation: {
    /** Published in the manifest. */
    readonly contact: string;
    readonly crawlIntervalMs: number;
    readonly suspendAfterMs: number;
    readonly maxBlueprintsPerPeer: number;
    readonly maxContentBytes: number;
    readonly maxPagesPerRun: number;
    readonly maxRequestsPerRun: number;
    /** Legacy peers: unchanged items whose content one run fetches again, oldest first. */
    readonly legacyRefreshPerRun: number;
    readonly concurrency: number;
    readonly peerConcurrency: number;
  };
  /** The SSRF-safe client every outbound request goes through. */
  readonly outbound: {
    /** `host` or `host:port` entries exempt from the private-address deny list. */
    readonly allowPrivate: readonly string[];
    /** Plain http is allowed outside production only. */
    readonly allowHttp: boolean;
    readonly connectTimeoutMs: number;
    readonly timeoutMs: number;
  };
  readonly dataDir: string;
  readonly webDistDir: string;
  readonly logLevel: string;
  readonly auth: {
    readonly adminEmail: string | undefined;
    readonly registrationEnabled: boolean;
    /** Who may create organizations (ORGANIZATION_CREATION). */
    readonly organizationCreation: 'everyone' | 'admins' | 'nobody';
    readonly sessionIdleMs: number;
    readonly sessionMaxAgeMs: number;
    /** `__Host-` prefixed (and Secure) when APP_URL is https. */
    readonly sessionCookieName: string;
    readonly secureCookies: boolean;
    /** Set when the provider is configured; its secret is in `secrets`. */
    readonly github: { readonly clientId: string; readonly webUrl: string; readonly apiUrl: string } | undefined;
    readonly google:
      | {
          readonly clientId: string;
          readonly authorizationUrl: string;
          readonly tokenUrl: string;
          readonly userinfoUrl: string;
        }
      | undefined;
    readonly oidc: { readonly issuerUrl: string; readonly clientId: string; readonly displayName: string } | undefined;
  };
  readonly mail: { readonly from: string };
  /** Set when STRIPE_SECRET_KEY is (billing on); its keys are in `secrets`. */
  readonly billing: BillingConfig | undefined;
  readonly secrets: Secrets;
}

export interface BillingConfig {
  /** Where the Stripe SDK sends API calls; undefined means Stripe itself. */
  readonly apiUrl: string | undefined;
  readonly portalConfiguration: string | undefined;
  readonly plans: PlanCatalog;
  readonly gracePeriodMs: number;
  readonly webhookToleranceSeconds: number;
  readonly proration: 'create_prorations' | 'always_invoice' | 'none';
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const DAY_MS = 24 * 60 * 60 * 1000;

type ParsedVariables = { [K in VariableName]: z.output<(typeof configVariables)[K]['schema']> };

/** Validates the whole environment at once and fails listing every bad or missing variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const problems: string[] = [];
  const parsed: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(configVariables)) {
    const raw = env[name] === '' ? undefined : env[name];
    const result = spec.schema.safeParse(raw);
    if (result.success) {
      parsed[name] = result.data;
    } else {
      const reason = result.error.issues.map((issue) => issue.message).join('; ');
      problems.push(`${name}: ${reason}`);
    }
  }
  const vars = parsed as ParsedVariables;
  const isProduction = vars.NODE_ENV === 'production';
  if (isProduction) {
    for (const [name, spec] of Object.entries(configVariables)) {
      if ('requiredInProduction' in spec && spec.requiredInProduction && !env[name]) {
        problems.push(`${name}: required when NODE_ENV=production`);
      }
    }
  }
  // Providers are all-or-nothing: half a configuration would fail only when someone tries to sign in.
  const requireTogether = (names: string[]) => {
    const set = names.filter((name) => env[name]);
    if (set.length > 0 && set.length < names.length) {
      for (const name of names.filter((candidate) => !env[candidate])) {
        problems.push(`${name}: required when ${set.join(' and ')} ${set.length > 1 ? 'are' : 'is'} set`);
      }
    }
  };
  requireTogether(['GITHUB_CLIENT_ID', 'GITHUB_CLIENT_SECRET']);
  requireTogether(['GOOGLE_CLIENT_ID', 'GOOGLE_CLIENT_SECRET']);
  requireTogether(['OIDC_ISSUER_URL', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET']);
  requireTogether(['STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET']);
  const plans = loadPlans(env, problems);
  // Private destinations in production must be a deliberate choice, not a development setting carried over.
  if (isProduction && env.OUTBOUND_ALLOW_PRIVATE && env.OUTBOUND_ALLOW_PRIVATE_IN_PRODUCTION !== 'true') {
    problems.push('OUTBOUND_ALLOW_PRIVATE: refused in production unless OUTBOUND_ALLOW_PRIVATE_IN_PRODUCTION=true');
  }
  if (problems.length > 0) {
    throw new ConfigError(problems);
  }

  const dataDir = path.resolve(vars.DATA_DIR);
  const appUrl = vars.APP_URL ?? `http://localhost:${vars.PORT}`;
  const domain = new URL(appUrl).host;
  const devSecrets =
    isProduction || (vars.SESSION_SECRET && vars.ENCRYPTION_KEY) ? undefined : readOrCreateDevSecrets(dataDir);
  const sessionSecret = vars.SESSION_SECRET ?? devSecrets?.sessionSecret;
  const encryptionKey = vars.ENCRYPTION_KEY ?? devSecrets?.encryptionKey;
  if (!sessionSecret || !encryptionKey) {
    throw new ConfigError(['SESSION_SECRET/ENCRYPTION_KEY: missing']);
  }

  return {
    env: vars.NODE_ENV,
    isProduction,
    mode: vars.LP_MODE,
    http: {
      host: vars.HOST,
      port: vars.PORT,
      appUrl,
      trustProxy: parseTrustProxy(vars.TRUST_PROXY),
      corsOrigins: vars.CORS_ORIGINS,
      bodyLimitBytes: vars.BODY_LIMIT_BYTES,
      rateLimitPerMinute: vars.RATE_LIMIT_PER_MINUTE,
    },
    instance: {
      name: vars.INSTANCE_NAME,
      domain,
      version: packageVersion(),
      federationEnabled: vars.FEDERATION_ENABLED,
      securityContact: vars.SECURITY_CONTACT ?? `mailto:security@${new URL(appUrl).hostname}`,
    },
    database: { url: vars.DATABASE_URL, poolSize: vars.DATABASE_POOL_SIZE },
    redis: { url: vars.REDIS_URL, prefix: vars.REDIS_PREFIX },
    jobs: { scheduleCheckMs: vars.JOB_SCHEDULE_CHECK_SECONDS * 1000 },
    blueprints: {
      defaultLicense: vars.BLUEPRINT_DEFAULT_LICENSE,
      publicReadCacheSeconds: vars.PUBLIC_READ_CACHE_SECONDS,
      diffMaxEdits: vars.DIFF_MAX_EDITS,
      facetSampleSize: vars.SEARCH_FACET_SAMPLE_SIZE,
      files: {
        maxFileBytes: vars.BLUEPRINT_FILE_MAX_BYTES,
        maxTotalBytes: vars.BLUEPRINT_FILES_MAX_BYTES,
        maxCount: vars.BLUEPRINT_FILES_MAX_COUNT,
      },
    },
    workers: {
      threads: vars.WORKER_THREADS ?? DEFAULT_WORKER_POOL_SETTINGS.threads,
      taskTimeoutMs: vars.WORKER_TASK_TIMEOUT_MS,
    },
    scanning: { maxListedFindings: vars.SCAN_MAX_LISTED_FINDINGS },
    quotas: {
      blueprints: vars.QUOTA_BLUEPRINTS_PER_USER,
      storageBytes: vars.QUOTA_STORAGE_BYTES_PER_USER,
      hierarchies: vars.QUOTA_HIERARCHIES_PER_USER,
      hierarchyMembers: vars.QUOTA_MEMBERS_PER_HIERARCHY,
    },
    federation: {
      contact:
        vars.INSTANCE_CONTACT ??
        (vars.ADMIN_EMAIL ? `mailto:${vars.ADMIN_EMAIL.toLowerCase()}` : undefined) ??
        vars.SECURITY_CONTACT ??
        `mailto:security@${new URL(appUrl).hostname}`,
      crawlIntervalMs: vars.FEDERATION_CRAWL_INTERVAL_MINUTES * 60_000,
      suspendAfterMs: vars.FEDERATION_SUSPEND_AFTER_DAYS * DAY_MS,
      maxBlueprintsPerPeer: vars.FEDERATION_MAX_BLUEPRINTS_PER_PEER,
      maxContentBytes: vars.FEDERATION_MAX_CONTENT_BYTES,
      maxPagesPerRun: vars.FEDERATION_MAX_PAGES_PER_RUN,
      maxRequestsPerRun: vars.FEDERATION_MAX_REQUESTS_PER_RUN,
      legacyRefreshPerRun: vars.FEDERATION_LEGACY_REFRESH_PER_RUN,
      concurrency: vars.FEDERATION_CONCURRENCY,
      peerConcurrency: vars.FEDERATION_PEER_CONCURRENCY,
    },
    outbound: {
      allowPrivate: vars.OUTBOUND_ALLOW_PRIVATE.map((entry) => entry.toLowerCase()),
      allowHttp: !isProduction,
      connectTimeoutMs: vars.OUTBOUND_CONNECT_TIMEOUT_MS,
      timeoutMs: vars.OUTBOUND_TIMEOUT_MS,
    },
    dataDir,
    webDistDir: path.resolve(vars.WEB_DIST_DIR ?? path.join(repositoryRoot(), 'apps/web/dist')),
    logLevel: vars.LOG_LEVEL,
    auth: {
      adminEmail: vars.ADMIN_EMAIL?.toLowerCase(),
      registrationEnabled: vars.ENABLE_REGISTRATION,
      organizationCreation: vars.ORGANIZATION_CREATION,
      sessionIdleMs: vars.SESSION_IDLE_TIMEOUT_DAYS * DAY_MS,
      sessionMaxAgeMs: vars.SESSION_MAX_AGE_DAYS * DAY_MS,
      sessionCookieName: appUrl.startsWith('https:') ? '__Host-lp_session' : 'lp_session',
      secureCookies: appUrl.startsWith('https:'),
      github: vars.GITHUB_CLIENT_ID
        ? { clientId: vars.GITHUB_CLIENT_ID, webUrl: vars.GITHUB_URL, apiUrl: vars.GITHUB_API_URL }
        : undefined,
      google: vars.GOOGLE_CLIENT_ID
        ? {
            clientId: vars.GOOGLE_CLIENT_ID,
            authorizationUrl: vars.GOOGLE_AUTHORIZATION_URL,
            tokenUrl: vars.GOOGLE_TOKEN_URL,
            userinfoUrl: vars.GOOGLE_USERINFO_URL,
          }
        : undefined,
      oidc:
        vars.OIDC_ISSUER_URL && vars.OIDC_CLIENT_ID
          ? { issuerUrl: vars.OIDC_ISSUER_URL, clientId: vars.OIDC_CLIENT_ID, displayName: vars.OIDC_DISPLAY_NAME }
          : undefined,
    },
    mail: { from: vars.MAIL_FROM ?? `LynxPrompt <no-reply@${new URL(appUrl).hostname}>` },
    billing:
      vars.STRIPE_SECRET_KEY && plans
        ? {
            apiUrl: vars.STRIPE_API_URL,
            portalConfiguration: vars.STRIPE_PORTAL_CONFIGURATION,
            plans,
            gracePeriodMs: vars.BILLING_GRACE_PERIOD_DAYS * DAY_MS,
            webhookToleranceSeconds: vars.BILLING_WEBHOOK_TOLERANCE_SECONDS,
            proration: vars.BILLING_PRORATION,
          }
        : undefined,
    secrets: new Secrets(
      sessionSecret,
      Buffer.from(encryptionKey, 'base64'),
      vars.ENCRYPTION_PREVIOUS_KEYS.map((key) => Buffer.from(key, 'base64')),
      vars.METRICS_TOKEN,
      vars.SMTP_URL,
      vars.GITHUB_CLIENT_SECRET,
      vars.GOOGLE_CLIENT_SECRET,
      vars.OIDC_CLIENT_SECRET,
      vars.STRIPE_SECRET_KEY,
      vars.STRIPE_WEBHOOK_SECRET,
    ),
  };
}

/** The plan catalogue: a file, inline JSON, or the defaults priced by STRIPE_PRICE_*. Problems are collected. */
function loadPlans(env: NodeJS.ProcessEnv, problems: string[]): PlanCatalog | undefined {
  if (env.BILLING_PLANS && env.BILLING_PLANS_FILE) {
    problems.push('BILLING_PLANS: not together with BILLING_PLANS_FILE');
    return undefined;
  }
  const [name, result] = env.BILLING_PLANS_FILE
    ? ['BILLING_PLANS_FILE', parsePlanCatalog({ file: env.BILLING_PLANS_FILE })]
    : env.BILLING_PLANS
      ? ['BILLING_PLANS', parsePlanCatalog({ inline: env.BILLING_PLANS })]
      : ['STRIPE_PRICE_*', parsePlanCatalog({ value: defaultPlans(env) })];
  if ('problems' in result) {
    problems.push(...result.problems.map((problem) => `${name}: ${problem}`));
    return undefined;
  }
  return result.catalog;
}

function parseTrustProxy(value: string): TrustProxySetting {
  if (value === 'false') return false;
  if (/^\d+$/.test(value)) return Number(value);
  if (value.includes(',')) return value.split(',').map((entry) => entry.trim());
  return value;
}

interface DevSecrets {
  sessionSecret: string;
  encryptionKey: string;
}

/** Outside production, missing secrets are generated once and kept beside the embedded data, so restarts keep them. */
function readOrCreateDevSecrets(dataDir: string): DevSecrets {
  const file = path.join(dataDir, 'dev-secrets.json');
  try {
    const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<DevSecrets>;
    if (typeof stored.sessionSecret === 'string' && typeof stored.encryptionKey === 'string') {
      return { sessionSecret: stored.sessionSecret, encryptionKey: stored.encryptionKey };
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const secrets: DevSecrets = {
    sessionSecret: randomBytes(32).toString('base64url'),
    encryptionKey: randomBytes(32).toString('base64'),
  };
  fs.mkdirSync(dataDir, { recursive: true });
  // 'wx' so two processes racing here cannot overwrite each other's freshly generated keys.
  try {
    fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readOrCreateDevSecrets(dataDir);
    throw error;
  }
  return secrets;
}
