import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { inspect } from 'node:util';
import { z } from 'zod';
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
  readonly dataDir: string;
  readonly webDistDir: string;
  readonly logLevel: string;
  readonly secrets: Secrets;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

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
    dataDir,
    webDistDir: path.resolve(vars.WEB_DIST_DIR ?? path.join(repositoryRoot(), 'apps/web/dist')),
    logLevel: vars.LOG_LEVEL,
    secrets: new Secrets(
      sessionSecret,
      Buffer.from(encryptionKey, 'base64'),
      vars.ENCRYPTION_PREVIOUS_KEYS.map((key) => Buffer.from(key, 'base64')),
      vars.METRICS_TOKEN,
    ),
  };
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
