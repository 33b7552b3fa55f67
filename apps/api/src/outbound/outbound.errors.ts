import { AppError } from '../common/errors/app-error';

/** The stable codes of docs/federation.md §7. */
export const OutboundErrorCode = {
  UrlInvalid: 'OUTBOUND_URL_INVALID',
  SchemeRefused: 'OUTBOUND_SCHEME_REFUSED',
  AddressRefused: 'OUTBOUND_ADDRESS_REFUSED',
  DnsFailed: 'OUTBOUND_DNS_FAILED',
  ConnectFailed: 'OUTBOUND_CONNECT_FAILED',
  Timeout: 'OUTBOUND_TIMEOUT',
  TooLarge: 'OUTBOUND_TOO_LARGE',
  RedirectRefused: 'OUTBOUND_REDIRECT_REFUSED',
  TooManyRedirects: 'OUTBOUND_TOO_MANY_REDIRECTS',
  ContentType: 'OUTBOUND_CONTENT_TYPE',
  InvalidJson: 'OUTBOUND_INVALID_JSON',
  HttpStatus: 'OUTBOUND_HTTP_STATUS',
} as const;
export type OutboundErrorCode = (typeof OutboundErrorCode)[keyof typeof OutboundErrorCode];

/** The URL without any userinfo, so an error (or a log line) never carries a password someone put in a URL. */
export function urlForErrors(url: string | URL): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    return parsed.href;
  } catch {
    return String(url)
      .replace(/\/\/[^/@]*@/, '//')
      .slice(0, 2048);
  }
}

/** A remote destination misbehaved or was refused: 502, or 504 when it ran out of time. */
export class OutboundError extends AppError {
  readonly url: string;

  constructor(code: OutboundErrorCode, message: string, url: string | URL, details?: Record<string, unknown>) {
    const safeUrl = urlForErrors(url);
    super(code, message, code === OutboundErrorCode.Timeout ? 504 : 502, { url: safeUrl, ...details });
    this.name = 'OutboundError';
    this.url = safeUrl;
  }
}

/**
 * The calling code asked for something the client never does (sending credentials, managing framing headers, a body
 * on GET): a bug on our side, so 500 and a code of its own rather than one of the remote-failure codes.
 */
export class OutboundRequestInvalidError extends AppError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('OUTBOUND_REQUEST_INVALID', message, 500, details);
    this.name = 'OutboundRequestInvalidError';
  }
}

/** For callers that need a 2xx: turns any other status into OUTBOUND_HTTP_STATUS. */
export function requireSuccessStatus(response: { status: number; url: string }): void {
  if (response.status < 200 || response.status > 299) {
    throw new OutboundError(OutboundErrorCode.HttpStatus, `Unexpected HTTP status ${response.status}`, response.url, {
      status: response.status,
    });
  }
}
