import { randomBytes } from 'node:crypto';
import { DecryptionError, FieldEncryption, keyIdOf } from './field-encryption';

describe('FieldEncryption', () => {
  const oldKey = randomBytes(32);
  const newKey = randomBytes(32);

  it('round-trips a value and never stores the plaintext', () => {
    const encryption = new FieldEncryption(newKey);
    const stored = encryption.encrypt('ghp_realtoken123', 'oauth:user-1');
    expect(stored).not.toContain('ghp_realtoken123');
    expect(stored.split('.')).toHaveLength(5);
    expect(stored.startsWith(`v1.${keyIdOf(newKey)}.`)).toBe(true);
    expect(encryption.decrypt(stored, 'oauth:user-1')).toBe('ghp_realtoken123');
  });

  it('uses a fresh 96-bit IV for every value', () => {
    const encryption = new FieldEncryption(newKey);
    const ivs = new Set(Array.from({ length: 200 }, () => encryption.encrypt('same', 'ctx').split('.')[2]));
    expect(ivs.size).toBe(200);
    expect(Buffer.from([...ivs][0] as string, 'base64url')).toHaveLength(12);
  });

  it('reads values written with a previous key after rotation, and says they need re-encryption', () => {
    const before = new FieldEncryption(oldKey).encrypt('secret', 'ctx');
    const after = new FieldEncryption(newKey, [oldKey]);
    expect(after.decrypt(before, 'ctx')).toBe('secret');
    expect(after.needsRotation(before)).toBe(true);
    expect(after.needsRotation(after.encrypt('secret', 'ctx'))).toBe(false);
    expect(() => new FieldEncryption(newKey).decrypt(before, 'ctx')).toThrow(/no key with id/);
  });

  it('fails closed when any byte of the stored value is corrupted', () => {
    const encryption = new FieldEncryption(newKey);
    const stored = encryption.encrypt('a secret worth protecting', 'ctx');
    const [version, keyId, ...parts] = stored.split('.');
    for (let part = 0; part < parts.length; part += 1) {
      const bytes = Buffer.from(parts[part] as string, 'base64url');
      bytes[bytes.length - 1]! ^= 0x01;
      const tampered = [
        version,
        keyId,
        ...parts.map((value, index) => (index === part ? bytes.toString('base64url') : value)),
      ].join('.');
      expect(() => encryption.decrypt(tampered, 'ctx')).toThrow(DecryptionError);
    }
  });

  it('refuses a value moved to another context', () => {
    const encryption = new FieldEncryption(newKey);
    const stored = encryption.encrypt('totp-secret', 'totp:user-1');
    expect(() => encryption.decrypt(stored, 'totp:user-2')).toThrow(DecryptionError);
  });

  it('rejects malformed values and keys of the wrong size', () => {
    const encryption = new FieldEncryption(newKey);
    expect(() => encryption.decrypt('plaintext', 'ctx')).toThrow(/unknown format/);
    expect(() => new FieldEncryption(randomBytes(16))).toThrow(/32 bytes/);
  });
});
