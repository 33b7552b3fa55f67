import { spawn } from 'node:child_process';
import type { Command } from 'commander';
import { ApiClient } from '../api-client';
import type { MeResponse } from '../api-types';
import { readCredentials, writeCredentials, type StoredLogin } from '../config';
import { withContext, type CommandContext } from '../context';
import { CliError, ExitCode } from '../errors';
import { printable } from '../text';

/** The name the approval page shows; the API does not verify it (RFC 8628 public client). */
export const CLI_CLIENT_ID = 'lynxprompt-cli';
/** What pull, sync, check and push need: reading and writing blueprints, and filling saved variables. */
export const DEFAULT_LOGIN_SCOPES = ['profile:read', 'blueprints:read', 'blueprints:write', 'variables:read'];
const DEVICE_GRANT_TYPE = 'urn:ietf:params:oauth:grant-type:device_code';
// RFC 8628 §3.5: without an interval the client waits 5 seconds; each slow_down adds 5 for all later polls.
const DEFAULT_INTERVAL_SECONDS = 5;
const SLOW_DOWN_STEP_SECONDS = 5;
// A hostile or broken server must not keep the CLI polling for hours.
const MAX_WAIT_SECONDS = 30 * 60;

interface DeviceCode {
  device_code: string;
  user_code: string;
  verification_uri: string;
  verification_uri_complete?: string;
  expires_in: number;
  interval?: number;
}

interface DeviceToken {
  access_token?: string;
  scope?: string;
  expires_in?: number;
  error?: string;
  error_description?: string;
}

export interface WhoAmI {
  instance: string;
  handle: string;
  displayName: string;
  email: string;
  scopes?: string[];
  expiresAt?: string;
  tokenEnvironment?: string;
  /** Where the token came from: the credentials file (lynxp login) or LYNXPROMPT_TOKEN. */
  source: 'login' | 'environment';
  default: boolean;
}

/** login, logout, whoami. */
export function registerAuthCommands(program: Command): void {
  program
    .command('login')
    .description('sign in to an instance with a code shown here and approved in the browser (RFC 8628 device grant)')
    .option('--no-browser', 'only print the address; do not open a browser')
    .option('--scope <scopes>', `space-separated scopes to ask for (default: ${DEFAULT_LOGIN_SCOPES.join(' ')})`)
    .action(withContext((context, options: { browser: boolean; scope?: string }) => login(context, options)));

  program
    .command('logout')
    .description("revoke the instance's token there and forget it here (--all: every instance's)")
    .option('--all', 'log out of every stored login')
    .action(withContext((context, options: { all?: boolean }) => logout(context, options)));

  program
    .command('whoami')
    .description('show the instance, account and scopes the CLI uses (--all: every stored login)')
    .option('--all', 'every instance logged in on this machine')
    .action(withContext((context, options: { all?: boolean }) => whoami(context, options)));
}

async function login(context: CommandContext, options: { browser: boolean; scope?: string }): Promise<void> {
  const instance = context.instance();
  const anonymous = new ApiClient(instance);
  const scope = options.scope?.trim() || DEFAULT_LOGIN_SCOPES.join(' ');
  const { body: grant } = await anonymous.json<DeviceCode>('POST', '/api/v1/auth/device/code', {
    body: { client_id: CLI_CLIENT_ID, scope },
  });
  if (typeof grant?.device_code !== 'string' || typeof grant.user_code !== 'string') {
    throw new CliError('UNEXPECTED_RESPONSE', `${instance} did not answer with a device code`, ExitCode.Remote);
  }
  const address = safeBrowserUrl(grant.verification_uri_complete) ?? safeBrowserUrl(grant.verification_uri);
  // Always on stderr, --json or not: the person has to see the code, and stdout stays one JSON document.
  process.stderr.write(
    `To sign in to ${instance}, open ${printable(address ?? grant.verification_uri)}\n` +
      `and confirm the code ${printable(grant.user_code)}\n` +
      'Waiting for approval…\n',
  );
  if (address && options.browser && process.stdout.isTTY && !context.env.CI) openBrowser(address);

  const token = await pollForToken(anonymous, grant);
  const scopes = (token.scope ?? scope).split(/\s+/).filter(Boolean);
  const signedIn = new ApiClient(instance, token.access_token);
  const me = scopes.includes('profile:read') ? (await signedIn.json<MeResponse>('GET', '/api/v1/me')).body : undefined;

  const credentials = readCredentials(context.env);
  const login: StoredLogin = {
    token: token.access_token!,
    handle: me?.handle,
    scopes,
    savedAt: new Date().toISOString(),
    ...(token.expires_in ? { expiresAt: new Date(Date.now() + token.expires_in * 1000).toISOString() } : {}),
  };
  credentials.instances[instance] = login;
  credentials.defaultInstance = instance;
  writeCredentials(credentials, context.env);

  context.output.result(
    { instance, handle: me?.handle ?? null, scopes, expiresAt: login.expiresAt ?? null, default: true },
    (result) => {
      const who = result.handle ? `@${printable(result.handle)}` : 'an account (no profile:read scope)';
      context.output.line(`${context.output.green('Logged in')} to ${instance} as ${context.output.bold(who)}`);
      context.output.line(context.output.dim(`scopes: ${scopes.join(' ')}; ${instance} is now the default instance`));
    },
  );
}

async function pollForToken(client: ApiClient, grant: DeviceCode): Promise<DeviceToken & { access_token: string }> {
  let interval = positive(grant.interval) ?? DEFAULT_INTERVAL_SECONDS;
  const deadline = Date.now() + Math.min(positive(grant.expires_in) ?? MAX_WAIT_SECONDS, MAX_WAIT_SECONDS) * 1000;
  while (Date.now() < deadline) {
    await sleep(interval * 1000);
    const { body } = await client.json<DeviceToken>('POST', '/api/v1/auth/device/token', {
      body: { grant_type: DEVICE_GRANT_TYPE, device_code: grant.device_code, client_id: CLI_CLIENT_ID },
      accept: [400],
    });
    if (typeof body?.access_token === 'string') return body as DeviceToken & { access_token: string };
    switch (body?.error) {
      case 'authorization_pending':
        continue;
      case 'slow_down':
        interval += SLOW_DOWN_STEP_SECONDS;
        continue;
      case 'access_denied':
        throw new CliError('ACCESS_DENIED', 'The sign-in request was denied', ExitCode.Unauthenticated);
      case 'expired_token':
        throw expired();
      default:
        throw new CliError(
          String(body?.error ?? 'UNEXPECTED_RESPONSE').toUpperCase(),
          `The instance refused the sign-in: ${printable(body?.error_description ?? 'no reason given')}`,
          ExitCode.Unauthenticated,
        );
    }
  }
  throw expired();
}

function expired(): CliError {
  return new CliError(
    'DEVICE_CODE_EXPIRED',
    'The code expired before it was approved; run lynxp login again',
    ExitCode.Unauthenticated,
  );
}

async function logout(context: CommandContext, options: { all?: boolean }): Promise<void> {
  const credentials = readCredentials(context.env);
  const forgotten = options.all ? Object.keys(credentials.instances) : [context.instance()];
  const removed = forgotten.filter((instance) => credentials.instances[instance]);
  // Revoked on the instance first (the token ends there, not only here); forgotten here whatever the answer.
  const revoked: string[] = [];
  for (const instance of removed) {
    if (await revokeOnInstance(context, instance, credentials.instances[instance]!.token)) revoked.push(instance);
  }
  for (const instance of removed) delete credentials.instances[instance];
  if (credentials.defaultInstance && !credentials.instances[credentials.defaultInstance]) {
    // The default moves to another instance still logged in, so the next command does not fail for no reason.
    credentials.defaultInstance = Object.keys(credentials.instances)[0];
  }
  writeCredentials(credentials, context.env);
  context.output.result(
    { loggedOut: removed, defaultInstance: credentials.defaultInstance ?? null, revoked },
    (result) => {
      if (result.loggedOut.length === 0) {
        context.output.line(`Not logged in to ${forgotten.join(', ') || 'any instance'}; nothing to forget`);
        return;
      }
      for (const instance of result.loggedOut) {
        context.output.line(
          `Logged out of ${instance}${revoked.includes(instance) ? ' (token revoked)' : ' (token forgotten here only)'}`,
        );
      }
      if (context.env.LYNXPROMPT_TOKEN) context.output.warn('LYNXPROMPT_TOKEN is still set and still used');
    },
  );
}

/**
 * Ends the token on the instance (DELETE /api/v1/me/token). A token the instance no longer accepts (401) is already
 * ended; when the instance cannot be reached or refuses, the person is told to revoke it in the web app.
 */
async function revokeOnInstance(context: CommandContext, instance: string, token: string): Promise<boolean> {
  try {
    await new ApiClient(instance, token).json('DELETE', '/api/v1/me/token', { accept: [401] });
    return true;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    context.output.warn(
      `could not revoke the token on ${instance} (${printable(reason)}); it stays valid until it expires unless you ` +
        'revoke it under Settings → API tokens',
    );
    return false;
  }
}

async function whoami(context: CommandContext, options: { all?: boolean }): Promise<void> {
  const credentials = readCredentials(context.env);
  if (options.all) {
    const instances = Object.keys(credentials.instances);
    const results: Array<WhoAmI | { instance: string; error: { code: string; message: string } }> = [];
    for (const instance of instances) {
      try {
        results.push(await describe(context, instance));
      } catch (error) {
        if (!(error instanceof CliError)) throw error;
        results.push({ instance, error: { code: error.code, message: error.message } });
      }
    }
    context.output.result({ instances: results }, ({ instances: all }) => {
      if (all.length === 0) context.output.line('Not logged in anywhere; run lynxp login --instance URL');
      for (const entry of all) {
        if ('error' in entry) context.output.line(`${entry.instance}  ${context.output.red(entry.error.message)}`);
        else printWhoAmI(context, entry);
      }
    });
    return;
  }
  const result = await describe(context, context.instance());
  context.output.result(result, (value) => printWhoAmI(context, value));
}

async function describe(context: CommandContext, instance: string): Promise<WhoAmI> {
  const client = context.client({ required: true, instance });
  const { body: me } = await client.json<MeResponse>('GET', '/api/v1/me');
  const stored = context.env.LYNXPROMPT_TOKEN ? undefined : readCredentials(context.env).instances[instance];
  return {
    instance,
    handle: me.handle,
    displayName: me.displayName,
    email: me.email,
    ...(stored?.scopes ? { scopes: stored.scopes } : {}),
    ...(stored?.expiresAt ? { expiresAt: stored.expiresAt } : {}),
    ...(me.tokenEnvironment ? { tokenEnvironment: me.tokenEnvironment } : {}),
    source: context.env.LYNXPROMPT_TOKEN ? 'environment' : 'login',
    default: readCredentials(context.env).defaultInstance === instance,
  };
}

function printWhoAmI(context: CommandContext, who: WhoAmI): void {
  const { output } = context;
  output.line(
    `${output.bold(`@${printable(who.handle)}`)} (${printable(who.displayName)}) on ${who.instance}` +
      (who.default ? output.dim(' [default]') : ''),
  );
  if (who.scopes) output.line(output.dim(`  scopes: ${who.scopes.join(' ')}`));
  if (who.expiresAt) output.line(output.dim(`  token expires: ${who.expiresAt}`));
  if (who.source === 'environment') output.line(output.dim('  token from LYNXPROMPT_TOKEN'));
}

/** Only http(s) addresses reach the browser opener: the server chooses the URL, and a shell may read it. */
function safeBrowserUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Best effort: a missing opener (a server, a container) just leaves the printed address. */
function openBrowser(url: string): void {
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['rundll32', ['url.dll,FileProtocolHandler', url]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(command, args, { detached: true, stdio: 'ignore' });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // Nothing to open with: the address is printed above.
  }
}

function positive(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
