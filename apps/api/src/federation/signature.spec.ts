import { createHash, generateKeyPairSync } from 'node:crypto';
import {
  generateSigningKey,
  keyIdOf,
  parseSignatureHeader,
  publicKeyFromRaw,
  rawPublicKey,
  signatureHeader,
  signingMessage,
  verifySignature,
} from './signature';

const PATH = '/api/v1/federation/blueprints?cursor=abc&limit=100';
const BODY = Buffer.from('{"protocol":"lynxprompt-federation/1","blueprints":[]}');
const NOW = Date.UTC(2026, 10, 22, 10, 0, 0);

describe('federation signatures', () => {
  const key = generateSigningKey();
  const pinned = { publicKey: key.publicKey };

  it('names a key by the first 16 base64url characters of the SHA-256 of its raw bytes', () => {
    const raw = Buffer.from(key.publicKey, 'base64url');
    expect(raw).toHaveLength(32);
    expect(key.keyId).toBe(createHash('sha256').update(raw).digest('base64url').slice(0, 16));
    expect(keyIdOf(raw)).toBe(key.keyId);
    expect(key.keyId).toMatch(/^[A-Za-z0-9_-]{16}$/);
  });

  it('signs exactly the four lines of the specification', () => {
    const message = signingMessage(1763805600, PATH, BODY).toString('utf8');
    expect(message).toBe(
      ['lynxprompt-signature/1', '1763805600', PATH, createHash('sha256').update(BODY).digest('hex')].join('\n'),
    );
    // A string body is hashed as its UTF-8 bytes.
    expect(signingMessage(1, '/p', 'é')).toEqual(signingMessage(1, '/p', Buffer.from('é', 'utf8')));
  });

  it('produces a header that verifies against the pinned key', () => {
    const header = signatureHeader(key.privateKey, key.keyId, PATH, BODY, NOW);
    expect(header).toMatch(/^keyId="[A-Za-z0-9_-]{16}", created=\d+, signature="[A-Za-z0-9_-]+"$/);
    expect(verifySignature(header, pinned, PATH, BODY, NOW)).toEqual({ ok: true, keyId: key.keyId });
  });

  it('fails when the body, the path or the query changed', () => {
    const header = signatureHeader(key.privateKey, key.keyId, PATH, BODY, NOW);
    const changedBody = Buffer.from(BODY.toString().replace('[]', '[1]'));
    expect(verifySignature(header, pinned, PATH, changedBody, NOW)).toEqual({ ok: false, reason: 'SIGNATURE_INVALID' });
    expect(verifySignature(header, pinned, PATH.replace('100', '101'), BODY, NOW)).toEqual({
      ok: false,
      reason: 'SIGNATURE_INVALID',
    });
    expect(verifySignature(header, pinned, '/api/v1/federation/blueprints', BODY, NOW).ok).toBe(false);
  });

  it('refuses a signature by another key, even one carrying the pinned key id', () => {
    const other = generateSigningKey();
    const byOther = signatureHeader(other.privateKey, other.keyId, PATH, BODY, NOW);
    expect(verifySignature(byOther, pinned, PATH, BODY, NOW)).toEqual({ ok: false, reason: 'SIGNATURE_KEY_MISMATCH' });
    const impostor = signatureHeader(other.privateKey, key.keyId, PATH, BODY, NOW);
    expect(verifySignature(impostor, pinned, PATH, BODY, NOW)).toEqual({ ok: false, reason: 'SIGNATURE_INVALID' });
    expect(verifySignature(byOther, { publicKey: 'not a key!' }, PATH, BODY, NOW)).toEqual({
      ok: false,
      reason: 'SIGNATURE_KEY_MISMATCH',
    });
  });

  it('accepts created from one hour in the past to five minutes in the future, and nothing outside', () => {
    const at = (offsetSeconds: number) =>
      signatureHeader(key.privateKey, key.keyId, PATH, BODY, NOW + offsetSeconds * 1000);
    expect(verifySignature(at(-3600), pinned, PATH, BODY, NOW).ok).toBe(true);
    expect(verifySignature(at(300), pinned, PATH, BODY, NOW).ok).toBe(true);
    expect(verifySignature(at(-3601), pinned, PATH, BODY, NOW)).toEqual({ ok: false, reason: 'SIGNATURE_EXPIRED' });
    expect(verifySignature(at(301), pinned, PATH, BODY, NOW)).toEqual({ ok: false, reason: 'SIGNATURE_EXPIRED' });
  });

  it('tells a missing header from a malformed one', () => {
    expect(verifySignature(undefined, pinned, PATH, BODY, NOW)).toEqual({ ok: false, reason: 'SIGNATURE_MISSING' });
    expect(verifySignature('  ', pinned, PATH, BODY, NOW)).toEqual({ ok: false, reason: 'SIGNATURE_MISSING' });
    const good = signatureHeader(key.privateKey, key.keyId, PATH, BODY, NOW);
    const signature = /signature="([^"]+)"/.exec(good)?.[1] as string;
    for (const header of [
      'garbage',
      `keyId="${key.keyId}", created=${NOW / 1000}`,
      `keyId="${key.keyId}", created=${NOW / 1000}, signature="${signature}", extra="1"`,
      `keyId="${key.keyId}", keyId="${key.keyId}", created=${NOW / 1000}, signature="${signature}"`,
      `keyId="${key.keyId}", created=-5, signature="${signature}"`,
      `keyId="${key.keyId}", created=${NOW / 1000}, signature="${signature.slice(0, 40)}"`,
      `keyId="short", created=${NOW / 1000}, signature="${signature}"`,
    ]) {
      expect(verifySignature(header, pinned, PATH, BODY, NOW)).toEqual({ ok: false, reason: 'SIGNATURE_MALFORMED' });
    }
  });

  it('reads the parameters in any order and without quotes', () => {
    const good = signatureHeader(key.privateKey, key.keyId, PATH, BODY, NOW);
    const parsed = parseSignatureHeader(good);
    expect(parsed?.keyId).toBe(key.keyId);
    const reordered = `signature=${/signature="([^"]+)"/.exec(good)?.[1]},created=${parsed?.created} , keyId=${key.keyId}`;
    expect(verifySignature(reordered, pinned, PATH, BODY, NOW).ok).toBe(true);
  });

  it('converts keys between KeyObjects and their raw bytes', () => {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const raw = rawPublicKey(publicKey);
    expect(raw).toHaveLength(32);
    expect(rawPublicKey(privateKey)).toEqual(raw);
    expect(rawPublicKey(publicKeyFromRaw(raw))).toEqual(raw);
    expect(() => publicKeyFromRaw(Buffer.alloc(31))).toThrow(/32 bytes/);
    expect(() => rawPublicKey(generateKeyPairSync('x25519').publicKey)).toThrow(/Ed25519/);
  });
});
