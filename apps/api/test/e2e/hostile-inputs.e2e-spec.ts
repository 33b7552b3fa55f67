import { createBlueprint } from '../support/blueprints';
import { signInAs, TestSignInModule, type SignedIn } from '../support/sign-in';
import { startTestApp, type TestApp } from '../support/test-app';

/** "Billion laughs": nine anchors, each nine aliases of the one before, 9^9 strings once expanded. */
function aliasBomb(): string {
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let level = 1; level < 9; level += 1) {
    const name = String.fromCharCode(97 + level);
    const previous = String.fromCharCode(96 + level);
    lines.push(`${name}: &${name} [${Array.from({ length: 9 }, () => `*${previous}`).join(',')}]`);
  }
  return lines.join('\n');
}

describe('Hostile inputs get a coded 4xx, never a 500', () => {
  let testApp: TestApp;
  let owner: SignedIn;

  beforeAll(async () => {
    testApp = await startTestApp({ extraImports: [TestSignInModule] });
    owner = await signInAs(testApp, 'hostile-inputs@example.org');
  });
  afterAll(() => testApp.close());

  describe('YAML', () => {
    const cases: [string, { path: string; content: string }][] = [
      [
        'an alias bomb in rule frontmatter',
        { path: '.cursor/rules/bomb.mdc', content: `---\n${aliasBomb()}\n---\n# Rules\n` },
      ],
      ['an alias bomb in a YAML MCP file', { path: '.continue/mcpServers/bomb.yaml', content: `${aliasBomb()}\n` }],
      [
        'flow collections nested 100,000 deep in frontmatter',
        {
          path: '.cursor/rules/deep.mdc',
          content: `---\nx: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n---\n# Rules\n`,
        },
      ],
    ];

    it.each(cases)(
      'refuses %s on import with FORMAT_PARSE_FAILED, quickly and without growing the heap',
      async (_label, body) => {
        const heapBefore = process.memoryUsage().heapUsed;
        const started = performance.now();
        const response = await owner.agent.post('/api/v1/blueprints/import').set(owner.writeHeaders).send(body);
        const elapsed = performance.now() - started;
        expect(response.status).toBe(422);
        expect(response.body.error.code).toBe('FORMAT_PARSE_FAILED');
        // Generous bounds for a shared CI machine: the unbounded cases take seconds and hundreds of MB, or crash.
        expect(elapsed).toBeLessThan(2_000);
        expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(64 * 1024 * 1024);
      },
    );

    it('refuses to convert a stored blueprint whose frontmatter is an alias bomb', async () => {
      // Create stores content as written; converting it to another format is what parses the YAML.
      const created = await createBlueprint(owner, {
        name: 'Bomb',
        format: 'cursor-rules',
        content: `---\n${aliasBomb()}\n---\n# Rules\n`,
      });
      const response = await owner.agent.get(`/api/v1/blueprints/${created.id}/export?format=copilot-instructions`);
      expect(response.status).toBe(422);
      expect(response.body.error.code).toBe('FORMAT_PARSE_FAILED');
    });

    it('still takes ordinary anchors and aliases', async () => {
      const content = '---\ndescription: &d Shared words\nglobs: src/**/*.ts\nalwaysApply: false\n---\n# Rules\n';
      await owner.agent
        .post('/api/v1/blueprints/import')
        .set(owner.writeHeaders)
        .send({ path: '.cursor/rules/anchors.mdc', content })
        .expect(201);
    });
  });

  describe('repository paths in a hierarchy', () => {
    let hierarchyId: string;
    beforeAll(async () => {
      const hierarchy = await owner.agent
        .post('/api/v1/hierarchies')
        .set(owner.writeHeaders)
        .send({ name: 'paths/monorepo' })
        .expect(201);
      hierarchyId = hierarchy.body.id as string;
      await createBlueprint(owner, {
        name: 'Root',
        format: 'agents-md',
        content: '# Root\n',
        hierarchyId,
        repositoryPath: 'AGENTS.md',
      });
    });

    it('answers 409 REPOSITORY_PATH_TAKEN when a new blueprint takes a path already used', async () => {
      const response = await owner.agent
        .post('/api/v1/blueprints')
        .set(owner.writeHeaders)
        // Spelled differently, normalised to the same path.
        .send({
          name: 'Copy',
          kind: 'rules',
          format: 'agents-md',
          content: '# Copy\n',
          hierarchyId,
          repositoryPath: './AGENTS.md',
        });
      expect(response.status).toBe(409);
      expect(response.body.error).toMatchObject({
        code: 'REPOSITORY_PATH_TAKEN',
        details: { repositoryPath: 'AGENTS.md' },
      });
    });

    it('answers 409 REPOSITORY_PATH_TAKEN when an update moves a blueprint onto a used path, and changes nothing', async () => {
      const other = await createBlueprint(owner, {
        name: 'Web',
        format: 'agents-md',
        content: '# Web\n',
        hierarchyId,
        repositoryPath: 'web/AGENTS.md',
      });
      const response = await owner.agent
        .patch(`/api/v1/blueprints/${other.id}`)
        .set(owner.writeHeaders)
        .send({ repositoryPath: 'AGENTS.md', name: 'Renamed' });
      expect(response.status).toBe(409);
      expect(response.body.error.code).toBe('REPOSITORY_PATH_TAKEN');
      const after = await owner.agent.get(`/api/v1/blueprints/${other.id}`).expect(200);
      expect(after.body).toMatchObject({
        name: 'Web',
        revision: other.revision,
        hierarchy: { repositoryPath: 'web/AGENTS.md' },
      });
    });
  });
});
