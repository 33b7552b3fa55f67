import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { AppError } from '../errors/app-error';

const VERSION = 'v1';
const IV_BYTES = 12; // 96 bits: the GCM nonce size that needs no extra derivation
const TAG_BYTES = 16;

export class DecryptionError extends AppError {
  constructor(reason: string) {
    super('DECRYPTION_FAILED', `Encrypted value could not be decrypted: ${reason}`, 500);
    this.name = 'DecryptionError';
  }
}

/** A short, stable id derived from the key itself, so no separate id setting can drift from the key. */
export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8);
}

/**
 * AES-256-GCM for secrets at rest (OAuth tokens, TOTP secrets, webhook secrets, saved variables).
 * Stored form: `v1.<keyId>.<iv>.<tag>.<ciphertext>` (base64url parts). Every value gets a fresh random IV; the key id
 * picks the key, so old values stay readable after rotation; `context` (e.g. `totp:<userId>`) is bound as additional
 * authenticated data, so a value copied into another row or field fails to decrypt. Any tampering fails closed.
 */
export class FieldEncryption {
  private readonly currentKeyId: string;
  private readonly keys = new Map<string, Buffer>();

  constructor(currentKey: Buffer, previousKeys: readonly Buffer[] = []) {
    for (const key of [currentKey, ...previousKeys]) {
      if (key.length !== 32) throw new Error('Encryption keys must be 32 bytes');
      this.keys.set(keyIdOf(key), key);
    }
    this.currentKeyId = keyIdOf(currentKey);
  }

  encrypt(plaintext: string, context: string): string {
    const key = this.keys.get(this.currentKeyId) as Buffer;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const parts = [iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString('base64url'));
    return [VERSION, this.currentKeyId, ...parts].join('.');
  }

  decrypt(stored: string, context: string): string {
    const parts = stored.split('.');
    if (parts.length !== 5 || parts[0] !== VERSION) throw new DecryptionError('unknown format');
    const [, keyId, ivPart, tagPart, ciphertextPart] = parts as [string, string, string, string, string];
    const key = this.keys.get(keyId);
    if (!key) throw new DecryptionError(`no key with id ${keyId} is configured`);
    const iv = Buffer.from(ivPart, 'base64url');
    const tag = Buffer.from(tagPart, 'base64url');
    if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new DecryptionError('malformed value');
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(Buffer.from(ciphertextPart, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
    } catch {
      throw new DecryptionError('authentication failed');
    }
  }

  /** True when the value was written with an older key and should be re-encrypted. */
  needsRotation(stored: string): boolean {
    return stored.split('.')[1] !== this.currentKeyId;
  }
}
