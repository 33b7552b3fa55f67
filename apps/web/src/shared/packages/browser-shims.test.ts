import { Buffer as NodeBuffer } from 'node:buffer';
import { createHash as nodeHash, createHmac as nodeHmac } from 'node:crypto';
import { Buffer as BrowserBuffer } from './buffer';
import { createHash, createHmac } from './node-crypto';
import { basename } from './node-path';

/** mulberry32, seeded: failures reproduce. */
function seeded(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  'A',
  'z',
  '0',
  '+',
  '/',
  '-',
  '_',
  '=',
  '==',
  ' ',
  '\n',
  '.',
  '!',
  'é',
  '\u{1F600}',
  '\uD800',
  '\uFEFF',
];

function randomText(random: () => number, pieces: readonly string[], max: number): string {
  let text = '';
  const length = Math.floor(random() * max);
  for (let i = 0; i < length; i++) text += pieces[Math.floor(random() * pieces.length)];
  return text;
}

describe('the scan worker’s stand-ins for Node modules agree with Node', () => {
  it('sha256 and HMAC-SHA-256 hex digests, lengths around the block boundaries included', () => {
    const random = seeded(1);
    const inputs = ['', 'abc', 'a'.repeat(55), 'a'.repeat(56), 'a'.repeat(64), 'a'.repeat(119), 'x'.repeat(1000)];
    for (let i = 0; i < 300; i++) inputs.push(randomText(random, PIECES, 200));
    for (const input of inputs) {
      expect(createHash('sha256').update(input).digest('hex')).toBe(
        nodeHash('sha256').update(input, 'utf8').digest('hex'),
      );
      for (const key of ['k', 'x'.repeat(64), 'y'.repeat(100), 'ключ']) {
        expect(createHmac('sha256', key).update(input).digest('hex')).toBe(
          nodeHmac('sha256', key).update(input, 'utf8').digest('hex'),
        );
      }
    }
  });

  it('base64 and base64url decoding to UTF-8 text, however malformed the input', () => {
    const random = seeded(2);
    const alphabet = [
      ...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_',
      '=',
      ' ',
      '\n',
      '*',
      'é',
    ];
    const inputs = ['', 'QQ', 'QUI', 'QUJD', 'QQ==', 'Q=Q=', 'eyJhbGciOiJIUzI1NiJ9', '77u/aGk', '/w', '_-_-'];
    for (let i = 0; i < 2000; i++) inputs.push(randomText(random, alphabet, 40));
    for (const input of inputs) {
      for (const encoding of ['base64', 'base64url'] as const) {
        expect([input, encoding, BrowserBuffer.from(input, encoding).toString('utf8')]).toEqual([
          input,
          encoding,
          NodeBuffer.from(input, encoding).toString('utf8'),
        ]);
      }
    }
  });

  it('UTF-8 decoding of byte arrays, invalid sequences and a leading BOM included', () => {
    const random = seeded(3);
    const inputs: number[][] = [
      [0xef, 0xbb, 0xbf, 0x41],
      [0xc3],
      [0xe2, 0x82],
      [0xf0, 0x9f, 0x98, 0x80],
      [0xed, 0xa0, 0x80],
    ];
    for (let i = 0; i < 2000; i++) {
      inputs.push(Array.from({ length: Math.floor(random() * 12) }, () => Math.floor(random() * 256)));
    }
    for (const bytes of inputs) {
      expect(BrowserBuffer.from(bytes).toString('utf8')).toBe(NodeBuffer.from(bytes).toString('utf8'));
    }
  });

  it('basename', async () => {
    const path = await import('node:path');
    for (const input of ['blueprint.md', 'a/b/c.p12', 'a/b/', '/', '', 'x//']) {
      expect(basename(input)).toBe(path.posix.basename(input));
    }
  });
});
