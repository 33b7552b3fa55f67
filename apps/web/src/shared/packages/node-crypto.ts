import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';

// node:crypto as packages/scanning/src/fingerprint.ts uses it (sha256 hex digests of UTF-8 text), for the browser.
const encoder = new TextEncoder();
const hex = (bytes: Uint8Array) => Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');

class Digest {
  private text = '';
  constructor(private readonly key?: string) {}
  update(text: string): this {
    this.text += text;
    return this;
  }
  digest(encoding: 'hex'): string {
    if (encoding !== 'hex') throw new Error(`digest(${encoding}) is not provided in the browser`);
    const message = encoder.encode(this.text);
    return hex(this.key === undefined ? sha256(message) : hmac(sha256, encoder.encode(this.key), message));
  }
}

function only256(algorithm: string) {
  if (algorithm !== 'sha256') throw new Error(`${algorithm} is not provided in the browser`);
}

export function createHash(algorithm: string): Digest {
  only256(algorithm);
  return new Digest();
}

export function createHmac(algorithm: string, key: string): Digest {
  only256(algorithm);
  return new Digest(key);
}
