import { Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AuditService } from '../../audit/audit.service';
import { ipPrefix } from '../../common/request-context/ip-prefix';
import { requestIdOf } from '../../common/request-context/request-id';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { CacheStore } from '../../kv/cache-store';
import { RecentAuthenticationRequiredError } from '../auth.errors';
import type { Principal } from '../principal';
import { SessionRepository } from './session.repository';
import { hashSecret, mintSecretToken } from '../../common/crypto/secret-token';

type SessionPrincipal = Extract<Principal, { kind: 'session' }>;

interface CachedSession {
  id: string;
  userId: string;
  state: 'active' | 'pending_second_factor';
  csrfToken: string;
  authenticatedAt: string;
  secondFactorAt: string | null;
  lastSeenAt: string;
  expiresAt: string;
}

const CACHE_TTL_MS = 60_000;
// lastSeenAt is written at most this often per session, so reads stay reads.
const TOUCH_INTERVAL_MS = 60_000;
const PENDING_SESSION_MAX_MS = 15 * 60_000;

export function requestContext(request: Request) {
  return { ip: request.ip, userAgent: request.headers['user-agent'], requestId: requestIdOf(request) };
}

/**
 * Server-side sessions: the cookie carries 32 random bytes, the database only their SHA-256. Postgres is the record;
 * the shared key-value store caches lookups for a minute, and revocation deletes the cached copy at once, so a
 * revoked session stops working on every replica immediately. With Redis unreachable, lookups go to Postgres (see
 * CacheStore): sessions keep working, and a revocation then cannot drop a copy Redis may still hold for its minute.
 */
@Injectable()
export class SessionService {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly audit: AuditService,
    private readonly cache: CacheStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Starts a session and sets its cookie. Any session the request already carried is ended first, so an attacker
   * who planted a session id gains nothing when the victim signs in (no fixation).
   */
  async start(
    request: Request,
    response: Response,
    options: { userId: string; method: string; state: 'active' | 'pending_second_factor'; secondFactor: boolean },
  ): Promise<void> {
    await this.endCurrent(request);
    const token = mintSecretToken();
    const now = new Date();
    const lifetime =
      options.state === 'pending_second_factor' ? PENDING_SESSION_MAX_MS : this.config.auth.sessionMaxAgeMs;
    await this.sessions.create({
      tokenHash: hashSecret(token),
      userId: options.userId,
      state: options.state,
      authMethod: options.method,
      csrfToken: mintSecretToken(),
      authenticatedAt: now,
      secondFactorAt: options.secondFactor ? now : null,
      expiresAt: new Date(now.getTime() + lifetime),
      userAgent: request.headers['user-agent']?.slice(0, 512) ?? null,
      ipPrefix: ipPrefix(request.ip),
    });
    this.setCookie(response, token, lifetime);
  }

  /** After a second factor succeeds: a fresh session id (privilege changed), now fully active. */
  async completeSecondFactor(request: Request, response: Response, principal: SessionPrincipal): Promise<void> {
    await this.start(request, response, {
      userId: principal.userId,
      method: 'second_factor',
      state: 'active',
      secondFactor: true,
    });
  }

  /** Resolves the cookie to a live session, enforcing the idle and absolute limits. */
  async resolve(request: Request): Promise<SessionPrincipal | undefined> {
    const token = this.cookieToken(request);
    if (!token) return undefined;
    const tokenHash = hashSecret(token);
    const session = await this.load(tokenHash);
    if (!session) return undefined;
    const now = Date.now();
    const idleDeadline = new Date(session.lastSeenAt).getTime() + this.config.auth.sessionIdleMs;
    if (new Date(session.expiresAt).getTime() <= now || idleDeadline <= now) {
      await this.forget([tokenHash], () => this.sessions.deleteWhere({ id: session.id }));
      return undefined;
    }
    if (now - new Date(session.lastSeenAt).getTime() > TOUCH_INTERVAL_MS) {
      session.lastSeenAt = new Date(now).toISOString();
      await this.sessions.touch(session.id, new Date(now));
      await this.cache.set(this.cacheKey(tokenHash), JSON.stringify(session), CACHE_TTL_MS);
    }
    return {
      kind: 'session',
      sessionId: session.id,
      userId: session.userId,
      state: session.state,
      csrfToken: session.csrfToken,
      authenticatedAt: new Date(session.authenticatedAt),
      secondFactorAt: session.secondFactorAt ? new Date(session.secondFactorAt) : null,
    };
  }

  async signOut(request: Request, response: Response, principal: SessionPrincipal): Promise<void> {
    await this.endCurrent(request);
    this.clearCookie(response);
    await this.audit.record(
      { type: 'user', id: principal.userId },
      'auth.sign_out',
      { type: 'session', id: principal.sessionId },
      requestContext(request),
    );
  }

  list(userId: string) {
    return this.sessions.listForUser(userId);
  }

  /** Returns false when the session does not exist or belongs to someone else. */
  async revoke(userId: string, sessionId: string, request: Request): Promise<boolean> {
    const owned = (await this.sessions.listForUser(userId)).some((session) => session.id === sessionId);
    if (!owned) return false;
    await this.forget(undefined, () => this.sessions.deleteWhere({ id: sessionId, userId }));
    await this.audit.record(
      { type: 'user', id: userId },
      'auth.session_revoked',
      { type: 'session', id: sessionId },
      requestContext(request),
    );
    return true;
  }

  async revokeOthers(principal: SessionPrincipal, request: Request): Promise<number> {
    const hashes = await this.forget(undefined, () =>
      this.sessions.deleteWhere({ userId: principal.userId, notId: principal.sessionId }),
    );
    await this.audit.record(
      { type: 'user', id: principal.userId },
      'auth.sessions_revoked',
      null,
      requestContext(request),
      { count: hashes.length },
    );
    return hashes.length;
  }

  /** Ends every session of a user (account deletion, email change). */
  async revokeAll(userId: string): Promise<void> {
    await this.forget(undefined, () => this.sessions.deleteWhere({ userId }));
  }

  /** Sensitive actions (disabling two-step, deleting the account, creating tokens) need proof within this window. */
  assertRecent(principal: Principal | undefined, kind: 'sign-in' | 'second factor', maxAgeMs = 10 * 60_000): void {
    if (principal?.kind !== 'session') throw new RecentAuthenticationRequiredError(kind);
    const at = kind === 'sign-in' ? principal.authenticatedAt : principal.secondFactorAt;
    if (!at || Date.now() - at.getTime() > maxAgeMs) throw new RecentAuthenticationRequiredError(kind);
  }

  deleteExpired() {
    return this.sessions.deleteExpired(new Date());
  }

  private async endCurrent(request: Request): Promise<void> {
    const token = this.cookieToken(request);
    if (!token) return;
    const tokenHash = hashSecret(token);
    await this.forget([tokenHash], async () => {
      const session = await this.sessions.findByTokenHash(tokenHash);
      return session ? this.sessions.deleteWhere({ id: session.id }) : [];
    });
  }

  /** Runs a deletion and drops the cached copies of every session it removed. */
  private async forget(known: string[] | undefined, remove: () => Promise<string[]>): Promise<string[]> {
    const removed = await remove();
    for (const tokenHash of new Set([...(known ?? []), ...removed])) await this.cache.delete(this.cacheKey(tokenHash));
    return removed;
  }

  private async load(tokenHash: string): Promise<CachedSession | undefined> {
    const cached = await this.cache.get(this.cacheKey(tokenHash));
    if (cached) return JSON.parse(cached) as CachedSession;
    const row = await this.sessions.findByTokenHash(tokenHash);
    if (!row) return undefined;
    const session: CachedSession = {
      id: row.id,
      userId: row.userId,
      state: row.state,
      csrfToken: row.csrfToken,
      authenticatedAt: row.authenticatedAt.toISOString(),
      secondFactorAt: row.secondFactorAt?.toISOString() ?? null,
      lastSeenAt: row.lastSeenAt.toISOString(),
      expiresAt: row.expiresAt.toISOString(),
    };
    await this.cache.set(this.cacheKey(tokenHash), JSON.stringify(session), CACHE_TTL_MS);
    return session;
  }

  private cookieToken(request: Request): string | undefined {
    const cookies = request.cookies as Record<string, string> | undefined;
    const value = cookies?.[this.config.auth.sessionCookieName];
    return value && /^[A-Za-z0-9_-]{43}$/.test(value) ? value : undefined;
  }

  private setCookie(response: Response, token: string, maxAgeMs: number): void {
    response.cookie(this.config.auth.sessionCookieName, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.auth.secureCookies,
      path: '/',
      maxAge: maxAgeMs,
    });
  }

  clearCookie(response: Response): void {
    response.clearCookie(this.config.auth.sessionCookieName, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.auth.secureCookies,
      path: '/',
    });
  }

  private cacheKey(tokenHash: string): string {
    return `session:${tokenHash}`;
  }
}
