import { strFromU8, unzipSync } from 'fflate';
import { InvalidZipEntryError } from './formats.errors';
import { buildZip, zipStream, type ZipEntry } from './zip';

describe('buildZip', () => {
  const files = [
    { path: 'AGENTS.md', content: '# Root\n' },
    { path: 'packages/web/.cursor/rules/react.mdc', content: '---\nalwaysApply: true\n---\nReact\n' },
    { path: 'bin/data.bin', content: new Uint8Array([0, 1, 2, 255]) },
  ];

  it('puts every file at its path with its content', () => {
    const entries = unzipSync(buildZip(files));
    expect(Object.keys(entries)).toEqual(files.map((file) => file.path));
    expect(strFromU8(entries['packages/web/.cursor/rules/react.mdc']!)).toBe(files[1]!.content);
    expect([...entries['bin/data.bin']!]).toEqual([0, 1, 2, 255]);
  });

  it('is byte-identical across builds and time zones', () => {
    const first = buildZip(files);
    const originalTz = process.env.TZ;
    try {
      process.env.TZ = 'Pacific/Kiritimati';
      expect(Buffer.from(buildZip(files)).equals(Buffer.from(first))).toBe(true);
    } finally {
      process.env.TZ = originalTz;
    }
    // The local file header's DOS date is 2000-01-01 (year 20 since 1980, month 1, day 1), time 00:00.
    const header = Buffer.from(first);
    expect(header.readUInt16LE(10)).toBe(0);
    expect(header.readUInt16LE(12)).toBe((20 << 9) | (1 << 5) | 1);
  });

  it.each(['/etc/passwd', '../up.md', 'a/../b.md', 'a//b.md', 'C:/x.md', 'a\\b.md', ''])(
    'refuses the entry path %j',
    (path) => {
      expect(() => buildZip([{ path, content: 'x' }])).toThrow(InvalidZipEntryError);
    },
  );

  it('refuses the same path twice', () => {
    expect(() =>
      buildZip([
        { path: 'constructor', content: 'a' },
        { path: 'constructor', content: 'b' },
      ]),
    ).toThrow(InvalidZipEntryError);
  });
});

describe('zipStream', () => {
  it('streams the same archive as buildZip, reading one entry only when the consumer asks for more', async () => {
    const files = [
      { path: 'AGENTS.md', content: '# Root\n'.repeat(1000) },
      { path: 'packages/web/AGENTS.md', content: '# Web\n' },
    ];
    let read = 0;
    async function* entries(): AsyncGenerator<ZipEntry> {
      for (const file of files) {
        read += 1;
        yield file;
      }
    }
    const stream = zipStream(entries());
    const first = await stream.next();
    expect(first.done).toBe(false);
    expect(read).toBe(1);
    const chunks = [first.value as Uint8Array];
    for await (const chunk of stream) chunks.push(chunk);
    expect(read).toBe(2);
    expect(Buffer.concat(chunks).equals(Buffer.from(buildZip(files)))).toBe(true);
    const unzipped = unzipSync(Buffer.concat(chunks));
    expect(strFromU8(unzipped['AGENTS.md']!)).toBe(files[0]!.content);
  });

  it('gives a valid empty archive for no entries', async () => {
    const chunks: Uint8Array[] = [];
    for await (const chunk of zipStream((async function* () {})())) chunks.push(chunk);
    expect(unzipSync(Buffer.concat(chunks))).toEqual({});
  });
});
