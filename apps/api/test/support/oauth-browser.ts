import supertest from 'supertest';
import type { SignedIn } from './sign-in';
import type { TestApp } from './test-app';

export interface Hop {
  url: string;
  status: number;
  location?: string;
}

/**
 * Just enough of a browser for redirect-based sign-in, driven by plain HTTP: a cookie jar per host name (ports
 * share cookies, as in browsers), and redirects followed one by one. Requests to the app's origin (APP_URL, which
 * no DNS resolves) go to the in-process app; everything else (fake providers, the OpenID Provider) over the network
 * on 127.0.0.1. Pages of the web app (app URLs outside /api/) are where a sign-in ends: they are not fetched.
 */
export class TestBrowser {
  private readonly jar = new Map<string, Map<string, string>>();
  readonly appOrigin: string;
  /** Every response seen, in order. */
  readonly hops: Hop[] = [];

  constructor(private readonly testApp: TestApp) {
    this.appOrigin = new URL(testApp.app.config.http.appUrl).origin;
  }

  /** Puts a signed-in session (from signInAs) into this browser. */
  adoptSession(signedIn: SignedIn): void {
    const [name, value] = signedIn.sessionCookie.split('=') as [string, string];
    this.setCookie(new URL(this.appOrigin).hostname, name, value);
  }

  cookie(name: string, host = new URL(this.appOrigin).hostname): string | undefined {
    return this.jar.get(host)?.get(name);
  }

  get sessionCookie(): string | undefined {
    return this.cookie(this.testApp.app.config.auth.sessionCookieName);
  }

  /** One GET, no redirect followed. */
  async get(url: string): Promise<Hop & { setCookies: string[]; body: string }> {
    const target = new URL(url, this.appOrigin);
    const cookieHeader = [...(this.jar.get(target.hostname) ?? new Map<string, string>())]
      .map(([name, value]) => `${name}=${value}`)
      .join('; ');
    let status: number;
    let location: string | undefined;
    let setCookies: string[];
    let body: string;
    if (target.origin === this.appOrigin) {
      const request = supertest(this.testApp.app.nest.getHttpServer()).get(`${target.pathname}${target.search}`);
      if (cookieHeader) request.set('Cookie', cookieHeader);
      const response = await request;
      status = response.status;
      location = response.headers.location as string | undefined;
      setCookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
      body = response.text ?? '';
    } else {
      const response = await fetch(target, {
        redirect: 'manual',
        headers: cookieHeader ? { cookie: cookieHeader } : {},
      });
      status = response.status;
      location = response.headers.get('location') ?? undefined;
      setCookies = response.headers.getSetCookie();
      body = await response.text();
    }
    for (const line of setCookies) this.storeCookie(target.hostname, line);
    const resolved = location ? new URL(location, target).href : undefined;
    const hop = { url: target.href, status, location: resolved };
    this.hops.push(hop);
    return { ...hop, setCookies, body };
  }

  /**
   * Follows redirects from `url` until a web app page (returned as its path and query) or a response that is not a
   * redirect. `stopBefore` returns the first URL it matches without requesting it (to tamper with or replay it).
   */
  async navigate(url: string, stopBefore?: (url: URL) => boolean): Promise<string> {
    let next = new URL(url, this.appOrigin);
    for (let hop = 0; hop < 20; hop += 1) {
      if (stopBefore?.(next)) return next.href;
      if (next.origin === this.appOrigin && !next.pathname.startsWith('/api/')) return `${next.pathname}${next.search}`;
      // Tests only talk to loopback servers: a redirect anywhere else (an open redirect) ends the navigation.
      if (next.origin !== this.appOrigin && next.hostname !== '127.0.0.1') return next.href;
      const response = await this.get(next.href);
      if (!response.location || response.status < 300 || response.status >= 400) {
        throw new Error(`navigation stopped at ${next.href} with ${response.status}: ${response.body.slice(0, 500)}`);
      }
      next = new URL(response.location);
    }
    throw new Error(`too many redirects from ${url}`);
  }

  private setCookie(host: string, name: string, value: string): void {
    if (!this.jar.has(host)) this.jar.set(host, new Map());
    this.jar.get(host)!.set(name, value);
  }

  private storeCookie(host: string, line: string): void {
    const [pair, ...attributes] = line.split(';').map((part) => part.trim());
    const separator = pair!.indexOf('=');
    const name = pair!.slice(0, separator);
    const value = pair!.slice(separator + 1);
    const expired = attributes.some((attribute) => {
      const [key, raw] = attribute.split('=');
      if (key?.toLowerCase() === 'max-age') return Number(raw) <= 0;
      if (key?.toLowerCase() === 'expires') return new Date(raw ?? '').getTime() <= Date.now();
      return false;
    });
    if (expired || value === '') this.jar.get(host)?.delete(name);
    else this.setCookie(host, name, value);
  }
}
