import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { secretSamples, seededRandom } from '@lynxprompt/scanning/test-samples';
import { createBlueprint } from '../support/blueprints';
import { freshConfigDir, runLynxp, startCliInstance } from '../support/cli';
import {
  loopbackAddress,
  startFederatedInstance,
  waitOutHoldBack,
  type FederatedInstance,
} from '../support/federation';
import { signInAs, type SignedIn } from '../support/sign-in';

const publish = { visibility: 'public', publish: true };

interface SearchPage {
  items: Array<{ id: string; name: string; origin: { instance: string; local: boolean } }>;
  nextCursor: string | null;
}

/**
 * The CLI against real instances on loopback: it signs in through the device grant (approved over the API by a
 * signed-in user while the CLI polls), keeps two instances' logins apart, searches and shows blueprints (a peer's
 * included), and converts and scans offline.
 */
describe('lynxp: login, whoami, logout, search, show, convert, scan (e2e)', () => {
  let a: FederatedInstance;
  let b: FederatedInstance;
  let alice: SignedIn;
  let bob: SignedIn;
  let configDir: string;

  beforeAll(async () => {
    b = await startFederatedInstance(await loopbackAddress('127.0.0.2'), {
      name: 'Peer instance',
      adminEmail: 'admin@peer.test',
    });
    a = await startCliInstance({ OUTBOUND_ALLOW_PRIVATE: b.domain });
    alice = await signInAs(a.app, 'alice@cli.test');
    bob = await signInAs(b.app, 'bob@peer.test');
    configDir = freshConfigDir();
  });
  afterAll(async () => {
    await Promise.all([a, b].filter(Boolean).map((instance) => instance.close()));
    rmSync(configDir, { recursive: true, force: true });
  });

  const lynxp = (args: string[], env?: Record<string, string>) => runLynxp(args, { configDir, env });

  async function handleOf(user: SignedIn): Promise<string> {
    return (await user.agent.get('/api/v1/me').expect(200)).body.handle as string;
  }

  /** `lynxp login`, approved by `user` as soon as the CLI prints its code, the way a person would in the browser. */
  async function login(instance: FederatedInstance, user: SignedIn, extra: string[] = []) {
    let approval: Promise<number> | undefined;
    const result = await runLynxp(['--json', 'login', '--instance', instance.url, '--no-browser', ...extra], {
      configDir,
      onOutput: (_stdout, stderr) => {
        const code = /confirm the code ([A-Z]{4}-[A-Z]{4})/.exec(stderr)?.[1];
        if (code && !approval) {
          approval = user.agent
            .post(`/api/v1/auth/device/requests/${code}/approve`)
            .set(user.writeHeaders)
            .send()
            .then((response) => response.status);
        }
      },
    });
    expect(await approval).toBe(200);
    return result;
  }

  it('logs in to two instances at once through the device grant; whoami and logout work per instance', async () => {
    const first = await login(a, alice);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain(`${a.url}/device?code=`);
    expect(first.json()).toEqual({
      instance: a.url,
      handle: await handleOf(alice),
      scopes: ['profile:read', 'blueprints:read', 'blueprints:write', 'variables:read'],
      expiresAt: expect.any(String),
      default: true,
    });
    const credentials = path.join(configDir, 'credentials.json');
    expect(statSync(credentials).mode & 0o777).toBe(0o600);

    const second = await login(b, bob, ['--scope', 'profile:read blueprints:read']);
    expect(second.code).toBe(0);
    expect(second.json()).toMatchObject({
      instance: b.url,
      handle: await handleOf(bob),
      scopes: ['profile:read', 'blueprints:read'],
    });

    // The last login is the default; --instance reaches the other one with its own token.
    expect((await lynxp(['--json', 'whoami'])).json()).toMatchObject({ instance: b.url, handle: await handleOf(bob) });
    const whoA = await lynxp(['--json', 'whoami', '--instance', a.url]);
    expect(whoA.json()).toMatchObject({
      instance: a.url,
      handle: await handleOf(alice),
      email: 'alice@cli.test',
      tokenEnvironment: 'production',
      source: 'login',
      default: false,
    });
    const human = await lynxp(['whoami', '--all']);
    expect(human.stdout).toContain(`@${await handleOf(alice)}`);
    expect(human.stdout).toContain(`@${await handleOf(bob)}`);

    // The device grant issued a real API token: the account lists it.
    const tokens = (await alice.agent.get('/api/v1/account/api-tokens').expect(200)).body as Array<{
      scopes: string[];
    }>;
    expect(tokens.map((token) => token.scopes)).toContainEqual(first.json<{ scopes: string[] }>().scopes);

    const bToken = (JSON.parse(readFileSync(credentials, 'utf8')) as { instances: Record<string, { token: string }> })
      .instances[b.url]!.token;
    await fetch(`${b.url}/api/v1/me`, { headers: { Authorization: `Bearer ${bToken}` } }).then((response) =>
      expect(response.status).toBe(200),
    );
    const out = await lynxp(['--json', 'logout', '--instance', b.url]);
    expect(out.json()).toEqual({ loggedOut: [b.url], defaultInstance: a.url, revoked: [b.url] });
    // Revoked on the instance, not only forgotten here.
    const afterLogout = await fetch(`${b.url}/api/v1/me`, { headers: { Authorization: `Bearer ${bToken}` } });
    expect(afterLogout.status).toBe(401);
    const gone = await lynxp(['--json', 'whoami', '--instance', b.url]);
    expect(gone.code).toBe(4);
    expect(gone.json<{ error: { code: string } }>().error.code).toBe('UNAUTHENTICATED');
    expect((await lynxp(['--json', 'whoami'])).json()).toMatchObject({ instance: a.url, default: true });
    expect(JSON.parse(readFileSync(credentials, 'utf8')).instances).not.toHaveProperty([b.url]);
  });

  it('searches the catalogue with filters and paging, showing federated results with their origin', async () => {
    const conventions = await createBlueprint(alice, { ...publish, name: 'Kotlin coroutine conventions' });
    await createBlueprint(alice, { ...publish, name: 'Kotlin testing style', tags: ['kotlin', 'testing'] });
    await createBlueprint(alice, { name: 'Kotlin private notes' });
    const remote = await createBlueprint(b.admin, { ...publish, name: 'Kotlin multiplatform rules' });

    const peer = await a.admin.agent
      .post('/api/v1/admin/federation/peers')
      .set(a.admin.writeHeaders)
      .send({ domain: b.domain })
      .expect(201);
    await waitOutHoldBack();
    expect(await a.crawl(peer.body.id as string)).toBe('succeeded');

    const all = (await lynxp(['--json', 'search', 'kotlin'])).json<SearchPage>();
    expect(all.items.map((item) => item.name).sort()).toEqual([
      'Kotlin coroutine conventions',
      'Kotlin multiplatform rules',
      'Kotlin testing style',
    ]);
    expect(all.items.find((item) => item.name === 'Kotlin multiplatform rules')?.origin).toMatchObject({
      instance: b.domain,
      local: false,
    });

    const human = await lynxp(['search', 'kotlin']);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(new RegExp(`Kotlin multiplatform rules .*\\[from ${b.domain.replace('.', '\\.')}\\]`));
    expect(human.stdout).toContain(conventions.id);

    const local = (await lynxp(['--json', 'search', 'kotlin', '--origin', a.domain])).json<SearchPage>();
    expect(local.items.every((item) => item.origin.local)).toBe(true);
    const tagged = (await lynxp(['--json', 'search', '--tag', 'kotlin', '--tag', 'testing'])).json<SearchPage>();
    expect(tagged.items.map((item) => item.name)).toEqual(['Kotlin testing style']);

    const firstPage = (
      await lynxp(['--json', 'search', 'kotlin', '--limit', '2', '--sort', 'newest'])
    ).json<SearchPage>();
    expect(firstPage.items).toHaveLength(2);
    expect(firstPage.nextCursor).toEqual(expect.any(String));
    const next = (
      await lynxp(['--json', 'search', 'kotlin', '--limit', '2', '--sort', 'newest', '--cursor', firstPage.nextCursor!])
    ).json<SearchPage>();
    expect([...firstPage.items, ...next.items].map((item) => item.name).sort()).toEqual(
      all.items.map((i) => i.name).sort(),
    );

    const refused = await lynxp(['--json', 'search', 'kotlin', '--tool', 'no-such-tool']);
    expect(refused.code).toBe(3);
    expect(refused.json<{ error: { code: string } }>().error.code).toBe('UNKNOWN_TOOL');

    // show: by id, by @owner/slug, and a federated one.
    const byId = await lynxp(['--json', 'show', conventions.id]);
    expect(byId.json()).toMatchObject({ id: conventions.id, name: 'Kotlin coroutine conventions', version: 1 });
    const slug = byId.json<{ slug: string }>().slug;
    const bySlug = await lynxp(['show', `@${await handleOf(alice)}/${slug}`]);
    expect(bySlug.code).toBe(0);
    expect(bySlug.stdout).toContain('Kotlin coroutine conventions');
    expect(bySlug.stdout).toMatch(/^findings\s+none$/m);
    expect(bySlug.stdout).toMatch(/^exports to .*agents-md/m);
    expect(bySlug.stdout).toMatch(/^ {2}v1 .*\[published\]/m);

    const federatedId = all.items.find((item) => item.name === 'Kotlin multiplatform rules')!.id;
    const federated = await lynxp(['show', federatedId]);
    expect(federated.code).toBe(0);
    expect(federated.stdout).toMatch(new RegExp(`^origin\\s+${b.domain.replace('.', '\\.')}`, 'm'));
    expect(remote.id).not.toBe(federatedId);

    const missing = await lynxp(['--json', 'show', `@${await handleOf(alice)}/no-such-slug`]);
    expect(missing.code).toBe(3);
    expect(missing.json<{ error: { code: string } }>().error.code).toBe('BLUEPRINT_NOT_FOUND');
  });

  it('converts and scans offline, with no instance at all', async () => {
    const offline = freshConfigDir();
    const repo = path.join(offline, 'repo');
    mkdirSync(path.join(repo, '.cursor/rules'), { recursive: true });
    writeFileSync(
      path.join(repo, '.cursor/rules/kotlin.mdc'),
      '---\ndescription: Kotlin rules\nglobs: src/**/*.kt\nalwaysApply: false\n---\n# Kotlin\n\nPrefer val.\n',
    );
    const sample = secretSamples(seededRandom(20)).find((candidate) => candidate.confidence === 'high')!;
    writeFileSync(path.join(repo, 'CLAUDE.md'), `# Project\n\n${sample.line}\n`);
    // An unreachable instance: nothing below may need one.
    const env = { LYNXPROMPT_URL: 'http://127.0.0.1:1' };
    try {
      const converted = await runLynxp(
        ['convert', '.cursor/rules/kotlin.mdc', '--to', 'claude-md', '--out', 'CLAUDE.kotlin.md'],
        {
          configDir: offline,
          cwd: repo,
          env,
        },
      );
      expect(converted.code).toBe(0);
      expect(readFileSync(path.join(repo, 'CLAUDE.kotlin.md'), 'utf8')).toContain('Prefer val.');
      expect(converted.stderr).toMatch(/dropped\s+globs/);

      const scanned = await runLynxp(['--json', 'scan', '.', '--fail-on', 'secrets'], {
        configDir: offline,
        cwd: repo,
        env,
      });
      expect(scanned.code).toBe(1);
      expect(scanned.stdout).not.toContain(sample.secret);
      expect(scanned.json()).toMatchObject({
        files: [{ path: 'CLAUDE.md', findings: [expect.objectContaining({ category: 'secret', line: 3 })] }],
        totals: { secrets: { high: 1, low: 0 }, hiddenInstructions: 0 },
        failed: true,
      });
      const annotations = await runLynxp(['scan', '.', '--format', 'github'], { configDir: offline, cwd: repo, env });
      expect(annotations.code).toBe(0);
      expect(annotations.stdout).toMatch(/^::error file=CLAUDE\.md,line=3,/m);
    } finally {
      rmSync(offline, { recursive: true, force: true });
    }
  });
});
