import { createPrivateKey, type KeyObject } from 'node:crypto';
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Logger } from 'pino';
import { AuditService, type AuditRequestContext } from '../../audit/audit.service';
import { FieldEncryption } from '../../common/crypto/field-encryption';
import { LOGGER } from '../../common/logging/logging.module';
import type { InstanceKey } from '../../generated/prisma/client';
import { CacheInvalidationBus } from '../../http-cache/cache-invalidation-bus';
import { FEDERATION_CATALOGUE_TAG, WELL_KNOWN_TAG } from '../../http-cache/cache-tags';
import { UsersService } from '../../users/users.service';
import { generateSigningKey } from '../signature';
import { InstanceKeysRepository, type NewInstanceKey } from './instance-keys.repository';

export interface ActiveInstanceKey {
  /** The key's fingerprint, the `keyId` of signatures. */
  readonly id: string;
  /** Raw 32-byte Ed25519 public key, base64url. */
  readonly publicKey: string;
  readonly privateKey: KeyObject;
  readonly createdAt: Date;
}

/**
 * How long a process trusts its copy of the active key. A rotation by another process shows in this process's
 * manifest and signatures within this time; 30 s leaves room for the shared response cache (30 s by default) in
 * front of the manifest, so peers see a new key within a minute of the rotation.
 */
export const KEY_CACHE_TTL_MS = 30_000;

function encryptionContext(id: string): string {
  return `instance-key:${id}`;
}

/** This instance's Ed25519 signing key: created on first start, private half encrypted at rest, rotatable by admins. */
@Injectable()
export class InstanceKeysService implements OnApplicationBootstrap {
  private cached: { key: ActiveInstanceKey; expiresAt: number } | undefined;
  private loading: Promise<ActiveInstanceKey> | undefined;
  /** Bumped by a rotation here, so a read that began before it cannot put the old key back in the cache. */
  private generation = 0;

  constructor(
    private readonly repository: InstanceKeysRepository,
    private readonly encryption: FieldEncryption,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly responses: CacheInvalidationBus,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /**
   * A new instance has its key (and the manifest's updatedAt) from its first start, not its first visitor. A key that
   * cannot be read (ENCRYPTION_KEY changed without ENCRYPTION_PREVIOUS_KEYS) does not stop the instance: federation
   * answers 500 until it is fixed, everything else works.
   */
  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.activeKey();
    } catch (error) {
      this.logger.error({ err: error }, 'the federation signing key cannot be loaded; federation endpoints will fail');
    }
  }

  async activeKey(now = Date.now()): Promise<ActiveInstanceKey> {
    if (this.cached && this.cached.expiresAt > now) return this.cached.key;
    // Concurrent callers share one database round trip.
    this.loading ??= this.load().finally(() => {
      this.loading = undefined;
    });
    return this.loading;
  }

  /** Retires the active key and starts signing with a new one. Peers that pinned the old key need an admin's approval. */
  async rotate(actorUserId: string, context: AuditRequestContext = {}): Promise<ActiveInstanceKey> {
    const admin = await this.users.requireAdmin(actorUserId);
    const { retired, created } = await this.repository.rotate(this.newKey());
    this.generation += 1;
    const key = this.remember(created);
    // Signed catalogue pages and the manifest kept by the shared cache carry the old key.
    this.responses.invalidate([FEDERATION_CATALOGUE_TAG, WELL_KNOWN_TAG]);
    await this.audit.record(
      { type: 'user', id: admin.id },
      'federation.key_rotated',
      { type: 'instance_key', id: key.id },
      context,
      { retiredKeyIds: retired },
    );
    return key;
  }

  private async load(): Promise<ActiveInstanceKey> {
    const generation = this.generation;
    const row = (await this.repository.findActive()) ?? (await this.repository.ensureActive(() => this.newKey()));
    if (generation !== this.generation && this.cached) return this.cached.key;
    return this.remember(row);
  }

  private remember(row: InstanceKey): ActiveInstanceKey {
    const key: ActiveInstanceKey = {
      id: row.id,
      publicKey: row.publicKey,
      privateKey: createPrivateKey(this.encryption.decrypt(row.privateKeyEncrypted, encryptionContext(row.id))),
      createdAt: row.createdAt,
    };
    this.cached = { key, expiresAt: Date.now() + KEY_CACHE_TTL_MS };
    return key;
  }

  private newKey(): NewInstanceKey {
    const { privateKey, publicKey, keyId } = generateSigningKey();
    const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }) as string;
    return { id: keyId, publicKey, privateKeyEncrypted: this.encryption.encrypt(pem, encryptionContext(keyId)) };
  }
}
