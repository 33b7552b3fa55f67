import { createHmac } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { secretsEqual } from '../../common/crypto/secret-token';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';

const COOKIE_NAME = 'lp_known_device';
/** Only the magic-link routes ever see it. */
const COOKIE_PATH = '/api/v1/auth/magic-link';
const LIFETIME_MS = 180 * 24 * 60 * 60_000;
const VALUE = /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/;

/**
 * A browser that has already proven it can read an address's mailbox (it used a magic link sent there) carries a
 * signed cookie naming that address. Strangers cannot mint one, so the per-address ceiling that protects a mailbox
 * from being flooded does not apply to it: filling that ceiling from many networks cannot stop its owner signing in.
 * The cookie holds an expiry and an HMAC of (address, expiry) under SESSION_SECRET, not the address itself.
 */
@Injectable()
export class KnownDeviceCookie {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  issue(response: Response, address: string, now = Date.now()): void {
    const expires = Math.floor((now + LIFETIME_MS) / 1000);
    response.cookie(COOKIE_NAME, `${expires}.${this.sign(address, expires)}`, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.auth.secureCookies,
      path: COOKIE_PATH,
      maxAge: LIFETIME_MS,
    });
  }

  /** Whether this request comes from a browser that has signed in by a link sent to `address`. */
  recognises(request: Request, address: string, now = Date.now()): boolean {
    const cookies = request.cookies as Record<string, string> | undefined;
    const match = VALUE.exec(cookies?.[COOKIE_NAME] ?? '');
    if (!match) return false;
    const expires = Number(match[1]);
    return expires * 1000 > now && secretsEqual(match[2] ?? '', this.sign(address, expires));
  }

  private sign(address: string, expires: number): string {
    return createHmac('sha256', this.config.secrets.sessionSecret)
      .update(`magic-link known device\n${address}\n${expires}`)
      .digest('base64url');
  }
}
