import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  findRoot,
  LOCK_FILE,
  readBase,
  readLockfile,
  safePath,
  sha256,
  storeBase,
  writeLockfile,
  type LockEntry,
} from './lockfile';

function entry(overrides: Partial<LockEntry> = {}): LockEntry {
  return {
    path: 'AGENTS.md',
    instance: 'https://lynx.example',
    blueprint: 'bp_abcdefgh',
    version: 2,
    format: 'agents-md',
    sha256: sha256('hello\n'),
    ...overrides,
  };
}

describe('the lockfile', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'lynxp-lock-'));
    mkdirSync(path.join(root, '.git'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('reads as empty when there is none, and round-trips what it wrote', () => {
    expect(readLockfile(root)).toEqual({ lockfileVersion: 1, files: [] });
    const lock = {
      lockfileVersion: 1,
      files: [
        entry({
          variables: { PROJECT: 'acme' },
          origin: 'peer.example',
          files: [{ path: 'references/a.md', sha256: sha256('a') }],
        }),
      ],
    };
    writeLockfile(root, lock);
    expect(readLockfile(root)).toEqual(lock);
  });

  it('writes files sorted by path and keys in a fixed order, whatever order they were built in', () => {
    const b = entry({ path: 'b/AGENTS.md', variables: { Z: '1', A: '2' } });
    const a: LockEntry = {
      sha256: sha256('x'),
      format: 'agents-md',
      version: 1,
      blueprint: 'bp_zzzzzzzz',
      instance: 'https://lynx.example',
      path: 'a.md',
    };
    writeLockfile(root, { lockfileVersion: 1, files: [b, a] });
    const text = readFileSync(path.join(root, LOCK_FILE), 'utf8');
    const parsed = JSON.parse(text) as { files: Record<string, unknown>[] };
    expect(parsed.files.map((file) => file.path)).toEqual(['a.md', 'b/AGENTS.md']);
    expect(Object.keys(parsed.files[0]!)).toEqual(['path', 'instance', 'blueprint', 'version', 'format', 'sha256']);
    expect(Object.keys(parsed.files[1]!.variables as object)).toEqual(['A', 'Z']);
    // Written through a temporary file renamed into place: none is left behind.
    expect(existsSync(path.join(root, `${LOCK_FILE}.${process.pid}.lynxp.tmp`))).toBe(false);
  });

  it.each([
    ['not JSON', '{'],
    ['a newer schema', JSON.stringify({ lockfileVersion: 2, files: [] })],
    ['a bad hash', JSON.stringify({ lockfileVersion: 1, files: [{ ...entry(), sha256: 'abc' }] })],
    ['a path outside the repository', JSON.stringify({ lockfileVersion: 1, files: [entry({ path: '../x.md' })] })],
    ['a path listed twice', JSON.stringify({ lockfileVersion: 1, files: [entry(), entry()] })],
    ['a version of zero', JSON.stringify({ lockfileVersion: 1, files: [entry({ version: 0 })] })],
    [
      'an attached file that is another entry',
      JSON.stringify({
        lockfileVersion: 1,
        files: [entry(), entry({ path: 'skills/x/SKILL.md', files: [{ path: 'AGENTS.md', sha256: sha256('x') }] })],
      }),
    ],
    [
      'an attached file outside the repository',
      JSON.stringify({ lockfileVersion: 1, files: [entry({ files: [{ path: '/etc/x', sha256: sha256('x') }] })] }),
    ],
  ])('refuses %s with LOCKFILE_INVALID', (_what, text) => {
    mkdirSync(path.join(root, '.lynxprompt'));
    writeFileSync(path.join(root, LOCK_FILE), text);
    expect(() => readLockfile(root)).toThrow(expect.objectContaining({ code: 'LOCKFILE_INVALID' }));
  });

  it('finds the root from a sub-folder', () => {
    mkdirSync(path.join(root, 'packages/web'), { recursive: true });
    expect(findRoot(path.join(root, 'packages/web'))).toBe(root);
  });

  it('writes only below the root', () => {
    expect(safePath(root, './.cursor/rules/x.mdc')).toBe('.cursor/rules/x.mdc');
    expect(safePath(root, 'a\\b.md')).toBe('a/b.md');
    for (const bad of [
      '/etc/passwd',
      '../x.md',
      'a/../../x.md',
      'C:/x.md',
      '.git/config',
      '.lynxprompt/lock.json',
      '',
    ]) {
      expect(() => safePath(root, bad)).toThrow(expect.objectContaining({ code: 'UNSAFE_PATH' }));
    }
    const outside = mkdtempSync(path.join(os.tmpdir(), 'lynxp-outside-'));
    try {
      symlinkSync(outside, path.join(root, 'link'));
      expect(() => safePath(root, 'link/AGENTS.md')).toThrow(expect.objectContaining({ code: 'UNSAFE_PATH' }));
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('keeps the bases entries use and drops the others', () => {
    const kept = storeBase(root, 'hello\n');
    const dropped = storeBase(root, 'old\n');
    expect(readBase(root, kept)).toBe('hello\n');
    writeLockfile(root, { lockfileVersion: 1, files: [entry()] });
    expect(readBase(root, kept)).toBe('hello\n');
    expect(readBase(root, dropped)).toBeUndefined();
  });

  it('ignores a base whose content no longer has its hash', () => {
    const hash = storeBase(root, 'hello\n');
    writeFileSync(path.join(root, '.lynxprompt/base', hash), 'tampered\n');
    expect(readBase(root, hash)).toBeUndefined();
  });
});
