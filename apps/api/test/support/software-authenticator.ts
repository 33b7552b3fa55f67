import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/server';

/**
 * A WebAuthn authenticator in software, for API tests: what a browser plus a platform authenticator would hand the
 * page, built byte for byte with node:crypto. ES256 keys, `none` attestation, discoverable credentials (the user
 * handle comes back on every assertion), and a signature counter the test can set, so it can make it go backwards
 * the way a cloned authenticator would.
 */

// Authenticator data flags (WebAuthn §6.1).
const FLAG_UP = 0x01;
const FLAG_UV = 0x04;
const FLAG_BE = 0x08;
const FLAG_BS = 0x10;
const FLAG_AT = 0x40;

interface StoredCredential {
  readonly id: Buffer;
  readonly rpId: string;
  readonly userHandle: string;
  readonly privateKey: KeyObject;
  signCount: number;
}

export interface CeremonyOverrides {
  /** The origin the "browser" writes into clientDataJSON (default: the authenticator's origin). */
  origin?: string;
  /** The RP ID whose hash goes into authenticatorData (default: the options' RP ID). */
  rpId?: string;
  /** Leave out the UV flag, as an authenticator that only tested presence would. */
  userVerified?: boolean;
  /** The clientDataJSON type (default webauthn.create / webauthn.get). */
  type?: string;
  /** Sign over another challenge than the one in the options. */
  challenge?: string;
}

export interface AssertionOverrides extends CeremonyOverrides {
  /** Which credential answers (default: the first allowed one, or for usernameless the newest for the RP). */
  credentialId?: string;
  /** Report exactly this signature counter instead of the next one. */
  signCount?: number;
}

export class SoftwareAuthenticator {
  private readonly credentials: StoredCredential[] = [];

  constructor(
    private readonly origin: string,
    private readonly options: { backupEligible?: boolean; backedUp?: boolean } = {},
  ) {}

  /** navigator.credentials.create(): makes a key pair and answers with a `none` attestation. */
  register(
    options: PublicKeyCredentialCreationOptionsJSON,
    overrides: CeremonyOverrides = {},
  ): RegistrationResponseJSON {
    const rpId = overrides.rpId ?? options.rp.id ?? new URL(this.origin).hostname;
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const credential: StoredCredential = {
      id: randomBytes(32),
      rpId: options.rp.id ?? rpId,
      userHandle: options.user.id,
      privateKey,
      signCount: 0,
    };
    const jwk = publicKey.export({ format: 'jwk' });
    // COSE_Key for ES256 (RFC 9053): kty EC2, alg -7, crv P-256, x, y.
    const coseKey = encodeCbor(
      new Map<number, CborValue>([
        [1, 2],
        [3, -7],
        [-1, 1],
        [-2, Buffer.from(jwk.x as string, 'base64url')],
        [-3, Buffer.from(jwk.y as string, 'base64url')],
      ]),
    );
    const idLength = Buffer.alloc(2);
    idLength.writeUInt16BE(credential.id.length);
    const authData = Buffer.concat([
      this.authDataHead(rpId, FLAG_AT, overrides, credential.signCount),
      Buffer.alloc(16), // AAGUID: all zeros, as `none` attestation reports
      idLength,
      credential.id,
      coseKey,
    ]);
    const attestationObject = encodeCbor(
      new Map<string, CborValue>([
        ['fmt', 'none'],
        ['attStmt', new Map()],
        ['authData', authData],
      ]),
    );
    const clientDataJSON = this.clientData(overrides.type ?? 'webauthn.create', options.challenge, overrides);
    this.credentials.push(credential);
    const id = credential.id.toString('base64url');
    return {
      id,
      rawId: id,
      type: 'public-key',
      authenticatorAttachment: 'platform',
      clientExtensionResults: {},
      response: {
        clientDataJSON: clientDataJSON.toString('base64url'),
        attestationObject: attestationObject.toString('base64url'),
        transports: ['internal', 'hybrid'],
      },
    };
  }

  /** navigator.credentials.get(): signs authenticatorData ‖ SHA-256(clientDataJSON) with the credential's key. */
  authenticate(
    options: PublicKeyCredentialRequestOptionsJSON,
    overrides: AssertionOverrides = {},
  ): AuthenticationResponseJSON {
    const credential = this.pick(options, overrides.credentialId);
    credential.signCount = overrides.signCount ?? credential.signCount + 1;
    const rpId = overrides.rpId ?? options.rpId ?? credential.rpId;
    const authenticatorData = this.authDataHead(rpId, 0, overrides, credential.signCount);
    const clientDataJSON = this.clientData(overrides.type ?? 'webauthn.get', options.challenge, overrides);
    const signature = sign(
      'sha256',
      Buffer.concat([authenticatorData, createHash('sha256').update(clientDataJSON).digest()]),
      credential.privateKey, // DER-encoded ECDSA, as authenticators produce it
    );
    const id = credential.id.toString('base64url');
    return {
      id,
      rawId: id,
      type: 'public-key',
      authenticatorAttachment: 'platform',
      clientExtensionResults: {},
      response: {
        clientDataJSON: clientDataJSON.toString('base64url'),
        authenticatorData: authenticatorData.toString('base64url'),
        signature: signature.toString('base64url'),
        userHandle: credential.userHandle,
      },
    };
  }

  /** Sets the counter the next assertion starts from (it reports this value plus one). */
  setSignCount(credentialId: string, signCount: number): void {
    this.find(credentialId).signCount = signCount;
  }

  signCountOf(credentialId: string): number {
    return this.find(credentialId).signCount;
  }

  private pick(options: PublicKeyCredentialRequestOptionsJSON, credentialId: string | undefined): StoredCredential {
    if (credentialId) return this.find(credentialId);
    const allowed = options.allowCredentials ?? [];
    const candidates = this.credentials.filter(
      (credential) =>
        (!options.rpId || credential.rpId === options.rpId) &&
        (allowed.length === 0 || allowed.some((entry) => entry.id === credential.id.toString('base64url'))),
    );
    const chosen = candidates.at(-1);
    if (!chosen) throw new Error('the software authenticator holds no matching credential');
    return chosen;
  }

  private find(credentialId: string): StoredCredential {
    const credential = this.credentials.find((candidate) => candidate.id.toString('base64url') === credentialId);
    if (!credential) throw new Error(`no credential ${credentialId} in the software authenticator`);
    return credential;
  }

  private authDataHead(rpId: string, extraFlags: number, overrides: CeremonyOverrides, signCount: number): Buffer {
    let flags = FLAG_UP | extraFlags;
    if (overrides.userVerified !== false) flags |= FLAG_UV;
    if (this.options.backupEligible) flags |= FLAG_BE;
    if (this.options.backupEligible && this.options.backedUp) flags |= FLAG_BS;
    const counter = Buffer.alloc(4);
    counter.writeUInt32BE(signCount);
    return Buffer.concat([createHash('sha256').update(rpId).digest(), Buffer.from([flags]), counter]);
  }

  private clientData(type: string, challenge: string, overrides: CeremonyOverrides): Buffer {
    return Buffer.from(
      JSON.stringify({
        type,
        challenge: overrides.challenge ?? challenge,
        origin: overrides.origin ?? this.origin,
        crossOrigin: false,
      }),
    );
  }
}

export type CborValue = number | string | Buffer | Map<number | string, CborValue> | CborValue[];

/**
 * The few CBOR (RFC 8949) types WebAuthn needs, in canonical form: integers (shortest head), byte strings, text
 * strings, arrays and maps, definite lengths only.
 */
export function encodeCbor(value: CborValue): Buffer {
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new Error('only integers are supported');
    return value >= 0 ? head(0, value) : head(1, -1 - value);
  }
  if (typeof value === 'string') {
    const bytes = Buffer.from(value, 'utf8');
    return Buffer.concat([head(3, bytes.length), bytes]);
  }
  if (Buffer.isBuffer(value)) return Buffer.concat([head(2, value.length), value]);
  if (Array.isArray(value)) return Buffer.concat([head(4, value.length), ...value.map(encodeCbor)]);
  const entries = [...value.entries()].flatMap(([key, item]) => [encodeCbor(key), encodeCbor(item)]);
  return Buffer.concat([head(5, value.size), ...entries]);
}

function head(majorType: number, argument: number): Buffer {
  const major = majorType << 5;
  if (argument < 24) return Buffer.from([major | argument]);
  if (argument < 0x100) return Buffer.from([major | 24, argument]);
  if (argument < 0x10000) {
    const buffer = Buffer.alloc(3);
    buffer[0] = major | 25;
    buffer.writeUInt16BE(argument, 1);
    return buffer;
  }
  if (argument < 0x100000000) {
    const buffer = Buffer.alloc(5);
    buffer[0] = major | 26;
    buffer.writeUInt32BE(argument, 1);
    return buffer;
  }
  const buffer = Buffer.alloc(9);
  buffer[0] = major | 27;
  buffer.writeBigUInt64BE(BigInt(argument), 1);
  return buffer;
}
