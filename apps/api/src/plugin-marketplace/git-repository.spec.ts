import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GitObjectStore } from './git-repository';

/** Runs the real git in `cwd` with no user or system configuration. */
function git(cwd: string, args: string[], input?: Buffer): string {
  return execFileSync('git', args, {
    cwd,
    input,
    env: { ...process.env, HOME: cwd, GIT_CONFIG_NOSYSTEM: '1' },
  }).toString('utf8');
}

describe('GitObjectStore', () => {
  let folder: string;
  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'git-store-'));
    git(folder, ['init', '--quiet']);
  });
  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  // Names chosen for git's tree order: "a.b" sorts before the directory "a" (compared as "a/"), "a-c" before both.
  const files = [
    { path: 'a/x.md', content: Buffer.from('inside a\n') },
    { path: 'a.b', content: Buffer.from('a dot b\n') },
    { path: 'a-c', content: Buffer.from('a dash c\n') },
    { path: 'plugins/p/.claude-plugin/plugin.json', content: Buffer.from('{"name":"p"}\n') },
    { path: 'plugins/p/skills/s/SKILL.md', content: Buffer.from('---\nname: s\n---\n') },
    { path: 'bin.dat', content: Buffer.from([0, 1, 2, 255]) },
  ];

  it('builds the same tree ids as git itself', () => {
    for (const file of files) {
      fs.mkdirSync(path.join(folder, path.dirname(file.path)), { recursive: true });
      fs.writeFileSync(path.join(folder, file.path), file.content);
    }
    git(folder, ['add', '-A']);
    const expected = git(folder, ['write-tree']).trim();
    const { root, directories } = new GitObjectStore().addTree(files);
    expect(root).toBe(expected);
    expect(directories.get('plugins/p')!.id).toBe(git(folder, ['rev-parse', `${expected}:plugins/p`]).trim());
  });

  it('writes a pack git indexes and verifies, holding every object of the commit', async () => {
    const store = new GitObjectStore();
    const { directories } = store.addTree(files);
    const tree = directories.get('')!;
    const commit = store.addCommit(tree.id, 1_700_000_000, 'LynxPrompt <noreply@lynxprompt.invalid>', 'Test');
    const pack = await store.pack([commit, ...tree.objects]);
    const packPath = path.join(folder, 'test.pack');
    fs.writeFileSync(packPath, pack);
    git(folder, ['index-pack', packPath]);
    const listed = git(folder, ['verify-pack', '-v', packPath.replace(/\.pack$/, '.idx')]);
    for (const id of [commit, ...tree.objects]) expect(listed).toContain(id);
    // Loose objects, as the dumb protocol serves them, read back by git.
    const loose = (await store.loose(commit))!;
    const target = path.join(folder, '.git/objects', commit.slice(0, 2));
    fs.mkdirSync(target, { recursive: true });
    fs.writeFileSync(path.join(target, commit.slice(2)), loose);
    expect(git(folder, ['cat-file', '-p', commit])).toContain(`tree ${tree.id}`);
  });
});
