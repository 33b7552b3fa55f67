// The part of Node's Buffer that packages/scanning uses (Buffer.from(bytes) and Buffer.from(text, 'base64' or
// 'base64url'), then .toString('utf8')), for the scan worker. Decoding follows Node's forgiving rules: both
// alphabets in either encoding, characters outside them skipped, decoding stops at the first '=', and a trailing
// group of 2 or 3 characters gives 1 or 2 bytes. Checked against Node's Buffer.
const VALUES = new Int8Array(128).fill(-1);
'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.split('').forEach((c, i) => {
  VALUES[c.charCodeAt(0)] = i;
});
VALUES['-'.charCodeAt(0)] = 62;
VALUES['_'.charCodeAt(0)] = 63;

function decodeBase64(text: string): Uint8Array {
  const out: number[] = [];
  let bits = 0;
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x3d) break;
    const value = code < 128 ? VALUES[code]! : -1;
    if (value < 0) continue;
    bits = (bits << 6) | value;
    count += 1;
    if (count === 4) {
      out.push((bits >> 16) & 0xff, (bits >> 8) & 0xff, bits & 0xff);
      bits = 0;
      count = 0;
    }
  }
  if (count === 2) out.push((bits >> 4) & 0xff);
  if (count === 3) out.push((bits >> 10) & 0xff, (bits >> 2) & 0xff);
  return Uint8Array.from(out);
}

// ignoreBOM keeps a leading U+FEFF, as Node does.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

class BrowserBuffer {
  private constructor(private readonly bytes: Uint8Array) {}

  static from(input: ArrayLike<number> | string, encoding?: string): BrowserBuffer {
    if (typeof input !== 'string') return new BrowserBuffer(Uint8Array.from(input));
    if (encoding === 'base64' || encoding === 'base64url') return new BrowserBuffer(decodeBase64(input));
    throw new Error(`Buffer.from(string, ${encoding}) is not provided in the browser`);
  }

  toString(encoding = 'utf8'): string {
    if (encoding !== 'utf8') throw new Error(`toString(${encoding}) is not provided in the browser`);
    return decoder.decode(this.bytes);
  }
}

export { BrowserBuffer as Buffer };
