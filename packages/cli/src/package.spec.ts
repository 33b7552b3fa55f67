import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const packageRoot = path.resolve(__dirname, '..');
const bundle = path.join(packageRoot, 'dist/lynxp.cjs');

/** The published package as a user gets it: `npm pack`, then npx from the tarball on a machine that has nothing. */
describe('the npm package', () => {
  let work: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(() => {
    if (!existsSync(bundle)) throw new Error(`${bundle} is missing: run node packages/cli/scripts/build.mjs`);
    work = mkdtempSync(path.join(os.tmpdir(), 'lynxp-pack-'));
    writeFileSync(path.join(work, '.npmrc'), '');
    // A clean npm: its own empty cache and user config, no registry reachable (--offline), nothing installed.
    env = {
      PATH: process.env.PATH,
      HOME: work,
      npm_config_cache: path.join(work, 'cache'),
      npm_config_userconfig: path.join(work, '.npmrc'),
      npm_config_update_notifier: 'false',
      npm_config_fund: 'false',
      npm_config_audit: 'false',
    };
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('packs only the bundle, README, LICENSE and package.json, and runs from the tarball with npx', async () => {
    const packed = await run('npm', ['pack', '--json', '--pack-destination', work], { cwd: packageRoot, env });
    const [manifest] = JSON.parse(packed.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
    expect(manifest!.files.map((file) => file.path).sort()).toEqual([
      'LICENSE',
      'README.md',
      'dist/lynxp.cjs',
      'package.json',
    ]);
    const tarball = path.join(work, manifest!.filename);
    const empty = mkdtempSync(path.join(work, 'project-'));

    // `npx lynxprompt`: the binary named after the package.
    const help = await run('npx', ['--yes', '--offline', `--package=${tarball}`, 'lynxprompt', '--help'], {
      cwd: empty,
      env,
    });
    expect(help.stdout).toContain('Usage: lynxp [options] [command]');
    for (const command of ['login', 'search', 'show', 'convert', 'scan', 'mcp']) {
      expect(help.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
    }
    const version = await run(
      'npm',
      ['exec', '--yes', '--offline', `--package=${tarball}`, '--', 'lynxp', '--version'],
      {
        cwd: empty,
        env,
      },
    );
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('prints nothing on stderr when it starts on this Node (no warnings from the bundle)', async () => {
    const { stdout, stderr } = await run(process.execPath, [bundle, '--help'], { env: { PATH: process.env.PATH } });
    expect(stdout).toContain('Usage: lynxp');
    expect(stderr).toBe('');
  });
});
