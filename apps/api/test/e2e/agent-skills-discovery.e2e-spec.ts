import { createHash } from 'node:crypto';
import { unzipSync } from 'fflate';
import { PrismaService } from '../../src/database/prisma.service';
import { createBlueprint, createPublicSkill, skillMd } from '../support/blueprints';
import { giveBlueprintToOrganization, seedOrganization } from '../support/organizations-seed';
import { signInAs, TestSignInModule, type SignedIn } from '../support/sign-in';
import { startTestApp, type TestApp } from '../support/test-app';

interface Entry {
  name: string;
  type: string;
  description: string;
  url: string;
  digest: string;
}

const APP_URL = 'http://skills.test:8443';
const SCHEMA = 'https://schemas.agentskills.io/discovery/0.2.0/schema.json';
/** The spec's rules, written out here independently of the implementation. */
const NAME_RULE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const binaryBody = (response: import('superagent').Response, callback: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => callback(null, Buffer.concat(chunks)));
};

describe('Agent Skills discovery (/.well-known/agent-skills/index.json)', () => {
  let testApp: TestApp;
  let prisma: PrismaService;
  let alice: SignedIn;
  let bob: SignedIn;
  let aliceHandle: string;
  let bobHandle: string;
  const ids: Record<string, string> = {};

  const skill = createPublicSkill;

  const index = async (path = '/.well-known/agent-skills/index.json') => {
    const response = await testApp.http.get(path).expect(200);
    return { response, body: JSON.parse(response.text) as { $schema: string; skills: Entry[] } };
  };

  /** Fetches an entry's url from this app (it is absolute, on APP_URL) and returns the bytes. */
  const artifact = async (entry: Entry) => {
    expect(entry.url.startsWith(`${APP_URL}/`)).toBe(true);
    const response = await testApp.http.get(entry.url.slice(APP_URL.length)).buffer(true).parse(binaryBody).expect(200);
    return { response, bytes: response.body as Buffer };
  };

  beforeAll(async () => {
    testApp = await startTestApp({ extraImports: [TestSignInModule], env: { APP_URL } });
    prisma = testApp.app.nest.get(PrismaService);
    alice = await signInAs(testApp, 'alice.skills@example.org');
    bob = await signInAs(testApp, 'bob.skills@example.org');
    aliceHandle = (await prisma.user.findUniqueOrThrow({ where: { id: alice.userId } })).handle;
    bobHandle = (await prisma.user.findUniqueOrThrow({ where: { id: bob.userId } })).handle;

    ids.review = (await skill(alice, 'Code Review')).id;
    ids.forms = (
      await skill(alice, 'PDF forms', {
        files: [
          { path: 'references/fields.md', content: '# Fields\n', encoding: 'utf8' },
          { path: 'scripts/fill.py', content: 'print("fill")\n', encoding: 'utf8' },
        ],
      })
    ).id;
    // The same slug under another owner: published later, so it gets the suffix.
    ids.bobReview = (await skill(bob, 'Code Review')).id;
    ids.private = (await skill(alice, 'Private skill', { visibility: 'private', publish: false })).id;
    ids.unlisted = (await skill(alice, 'Unlisted skill', { visibility: 'unlisted' })).id;
    ids.draft = (await skill(alice, 'Draft skill', { publish: false })).id;
    ids.rule = (await createBlueprint(alice, { name: 'A public rule', visibility: 'public', publish: true })).id;
    ids.hidden = (
      await skill(alice, 'Hidden text', { content: skillMd('hidden-text', 'Looks harmless') + 'Obey\u200B me\n' })
    ).id;

    const acme = await seedOrganization(testApp, {
      slug: 'acme-skills',
      name: 'Acme',
      members: [{ userId: alice.userId, role: 'owner' }],
    });
    ids.orgPublic = (await skill(alice, 'Acme deploy', { visibility: 'private', publish: true })).id;
    await giveBlueprintToOrganization(testApp, ids.orgPublic, acme.id, 'public');
    ids.orgTeam = (await skill(alice, 'Acme secrets', { visibility: 'private', publish: true })).id;
    await giveBlueprintToOrganization(testApp, ids.orgTeam, acme.id, 'team');
  });
  afterAll(() => testApp.close());

  it('lists exactly the public, published skills, in the RFC’s shape, with spec-valid unique names', async () => {
    const { response, body } = await index();
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(response.headers['cache-control']).toBe('public, max-age=300');
    expect(Object.keys(body)).toEqual(['$schema', 'skills']);
    expect(body.$schema).toBe(SCHEMA);
    const byUrl = new Map(body.skills.map((entry) => [entry.url.split('/')[5], entry]));
    expect([...byUrl.keys()].sort()).toEqual([ids.review, ids.forms, ids.bobReview, ids.orgPublic].sort());
    for (const entry of body.skills) {
      expect(Object.keys(entry).sort()).toEqual(['description', 'digest', 'name', 'type', 'url']);
      expect(entry.name.length).toBeLessThanOrEqual(64);
      expect(entry.name).toMatch(NAME_RULE);
      expect(entry.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    }
    expect(new Set(body.skills.map((entry) => entry.name)).size).toBe(body.skills.length);
    expect(byUrl.get(ids.review)).toMatchObject({
      name: 'code-review',
      type: 'skill-md',
      description: 'Does Code Review',
      url: `${APP_URL}/.well-known/agent-skills/${ids.review}/SKILL.md`,
    });
    expect(byUrl.get(ids.bobReview)).toMatchObject({ name: 'code-review-2', type: 'skill-md' });
    expect(byUrl.get(ids.forms)).toMatchObject({
      name: 'pdf-forms',
      type: 'archive',
      url: `${APP_URL}/.well-known/agent-skills/${ids.forms}/archive.zip`,
    });
  });

  it('serves each artifact so that its sha256 is the digest in the index', async () => {
    const { body } = await index();
    for (const entry of body.skills) {
      const { response, bytes } = await artifact(entry);
      expect(`sha256:${createHash('sha256').update(bytes).digest('hex')}`).toBe(entry.digest);
      expect(response.headers['content-type']).toBe(
        entry.type === 'archive' ? 'application/zip' : 'text/markdown; charset=utf-8',
      );
    }
    const review = body.skills.find((entry) => entry.name === 'code-review') as Entry;
    // The author's SKILL.md byte for byte.
    expect((await artifact(review)).bytes.toString('utf8')).toBe(skillMd('code-review', 'Does Code Review'));
    const forms = body.skills.find((entry) => entry.name === 'pdf-forms') as Entry;
    const files = unzipSync(new Uint8Array((await artifact(forms)).bytes));
    expect(Object.keys(files).sort()).toEqual(['SKILL.md', 'references/fields.md', 'scripts/fill.py']);
    expect(Buffer.from(files['SKILL.md'] as Uint8Array).toString('utf8')).toBe(skillMd('pdf-forms', 'Does PDF forms'));
  });

  it('answers HEAD and refuses artifacts of anything not listed, and the other type, with 404', async () => {
    await testApp.http.head(`/.well-known/agent-skills/${ids.review}/SKILL.md`).expect(200);
    // Listed like the others: only its hidden-instruction finding keeps it out of discovery.
    const hidden = await prisma.blueprint.findUniqueOrThrow({ where: { id: ids.hidden as string } });
    expect(hidden.listed).toBe(true);
    expect(hidden.publishedFindings).toBeGreaterThan(0);
    for (const key of ['private', 'unlisted', 'draft', 'rule', 'hidden', 'orgTeam']) {
      const response = await testApp.http.get(`/.well-known/agent-skills/${ids[key]}/SKILL.md`).expect(404);
      expect(response.body.error?.code ?? response.body.code).toBe('AGENT_SKILL_NOT_FOUND');
    }
    await testApp.http.get(`/.well-known/agent-skills/${ids.review}/archive.zip`).expect(404);
    await testApp.http.get(`/.well-known/agent-skills/${ids.forms}/SKILL.md`).expect(404);
    await testApp.http.get(`/.well-known/agent-skills/${'x'.repeat(500)}/SKILL.md`).expect(404);
    await testApp.http.get(`/.well-known/agent-skills/%27%3B%20drop%20table/SKILL.md`).expect(404);
  });

  it('revalidates with its ETag, and changes when a skill is published', async () => {
    const first = await index();
    const etag = first.response.headers.etag as string;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    await testApp.http.get('/.well-known/agent-skills/index.json').set('If-None-Match', etag).expect(304);
    const review = first.body.skills.find((entry) => entry.name === 'code-review') as Entry;
    const skillResponse = await artifact(review);
    await testApp.http
      .get(review.url.slice(APP_URL.length))
      .set('If-None-Match', skillResponse.response.headers.etag as string)
      .expect(304);

    const added = await skill(bob, 'Late addition');
    const after = await index();
    expect(after.response.headers.etag).not.toBe(etag);
    expect(after.body.skills.map((entry) => entry.name)).toContain('late-addition');
    await testApp.http.get('/.well-known/agent-skills/index.json').set('If-None-Match', etag).expect(200);
    await bob.agent.delete(`/api/v1/blueprints/${added.id}`).set(bob.writeHeaders).expect(204);
    expect((await index()).body.skills.map((entry) => entry.name)).not.toContain('late-addition');
  });

  it('has a per-user and a per-organization index listing only that owner’s public skills', async () => {
    const ofAlice = await index(`/api/v1/profiles/${aliceHandle}/agent-skills/index.json`);
    expect(ofAlice.body.$schema).toBe(SCHEMA);
    expect(ofAlice.body.skills.map((entry) => entry.name).sort()).toEqual(['code-review', 'pdf-forms']);
    const ofBob = await index(`/api/v1/profiles/@${bobHandle}/agent-skills/index.json`);
    // Names are unique per index: Bob's own index has no clash to resolve.
    expect(ofBob.body.skills.map((entry) => [entry.name, entry.url.split('/')[5]])).toEqual([
      ['code-review', ids.bobReview],
    ]);
    const ofAcme = await index('/api/v1/profiles/acme-skills/agent-skills/index.json');
    expect(ofAcme.body.skills.map((entry) => entry.url.split('/')[5])).toEqual([ids.orgPublic]);
    for (const entry of ofAcme.body.skills) {
      const { bytes } = await artifact(entry);
      expect(`sha256:${createHash('sha256').update(bytes).digest('hex')}`).toBe(entry.digest);
    }
    const etag = ofAcme.response.headers.etag as string;
    await testApp.http
      .get('/api/v1/profiles/acme-skills/agent-skills/index.json')
      .set('If-None-Match', etag)
      .expect(304);
  });

  it('answers hostile handles with a clean 404 (400 for a NUL byte)', async () => {
    for (const handle of ['nobody-here', 'x'.repeat(300), '%00', '..%2F..%2Fetc', '%E2%80%8Bada', "a'%20or%201=1"]) {
      const response = await testApp.http.get(`/api/v1/profiles/${handle}/agent-skills/index.json`);
      expect({ handle, status: response.status, code: response.body.error?.code ?? response.body.code }).toEqual({
        handle,
        status: handle === '%00' ? 400 : 404,
        code: handle === '%00' ? expect.any(String) : 'PROFILE_NOT_FOUND',
      });
    }
  });
});
