import { CliError, ExitCode, RemoteError } from './errors';
import { VERSION } from './version';

export interface RequestOptions {
  /** An array repeats the parameter (tag=a&tag=b). */
  query?: Record<string, string | number | boolean | readonly string[] | undefined>;
  body?: unknown;
  headers?: Record<string, string>;
  /** Statuses the caller handles itself instead of a RemoteError (e.g. 304, 404). */
  accept?: number[];
}

export interface ApiResponse<T> {
  status: number;
  headers: Headers;
  body: T;
}

const TIMEOUT_MS = 30_000;

/**
 * The instance's REST API as the CLI uses it: JSON in and out, the token as a Bearer header, and every refusal turned
 * into a RemoteError carrying the API's stable code, so `--json` output and exit codes are the same on every command.
 */
export class ApiClient {
  constructor(
    readonly instance: string,
    private readonly token?: string,
  ) {}

  get signedIn(): boolean {
    return Boolean(this.token);
  }

  /** The token, for commands that hand it to another transport (lynxp mcp). */
  get bearer(): string | undefined {
    return this.token;
  }

  url(pathname: string, query?: RequestOptions['query']): URL {
    const url = new URL(`${this.instance}${pathname}`);
    for (const [key, value] of Object.entries(query ?? {})) {
      if (Array.isArray(value)) for (const item of value) url.searchParams.append(key, String(item));
      else if (value !== undefined) url.searchParams.set(key, String(value));
    }
    return url;
  }

  async json<T>(method: string, pathname: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    const response = await this.send(method, pathname, options, 'application/json');
    const text = await response.text();
    let body: unknown = undefined;
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        if (response.ok) {
          throw new CliError('UNEXPECTED_RESPONSE', `${method} ${pathname} answered with non-JSON`, ExitCode.Remote);
        }
      }
    }
    if (!response.ok && !options.accept?.includes(response.status)) throw remoteError(response, body);
    return { status: response.status, headers: response.headers, body: body as T };
  }

  /** A download as text (a rendered file) or bytes. */
  async text(pathname: string, options: RequestOptions = {}): Promise<ApiResponse<string>> {
    const response = await this.send('GET', pathname, options, '*/*');
    const text = await response.text();
    if (!response.ok && !options.accept?.includes(response.status)) {
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        body = undefined;
      }
      throw remoteError(response, body);
    }
    return { status: response.status, headers: response.headers, body: text };
  }

  private async send(method: string, pathname: string, options: RequestOptions, accept: string): Promise<Response> {
    const headers: Record<string, string> = {
      accept,
      'user-agent': `lynxp/${VERSION}`,
      ...options.headers,
    };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    let body: string | undefined;
    if (options.body !== undefined) {
      headers['content-type'] ??= 'application/json';
      body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    }
    try {
      return await fetch(this.url(pathname, options.query), {
        method,
        headers,
        body,
        redirect: 'error',
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      const reason = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : 'failed';
      throw new CliError('INSTANCE_UNREACHABLE', `Could not reach ${this.instance}: ${reason}`, ExitCode.Remote);
    }
  }
}

function remoteError(response: Response, body: unknown): RemoteError {
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)?.error;
  if (error && typeof error.code === 'string') {
    return new RemoteError(error.code, String(error.message ?? error.code), response.status, error.details);
  }
  return new RemoteError(`HTTP_${response.status}`, `The instance answered ${response.status}`, response.status);
}
