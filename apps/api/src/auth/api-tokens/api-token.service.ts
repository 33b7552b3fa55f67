import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Principal } from '../principal';
import { ApiTokenRepository } from './api-token.repository';

export const API_TOKEN_PREFIX = 'lp_';
const TOKEN_PATTERN = /^lp_[A-Za-z0-9_-]{43}$/;
// Recording last use on every request would turn reads into writes; once a minute is precise enough.
const USE_RECORD_INTERVAL_MS = 60_000;

export function hashApiToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Mints a token: `lp_` + 32 random bytes. The caller shows it once; only its hash is stored. */
export function mintApiToken(): { token: string; tokenHash: string; prefix: string } {
  const token = `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { token, tokenHash: hashApiToken(token), prefix: token.slice(0, 10) };
}

@Injectable()
export class ApiTokenService {
  constructor(private readonly tokens: ApiTokenRepository) {}

  /** The principal a bearer token stands for, or undefined for a malformed, unknown, revoked or expired token. */
  async authenticate(
    token: string,
    ip: string | undefined,
  ): Promise<Extract<Principal, { kind: 'token' }> | undefined> {
    if (!TOKEN_PATTERN.test(token)) return undefined;
    const row = await this.tokens.findByHash(hashApiToken(token));
    const now = new Date();
    if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now)) return undefined;
    if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > USE_RECORD_INTERVAL_MS) {
      await this.tokens.recordUse(row.id, now, ip ?? null);
    }
    return { kind: 'token', userId: row.userId, tokenId: row.id, scopes: row.scopes, environment: row.environment };
  }
}
