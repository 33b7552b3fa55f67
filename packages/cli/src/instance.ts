import { CliError, ExitCode } from './errors';
import { readCredentials } from './config';

/**
 * An instance's base URL as the CLI keys it: http(s) only, no query or fragment, no trailing slash. The same instance
 * typed two ways is one entry in the credentials and the lockfile.
 */
export function normaliseInstance(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new CliError('INVALID_INSTANCE_URL', `'${value}' is not a URL (e.g. https://lynxprompt.example)`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new CliError('INVALID_INSTANCE_URL', `'${value}' must be an http or https URL`);
  }
  if (url.username || url.password) {
    throw new CliError('INVALID_INSTANCE_URL', 'The instance URL must not carry credentials; use lynxp login');
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/**
 * Which instance a command talks to: --instance, else LYNXPROMPT_URL, else the one the lockfile records (for commands
 * that read it), else the default set by the last login.
 */
export function resolveInstance(options: { flag?: string; fromLockfile?: string; env?: NodeJS.ProcessEnv }): string {
  const env = options.env ?? process.env;
  const chosen = options.flag ?? env.LYNXPROMPT_URL ?? options.fromLockfile ?? readCredentials(env).defaultInstance;
  if (!chosen) {
    throw new CliError(
      'INSTANCE_REQUIRED',
      'No instance chosen: pass --instance URL, set LYNXPROMPT_URL, or log in with lynxp login --instance URL',
      ExitCode.Usage,
    );
  }
  return normaliseInstance(chosen);
}

/** The token for an instance: LYNXPROMPT_TOKEN (for CI), else the one lynxp login stored for it. */
export function tokenFor(instance: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.LYNXPROMPT_TOKEN) return env.LYNXPROMPT_TOKEN;
  return readCredentials(env).instances[instance]?.token;
}
