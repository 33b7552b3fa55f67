import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { AuditService } from '../../audit/audit.service';
import { AppError, CommonErrorCode } from '../../common/errors/app-error';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import type { DeviceAuthorization } from '../../generated/prisma/client';
import { KEY_VALUE_STORE, type KeyValueStore } from '../../kv/key-value-store';
import { ApiTokenService } from '../api-tokens/api-token.service';
import type { Principal } from '../principal';
import { isApiScope } from '../scopes';
import { requestContext } from '../sessions/session.service';
import type { DeviceTokenParams } from './device.dto';
import {
  DeviceCodeAlreadyDecidedError,
  DeviceCodeExpiredError,
  DeviceCodeNotFoundError,
  DeviceGrantError,
  DeviceRateLimitedError,
} from './device.errors';
import { DeviceRepository } from './device.repository';
import { formatUserCode, generateUserCode, normalizeUserCode, userCodeDigest } from './user-code';
import { hashSecret, mintSecretToken } from '../../common/crypto/secret-token';

type SessionPrincipal = Extract<Principal, { kind: 'session' }>;

export const DEVICE_GRANT_TYPE = 'urn:ietf:params:oauth:grant-type:device_code';
export const DEFAULT_DEVICE_SCOPES = ['profile:read', 'blueprints:read'];
const CODE_LIFETIME_SECONDS = 600;
const POLL_INTERVAL_SECONDS = 5;
// RFC 8628 §3.5: every slow_down adds 5 seconds to the interval, for that and all later polls.
const SLOW_DOWN_STEP_SECONDS = 5;
const TOKEN_LIFETIME_SECONDS = 90 * 24 * 60 * 60;
const DEVICE_CODE_PATTERN = /^[A-Za-z0-9_-]{43}$/;
// Issuing codes costs a row each; a CLI needs one per sign-in.
const CODES_PER_ADDRESS = { limit: 30, windowMs: 15 * 60_000 };
// Guessing a user code binds someone else's device to your account; misses are counted per account and per address.
const LOOKUP_MISSES = { limit: 10, windowMs: 15 * 60_000 };

export interface DeviceCodeGrant {
  device_code: string;
  user_code: string;
  verification_uri: string;
  verification_uri_complete: string;
  expires_in: number;
  interval: number;
}

export interface DeviceAccessToken {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  scope: string;
}

export interface DeviceRequestDetails {
  userCode: string;
  clientName: string;
  scopes: string[];
  expiresAt: string;
  status: DeviceAuthorization['status'];
}

/**
 * OAuth 2.0 Device Authorization Grant (RFC 8628) for the command line: the device asks for a code pair, the person
 * approves the short user code in a signed-in browser, and the device's polling turns into a scoped, expiring API
 * token, once.
 */
@Injectable()
export class DeviceService {
  constructor(
    private readonly authorizations: DeviceRepository,
    private readonly apiTokens: ApiTokenService,
    private readonly audit: AuditService,
    @Inject(KEY_VALUE_STORE) private readonly store: KeyValueStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** RFC 8628 §3.1–3.2: a device code (a 256-bit secret, stored hashed) and the user code a person types. */
  async requestCode(input: { client_id: string; scope?: string }, request: Request): Promise<DeviceCodeGrant> {
    const scopes = parseScope(input.scope);
    const { count, ttlMs } = await this.store.increment(`device:codes:${request.ip}`, CODES_PER_ADDRESS.windowMs);
    if (count > CODES_PER_ADDRESS.limit) throw new DeviceRateLimitedError(ttlMs);

    const deviceCode = mintSecretToken();
    const expiresAt = new Date(Date.now() + CODE_LIFETIME_SECONDS * 1000);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const userCode = generateUserCode();
      const created = await this.authorizations.create({
        deviceCodeHash: hashSecret(deviceCode),
        userCode: this.digest(userCode),
        clientName: input.client_id,
        scopes,
        intervalSeconds: POLL_INTERVAL_SECONDS,
        expiresAt,
      });
      if (!created) continue;
      const verificationUri = `${this.config.http.appUrl.replace(/\/+$/, '')}/device`;
      return {
        device_code: deviceCode,
        user_code: formatUserCode(userCode),
        verification_uri: verificationUri,
        verification_uri_complete: `${verificationUri}?code=${formatUserCode(userCode)}`,
        expires_in: CODE_LIFETIME_SECONDS,
        interval: POLL_INTERVAL_SECONDS,
      };
    }
    throw new AppError(CommonErrorCode.Internal, 'Could not allocate a user code', 500);
  }

  /** RFC 8628 §3.4–3.5: what a poll gets, in the order a client needs to hear it. */
  async exchange(params: DeviceTokenParams, request: Request): Promise<DeviceAccessToken> {
    if (params.grant_type !== DEVICE_GRANT_TYPE) {
      throw new DeviceGrantError('unsupported_grant_type', `Only ${DEVICE_GRANT_TYPE} is supported here`);
    }
    const row = DEVICE_CODE_PATTERN.test(params.device_code)
      ? await this.authorizations.findByDeviceCodeHash(hashSecret(params.device_code))
      : null;
    if (!row || row.clientName !== params.client_id) {
      throw new DeviceGrantError('invalid_grant', 'Unknown device code, or issued to another client');
    }
    if (row.status === 'consumed') throw new DeviceGrantError('invalid_grant', 'This device code was already used');
    if (row.expiresAt <= new Date()) throw new DeviceGrantError('expired_token', 'The device code has expired');
    if (row.status === 'denied') throw new DeviceGrantError('access_denied', 'The sign-in request was denied');
    if (row.status === 'pending') {
      const now = new Date();
      const poll = await this.authorizations.recordPoll(row.id, now, ({ lastPolledAt, intervalSeconds }) =>
        lastPolledAt && now.getTime() - lastPolledAt.getTime() < intervalSeconds * 1000
          ? intervalSeconds + SLOW_DOWN_STEP_SECONDS
          : intervalSeconds,
      );
      if (poll.intervalSeconds > poll.previousIntervalSeconds) {
        throw new DeviceGrantError(
          'slow_down',
          `Polling too fast: wait at least ${poll.intervalSeconds} seconds between requests`,
        );
      }
      throw new DeviceGrantError('authorization_pending', 'Waiting for the person to approve the request');
    }
    // Approved: exactly one poll wins the consumption, so a device code yields one token at most.
    if (!row.userId || !(await this.authorizations.consume(row.id))) {
      throw new DeviceGrantError('invalid_grant', 'This device code was already used');
    }
    const { token } = await this.apiTokens.issue(
      row.userId,
      {
        name: `${row.clientName} (device sign-in)`,
        scopes: row.scopes,
        environment: 'production',
        expiresAt: new Date(Date.now() + TOKEN_LIFETIME_SECONDS * 1000),
      },
      request,
      'device_grant',
    );
    return {
      access_token: token,
      token_type: 'Bearer',
      expires_in: TOKEN_LIFETIME_SECONDS,
      scope: row.scopes.join(' '),
    };
  }

  /** The request behind a user code, for the approval page. */
  async describe(session: SessionPrincipal, userCode: string, request: Request): Promise<DeviceRequestDetails> {
    const { row, code } = await this.find(session, userCode, request);
    return details(row, code);
  }

  /** Binds the request to the approving account; the device's next poll receives a token. */
  async approve(session: SessionPrincipal, userCode: string, request: Request): Promise<DeviceRequestDetails> {
    const { row, code } = await this.find(session, userCode, request);
    if (row.status !== 'pending') throw new DeviceCodeAlreadyDecidedError();
    // Approval mints a token, so it needs what creating one on the account page needs.
    await this.apiTokens.assertMayIssue(session);
    await this.decide(session, row, 'approved', request);
    return details({ ...row, status: 'approved' }, code);
  }

  async deny(session: SessionPrincipal, userCode: string, request: Request): Promise<DeviceRequestDetails> {
    const { row, code } = await this.find(session, userCode, request);
    if (row.status !== 'pending') throw new DeviceCodeAlreadyDecidedError();
    await this.decide(session, row, 'denied', request);
    return details({ ...row, status: 'denied' }, code);
  }

  /** Drops requests that expired more than a day ago (kept that long so late polls still hear expired_token). */
  purgeExpired() {
    return this.authorizations.deleteExpiredBefore(new Date(Date.now() - 24 * 60 * 60_000));
  }

  private async decide(
    session: SessionPrincipal,
    row: DeviceAuthorization,
    status: 'approved' | 'denied',
    request: Request,
  ): Promise<void> {
    if (!(await this.authorizations.decide(row.id, session.userId, status, new Date()))) {
      // Someone decided (or the clock ran out) between our read and the update.
      if (row.expiresAt <= new Date()) throw new DeviceCodeExpiredError();
      throw new DeviceCodeAlreadyDecidedError();
    }
    await this.audit.record(
      { type: 'user', id: session.userId },
      status === 'approved' ? 'auth.device_approved' : 'auth.device_denied',
      { type: 'device_authorization', id: row.id },
      requestContext(request),
      { client: row.clientName, scopes: row.scopes },
    );
  }

  /**
   * Looks a user code up, counting misses per account and per address: 10 misses in 15 minutes lock both out, which
   * leaves a guesser about 1 in 2.5 billion per window. A decided request is visible to its own approver only.
   */
  private async find(
    session: SessionPrincipal,
    input: string,
    request: Request,
  ): Promise<{ row: DeviceAuthorization; code: string }> {
    const keys = [`device:lookup-misses:user:${session.userId}`, `device:lookup-misses:ip:${request.ip}`];
    for (const key of keys) {
      if (Number((await this.store.get(key)) ?? 0) >= LOOKUP_MISSES.limit) {
        throw new DeviceRateLimitedError(LOOKUP_MISSES.windowMs);
      }
    }
    const code = normalizeUserCode(input);
    const row = code ? await this.authorizations.findByUserCode(this.digest(code)) : null;
    if (!code || !row || (row.status !== 'pending' && row.userId !== session.userId)) {
      for (const key of keys) await this.store.increment(key, LOOKUP_MISSES.windowMs);
      throw new DeviceCodeNotFoundError();
    }
    if (row.expiresAt <= new Date()) throw new DeviceCodeExpiredError();
    return { row, code };
  }

  private digest(userCode: string): string {
    return userCodeDigest(userCode, this.config.secrets.sessionSecret);
  }
}

/** RFC 6749 §3.3 scope: space-separated; omitted or blank means the CLI's default. */
function parseScope(scope: string | undefined): string[] {
  const requested = [...new Set((scope ?? '').split(/\s+/).filter(Boolean))];
  if (requested.length === 0) return [...DEFAULT_DEVICE_SCOPES];
  const unknown = requested.filter((value) => !isApiScope(value));
  if (unknown.length > 0) {
    throw new AppError(CommonErrorCode.ValidationFailed, 'The request has invalid fields', 400, {
      fields: [{ field: 'scope', messages: [`unknown scopes: ${unknown.join(', ')}`] }],
    });
  }
  return requested;
}

function details(row: DeviceAuthorization, code: string): DeviceRequestDetails {
  return {
    userCode: formatUserCode(code),
    clientName: row.clientName,
    scopes: row.scopes,
    expiresAt: row.expiresAt.toISOString(),
    status: row.status,
  };
}
