import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Logger } from 'pino';
import { LOGGER } from '../../common/logging/logging.module';
import type { EmailToken, EmailTokenPurpose } from '../../generated/prisma/client';
import { JobQueue } from '../../jobs/job-queue';
import { EmailTokenRepository } from './email-token.repository';
import { hashSecret, mintSecretToken } from '../../common/crypto/secret-token';

/** Links sent by email are valid this long; the mails say so. */
export const EMAIL_TOKEN_TTL_MS = 15 * 60_000;
export const EMAIL_TOKEN_TTL_MINUTES = EMAIL_TOKEN_TTL_MS / 60_000;
export const PURGE_EXPIRED_EMAIL_TOKENS = 'email_tokens.purge_expired';
// Expired rows are kept a day, so a late click still hears "expired" rather than "invalid".
const KEEP_EXPIRED_MS = 24 * 60 * 60_000;
const HOURLY = 60 * 60_000;

export type Redemption =
  | { ok: true; token: EmailToken }
  /** `refused`: the caller's check rejected a valid token, which is left unused. */
  | { ok: false; reason: 'invalid' | 'expired' | 'refused'; token?: EmailToken };

/**
 * Single-use tokens sent by email (sign-in links, email-change confirmations): 32 random bytes, of which the database
 * keeps only the SHA-256, valid 15 minutes, consumed atomically.
 */
@Injectable()
export class EmailTokenService implements OnModuleInit {
  constructor(
    private readonly tokens: EmailTokenRepository,
    private readonly jobs: JobQueue,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onModuleInit(): void {
    this.jobs.define(PURGE_EXPIRED_EMAIL_TOKENS, async () => {
      const { count } = await this.tokens.deleteExpiredBefore(new Date(Date.now() - KEEP_EXPIRED_MS));
      if (count > 0) this.logger.info({ count }, 'purged expired email tokens');
    });
    this.jobs.schedule(PURGE_EXPIRED_EMAIL_TOKENS, HOURLY);
  }

  /** Returns the raw token, to be put in a link; it exists nowhere else afterwards. */
  async issue(purpose: EmailTokenPurpose, email: string, userId: string | null): Promise<string> {
    const token = mintSecretToken();
    await this.tokens.create({
      tokenHash: hashSecret(token),
      purpose,
      email,
      userId,
      expiresAt: new Date(Date.now() + EMAIL_TOKEN_TTL_MS),
    });
    return token;
  }

  /**
   * Uses a token once. `accept` may refuse a valid token (e.g. presented by the wrong account) without consuming it.
   * Unknown, already used and other-purpose tokens are all `invalid`, so the answer reveals nothing more.
   */
  async redeem(
    purpose: EmailTokenPurpose,
    token: string,
    accept: (row: EmailToken) => boolean = () => true,
  ): Promise<Redemption> {
    const row = await this.tokens.findByHash(hashSecret(token));
    if (!row || row.purpose !== purpose) return { ok: false, reason: 'invalid' };
    if (row.usedAt) return { ok: false, reason: 'invalid', token: row };
    const now = new Date();
    if (row.expiresAt <= now) return { ok: false, reason: 'expired', token: row };
    if (!accept(row)) return { ok: false, reason: 'refused', token: row };
    if (!(await this.tokens.consume(row.id, now))) return { ok: false, reason: 'invalid', token: row };
    return { ok: true, token: row };
  }

  revokeOutstanding(where: { purpose: EmailTokenPurpose; email?: string; userId?: string }): Promise<number> {
    return this.tokens.revokeOutstanding(where, new Date());
  }
}
