import { createHash, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';

/** The protocol this instance speaks; published in the manifest and every catalogue page (docs/federation.md). */
export const FEDERATION_PROTOCOL = 'lynxprompt-federation/1';
/** Lower case, as Node exposes incoming headers; HTTP header names are case-insensitive. */
export const SIGNATURE_HEADER = 'lynxprompt-signature';
/** First line of the signed message: names the message format, so a signature cannot be replayed as another. */
export const SIGNED_MESSAGE_VERSION = 'lynxprompt-signature/1';
/** A receiver accepts `created` from this far in the past... */
export const SIGNATURE_MAX_AGE_SECONDS = 60 * 60;
/** ...to this far in the future (clock skew between instances). */
export const SIGNATURE_MAX_SKEW_SECONDS = 5 * 60;

const RAW_KEY_BYTES = 32;
const SIGNATURE_BYTES = 64;
const KEY_ID_PATTERN = /^[A-Za-z0-9_-]{16}$/;
const BASE64URL_PATTERN = /^[A-Za-z0-9_-]+$/;

export type SignatureFailure =
  'SIGNATURE_MISSING' | 'SIGNATURE_MALFORMED' | 'SIGNATURE_KEY_MISMATCH' | 'SIGNATURE_EXPIRED' | 'SIGNATURE_INVALID';

export type SignatureCheck = { ok: true; keyId: string } | { ok: false; reason: SignatureFailure };

export interface ParsedSignature {
  keyId: string;
  created: number;
  signature: Buffer;
}

function sha256Hex(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The key's fingerprint: the first 16 characters of the base64url (no padding) SHA-256 of the raw 32-byte key. */
export function keyIdOf(rawPublicKey: Buffer): string {
  return createHash('sha256').update(rawPublicKey).digest('base64url').slice(0, 16);
}

/** The four lines of section 3, joined by `\n` with no trailing newline, as UTF-8. */
export function signingMessage(created: number, pathAndQuery: string, body: Buffer | string): Buffer {
  return Buffer.from([SIGNED_MESSAGE_VERSION, String(created), pathAndQuery, sha256Hex(body)].join('\n'), 'utf8');
}

/** The value of the LynxPrompt-Signature header for a response body served at `pathAndQuery`. */
export function signatureHeader(
  privateKey: KeyObject,
  keyId: string,
  pathAndQuery: string,
  body: Buffer | string,
  now = Date.now(),
): string {
  const created = Math.floor(now / 1000);
  // Ed25519 hashes internally: the algorithm argument must be null.
  const signature = sign(null, signingMessage(created, pathAndQuery, body), privateKey).toString('base64url');
  return `keyId="${keyId}", created=${created}, signature="${signature}"`;
}

/**
 * Reads `keyId="…", created=…, signature="…"` in any order, quotes optional. Anything else (unknown or repeated
 * parameters, a signature that is not 64 bytes) is malformed: a receiver never guesses.
 */
export function parseSignatureHeader(header: string): ParsedSignature | undefined {
  if (header.length > 1024) return undefined;
  const params = new Map<string, string>();
  for (const part of header.split(',')) {
    const match = /^\s*([A-Za-z]+)\s*=\s*(?:"([^"]*)"|([^\s"]*))\s*$/.exec(part);
    if (!match) return undefined;
    const name = match[1] as string;
    if (params.has(name)) return undefined;
    params.set(name, match[2] ?? match[3] ?? '');
  }
  const keyId = params.get('keyId');
  const created = params.get('created');
  const signature = params.get('signature');
  if (params.size !== 3 || keyId === undefined || created === undefined || signature === undefined) return undefined;
  if (!KEY_ID_PATTERN.test(keyId) || !/^\d{1,12}$/.test(created) || !BASE64URL_PATTERN.test(signature)) {
    return undefined;
  }
  const signatureBytes = Buffer.from(signature, 'base64url');
  if (signatureBytes.length !== SIGNATURE_BYTES) return undefined;
  return { keyId, created: Number(created), signature: signatureBytes };
}

/** An Ed25519 public key from its raw 32 bytes (as the manifest publishes it, base64url-decoded). */
export function publicKeyFromRaw(raw: Buffer): KeyObject {
  if (raw.length !== RAW_KEY_BYTES)
    throw new Error(`An Ed25519 public key is ${RAW_KEY_BYTES} bytes, not ${raw.length}`);
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') }, format: 'jwk' });
}

/** The raw 32 bytes of an Ed25519 public key (or of the public half of a private key). */
export function rawPublicKey(key: KeyObject): Buffer {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  if (publicKey.asymmetricKeyType !== 'ed25519') throw new Error('Not an Ed25519 key');
  const { x } = publicKey.export({ format: 'jwk' });
  return Buffer.from(x as string, 'base64url');
}

/** A fresh signing key with what the manifest publishes about it. */
export function generateSigningKey(): { privateKey: KeyObject; publicKey: string; keyId: string } {
  const { privateKey } = generateKeyPairSync('ed25519');
  const raw = rawPublicKey(privateKey);
  return { privateKey, publicKey: raw.toString('base64url'), keyId: keyIdOf(raw) };
}

/**
 * Section 3's receiver steps against the key pinned for the peer: the header names that key, `created` lies within
 * [now − 1 h, now + 5 min], and the signature verifies over the message rebuilt from what was requested and received.
 */
export function verifySignature(
  header: string | undefined,
  expected: { publicKey: string },
  pathAndQuery: string,
  body: Buffer,
  now = Date.now(),
): SignatureCheck {
  if (header === undefined || header.trim() === '') return { ok: false, reason: 'SIGNATURE_MISSING' };
  const parsed = parseSignatureHeader(header);
  if (!parsed) return { ok: false, reason: 'SIGNATURE_MALFORMED' };
  const raw = BASE64URL_PATTERN.test(expected.publicKey) ? Buffer.from(expected.publicKey, 'base64url') : undefined;
  // A pinned key we cannot even read can match no signature.
  if (!raw || raw.length !== RAW_KEY_BYTES || keyIdOf(raw) !== parsed.keyId) {
    return { ok: false, reason: 'SIGNATURE_KEY_MISMATCH' };
  }
  const nowSeconds = Math.floor(now / 1000);
  if (
    parsed.created < nowSeconds - SIGNATURE_MAX_AGE_SECONDS ||
    parsed.created > nowSeconds + SIGNATURE_MAX_SKEW_SECONDS
  ) {
    return { ok: false, reason: 'SIGNATURE_EXPIRED' };
  }
  let valid: boolean;
  try {
    valid = verify(null, signingMessage(parsed.created, pathAndQuery, body), publicKeyFromRaw(raw), parsed.signature);
  } catch {
    valid = false;
  }
  return valid ? { ok: true, keyId: parsed.keyId } : { ok: false, reason: 'SIGNATURE_INVALID' };
}
