import { FingerprintCache } from './fingerprint-cache';

describe('FingerprintCache', () => {
  const built: string[] = [];
  const build = (value: string) => () => {
    built.push(value);
    return Promise.resolve(value);
  };
  beforeEach(() => built.splice(0));

  it('builds once per fingerprint, shares a build in flight, and rebuilds when the fingerprint changes', async () => {
    const cache = new FingerprintCache<string>(4);
    const [first, second] = [cache.get('a', 'f1', build('a1')), cache.get('a', 'f1', build('a1 again'))];
    expect(await first).toBe('a1');
    expect(await second).toBe('a1');
    expect(await cache.get('a', 'f2', build('a2'))).toBe('a2');
    expect(built).toEqual(['a1', 'a2']);
  });

  it('does not keep a failed build', async () => {
    const cache = new FingerprintCache<string>(4);
    await expect(cache.get('a', 'f', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    await new Promise((resolve) => setImmediate(resolve));
    expect(await cache.get('a', 'f', build('a'))).toBe('a');
  });

  it('drops the least recently built entries beyond its capacity', async () => {
    const cache = new FingerprintCache<string>(2);
    for (const key of ['a', 'b', 'c']) await cache.get(key, 'f', build(key));
    await cache.get('b', 'f', build('b rebuilt'));
    await cache.get('a', 'f', build('a rebuilt'));
    expect(built).toEqual(['a', 'b', 'c', 'a rebuilt']);
  });

  it('with a byte budget, drops the oldest entries until the rest fit, but keeps the one just built', async () => {
    const cache = new FingerprintCache<string>(10, { maxBytes: 10, sizeOf: (value) => value.length });
    await cache.get('a', 'f', build('aaaa'));
    await cache.get('b', 'f', build('bbbb'));
    await new Promise((resolve) => setImmediate(resolve));
    // 8 bytes: both kept.
    await cache.get('a', 'f', build('never'));
    await cache.get('b', 'f', build('never'));
    expect(built).toEqual(['aaaa', 'bbbb']);
    // 4 + 4 + 6 > 10: the oldest (a) goes; one bigger than the budget on its own is still kept until the next.
    await cache.get('c', 'f', build('cccccc'));
    await new Promise((resolve) => setImmediate(resolve));
    await cache.get('b', 'f', build('never'));
    await cache.get('a', 'f', build('aaaa again'));
    expect(built).toEqual(['aaaa', 'bbbb', 'cccccc', 'aaaa again']);
    await cache.get('z', 'f', build('z'.repeat(50)));
    await new Promise((resolve) => setImmediate(resolve));
    await cache.get('z', 'f', build('never'));
    expect(built.at(-1)).toBe('z'.repeat(50));
  });
});
