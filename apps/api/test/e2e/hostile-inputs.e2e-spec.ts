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

  describe('names others see', () => {
    const RLO = '\u202E';
    const ZWSP = '\u200B';

    function expectRefused(
      response: { status: number; body: { error: { code: string; details: unknown } } },
      field: string,
    ) {
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('VALIDATION_FAILED');
      expect(response.body.error.details).toEqual({
        fields: [
          {
            field,
            messages: [
              expect.stringMatching(
                new RegExp(`^${field} must not contain invisible or text-direction characters \\(found <U\\+`),
              ),
            ],
          },
        ],
      });
    }

    it('refuses bidi controls and zero-width characters in every user-named field', async () => {
      const blueprint = await createBlueprint(owner, { name: 'Plain', visibility: 'public', publish: true });
      const hierarchy = await owner.agent
        .post('/api/v1/hierarchies')
        .set(owner.writeHeaders)
        .send({ name: 'plain' })
        .expect(201);
      const attempts: [
        string,
        () => Promise<{ status: number; body: { error: { code: string; details: unknown } } }>,
      ][] = [
        [
          'displayName',
          () =>
            owner.agent
              .patch('/api/v1/account')
              .set(owner.writeHeaders)
              .send({ displayName: `Ada${RLO}ecalevol` }),
        ],
        [
          'handle',
          () =>
            owner.agent
              .patch('/api/v1/account')
              .set(owner.writeHeaders)
              .send({ handle: `ad${ZWSP}a` }),
        ],
        [
          'name',
          () =>
            owner.agent
              .post('/api/v1/blueprints')
              .set(owner.writeHeaders)
              .send({ name: `Safe${RLO}txt.exe`, kind: 'rules', format: 'agents-md', content: '# x\n' }),
        ],
        [
          'name',
          () =>
            owner.agent
              .patch(`/api/v1/blueprints/${blueprint.id}`)
              .set(owner.writeHeaders)
              .send({ name: `pay${ZWSP}pal` }),
        ],
        [
          'name',
          () =>
            owner.agent
              .post(`/api/v1/blueprints/${blueprint.id}/fork`)
              .set(owner.writeHeaders)
              .send({ name: `fork\u2066ed` }),
        ],
        [
          'name',
          () =>
            owner.agent
              .post('/api/v1/blueprints/import')
              .set(owner.writeHeaders)
              .send({ name: `im\u200Dported`, path: 'AGENTS.md', content: '# x\n' }),
        ],
        [
          'name',
          () => owner.agent.post('/api/v1/hierarchies').set(owner.writeHeaders).send({ name: `acme\u2060/mono` }),
        ],
        [
          'name',
          () =>
            owner.agent
              .patch(`/api/v1/hierarchies/${hierarchy.body.id as string}`)
              .set(owner.writeHeaders)
              .send({ name: `a\uFEFFb` }),
        ],
        [
          'name',
          () =>
            owner.agent
              .post('/api/v1/account/api-tokens')
              .set(owner.writeHeaders)
              .send({ name: `CI\u200F`, scopes: ['blueprints:read'], environment: 'production' }),
        ],
      ];
      for (const [field, attempt] of attempts) expectRefused(await attempt(), field);
      // Nothing was written by any of them.
      const me = await owner.agent.get('/api/v1/auth/session').expect(200);
      expect(JSON.stringify(me.body)).not.toMatch(/[\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/);
    });

    it('stores names in NFC, so slugs and uniqueness see one spelling', async () => {
      const decomposed = await createBlueprint(owner, { name: 'Cafe\u0301 rules' });
      expect(decomposed.name).toBe('Caf\u00e9 rules');
      const hierarchy = await owner.agent
        .post('/api/v1/hierarchies')
        .set(owner.writeHeaders)
        .send({ name: 'Cafe\u0301/mono' })
        .expect(201);
      expect(hierarchy.body.name).toBe('Caf\u00e9/mono');
      const profile = await owner.agent
        .patch('/api/v1/account')
        .set(owner.writeHeaders)
        .send({ displayName: 'Zoe\u0308' })
        .expect(200);
      expect(profile.body.displayName).toBe('Zo\u00eb');
    });

    it('drops invisible characters from a name taken from an imported file instead of storing them', async () => {
      const imported = await owner.agent
        .post('/api/v1/blueprints/import')
        .set(owner.writeHeaders)
        .send({
          path: `.cursor/rules/pay${ZWSP}pal${RLO}.mdc`,
          content: '---\ndescription: x\nalwaysApply: true\n---\n# x\n',
        })
        .expect(201);
      expect(imported.body.name).toBe('paypal');
    });
  });
});
