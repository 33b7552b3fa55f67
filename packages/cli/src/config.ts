import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CliError, ExitCode } from './errors';

/** One signed-in instance: the API token the device grant issued, and who it belongs to. */
export interface StoredLogin {
  token: string;
  handle?: string;
  scopes?: string[];
  savedAt: string;
  /** When the token stops working, as the device grant said. */
  expiresAt?: string;
}

export interface Credentials {
  version: 1;
  /** The instance commands use when neither --instance nor LYNXPROMPT_URL names one. */
  defaultInstance?: string;
  instances: Record<string, StoredLogin>;
}

/**
 * The user's config directory: LYNXPROMPT_CONFIG_DIR, else %APPDATA%\lynxprompt on Windows, else
 * $XDG_CONFIG_HOME/lynxprompt, else ~/.config/lynxprompt.
 */
export function configDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.LYNXPROMPT_CONFIG_DIR) return path.resolve(env.LYNXPROMPT_CONFIG_DIR);
  if (process.platform === 'win32' && env.APPDATA) return path.join(env.APPDATA, 'lynxprompt');
  return path.join(env.XDG_CONFIG_HOME || path.join(os.homedir(), '.config'), 'lynxprompt');
}

function credentialsPath(env?: NodeJS.ProcessEnv): string {
  return path.join(configDir(env), 'credentials.json');
}

export function readCredentials(env?: NodeJS.ProcessEnv): Credentials {
  let text: string;
  try {
    text = readFileSync(credentialsPath(env), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, instances: {} };
    throw error;
  }
  try {
    const parsed = JSON.parse(text) as Credentials;
    if (parsed?.version !== 1 || typeof parsed.instances !== 'object' || parsed.instances === null) throw new Error();
    return parsed;
  } catch {
    throw new CliError(
      'CONFIG_INVALID',
      `${credentialsPath(env)} is not a credentials file this CLI wrote; remove it and log in again`,
      ExitCode.Usage,
    );
  }
}

/** Written whole to a temporary file and renamed over the old one, readable by the user alone (0600 in a 0700 folder). */
export function writeCredentials(credentials: Credentials, env?: NodeJS.ProcessEnv): void {
  const dir = configDir(env);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = credentialsPath(env);
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  chmodSync(temporary, 0o600);
  renameSync(temporary, file);
}
