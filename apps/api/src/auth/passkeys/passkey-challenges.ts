import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { KEY_VALUE_STORE, type KeyValueStore } from '../../kv/key-value-store';
import { PasskeyChallengeInvalidError } from './passkeys.errors';

/** How long a WebAuthn ceremony may take from options to verify. */
export const PASSKEY_CHALLENGE_TTL_MS = 5 * 60_000;

export type ChallengePurpose = 'registration' | 'sign_in' | 'second_factor';

interface StoredChallenge {
  challenge: string;
  /** The session the ceremony belongs to; null for a usernameless sign-in, which starts without one. */
  sessionId: string | null;
  expiresAt: number;
}

/**
 * Server-side WebAuthn challenges in the shared key-value store, so any replica can finish a ceremony another one
 * started. Each is consumed in one atomic step (`take`), whether or not the verification then succeeds, so a
 * challenge is good for one attempt only. The expiry is also written into the value and checked on read, so the
 * rule holds even where a store keeps a key a little past its TTL.
 */
@Injectable()
export class PasskeyChallenges {
  constructor(@Inject(KEY_VALUE_STORE) private readonly store: KeyValueStore) {}

  /** Registration has no challenge id in the contract: the challenge itself (echoed in clientDataJSON) is the key. */
  async issueForRegistration(challenge: string, sessionId: string): Promise<void> {
    await this.save(this.key('registration', challenge), { challenge, sessionId });
  }

  /** Returns the id the client sends back with its response. */
  async issue(purpose: Exclude<ChallengePurpose, 'registration'>, challenge: string, sessionId: string | null) {
    const challengeId = randomBytes(16).toString('base64url');
    await this.save(this.key(purpose, challengeId), { challenge, sessionId });
    return challengeId;
  }

  /**
   * Consumes a challenge and returns it, or refuses: unknown, already used, expired, issued to another session, or
   * not the challenge the authenticator signed.
   */
  async consume(
    purpose: ChallengePurpose,
    id: string,
    sessionId: string | null,
    signedChallenge: string | undefined,
  ): Promise<string> {
    if (!/^[A-Za-z0-9_-]{16,128}$/.test(id)) throw new PasskeyChallengeInvalidError();
    const raw = await this.store.take(this.key(purpose, id));
    if (!raw) throw new PasskeyChallengeInvalidError();
    const stored = JSON.parse(raw) as StoredChallenge;
    if (stored.expiresAt <= Date.now()) throw new PasskeyChallengeInvalidError();
    if (stored.sessionId !== sessionId) throw new PasskeyChallengeInvalidError();
    if (signedChallenge !== stored.challenge) throw new PasskeyChallengeInvalidError();
    return stored.challenge;
  }

  private async save(key: string, value: Omit<StoredChallenge, 'expiresAt'>): Promise<void> {
    const stored: StoredChallenge = { ...value, expiresAt: Date.now() + PASSKEY_CHALLENGE_TTL_MS };
    await this.store.set(key, JSON.stringify(stored), PASSKEY_CHALLENGE_TTL_MS);
  }

  private key(purpose: ChallengePurpose, id: string): string {
    return `passkey:challenge:${purpose}:${id}`;
  }
}
