import { secretSamples, seededRandom } from '@lynxprompt/scanning/test-samples';
import { createBlueprint, SAMPLE_RULE } from '../support/blueprints';
import { fixture, fixtureFiles, FIXTURE_PATHS } from '../support/import-batch';
import { signInAs, TestSignInModule, type SignedIn } from '../support/sign-in';
import { startTestApp, type TestApp } from '../support/test-app';

interface PreviewItem {
  path: string;
  status: string;
  reason: string;
  detection: { format: string; kind: string; confidence: string; method: string } | null;
  name: string | null;
  slug: string | null;
  scan: { secrets: { high: number; low: number }; findings: { rule: string }[] } | null;
  attachments: { path: string; repositoryPath: string; sizeBytes: number }[];
  conflicts: { code: string; blueprintId?: string | null; paths?: string[] }[];
  notes: { code: string; key?: string }[];
}

interface ItemResult {
  path: string;
  status: string;
  blueprintId: string | null;
  format: string | null;
  kind: string | null;
  attachedFiles: number;
  error: { code: string } | null;
}

describe('Imports: preview and import a batch of files', () => {
  let testApp: TestApp;
  let author: SignedIn;

  beforeAll(async () => {
    testApp = await startTestApp({ extraImports: [TestSignInModule] });
    author = await signInAs(testApp, 'importer@example.org');
  });
  afterAll(() => testApp.close());

  const preview = (files: object[], who = author) =>
    who.agent.post('/api/v1/imports/preview').set(who.writeHeaders).send({ files });
  const runImport = (body: object) => author.agent.post('/api/v1/imports').set(author.writeHeaders).send(body);

  it('previews a repository’s files: formats, a skill with its attachments, unknowns, findings and conflicts; stores nothing', async () => {
    await createBlueprint(author, { name: 'go', slug: 'go', content: SAMPLE_RULE });
    const sample = secretSamples(seededRandom(3)).find((candidate) => candidate.confidence === 'high')!;
    const leaky = `${fixture(FIXTURE_PATHS.cursorRule)}\n${sample.line}\n`;
    const before = await author.agent.get('/api/v1/me/blueprints').expect(200);
    const response = await preview([
      ...fixtureFiles(),
      { path: 'services/api/.cursor/rules/go.mdc', content: leaky },
    ]).expect(200);
    const items = response.body.items as PreviewItem[];
    const byPath = new Map(items.map((item) => [item.path, item]));

    // The skill's reference and licence are attachments, not items of their own.
    expect(items.map((item) => item.path)).toEqual([
      FIXTURE_PATHS.cursorRule,
      FIXTURE_PATHS.copilotInstructions,
      FIXTURE_PATHS.pluginAgent,
      FIXTURE_PATHS.skill,
      FIXTURE_PATHS.readme,
      'services/api/.cursor/rules/go.mdc',
    ]);
    expect(byPath.get(FIXTURE_PATHS.cursorRule)).toMatchObject({
      status: 'ready',
      detection: { format: 'cursor-rules', kind: 'rules', confidence: 'certain', method: 'path' },
      name: 'go',
      slug: 'go',
    });
    expect(byPath.get(FIXTURE_PATHS.copilotInstructions)?.detection?.format).toBe('copilot-instructions');
    const skill = byPath.get(FIXTURE_PATHS.skill)!;
    expect(skill).toMatchObject({ status: 'ready', detection: { format: 'claude-skill', kind: 'skill' } });
    expect(skill.name).toBe('release-notes');
    expect(skill.attachments.map((attachment) => [attachment.path, attachment.repositoryPath])).toEqual([
      ['references/style.md', FIXTURE_PATHS.skillReference],
      ['LICENSE.txt', FIXTURE_PATHS.skillLicense],
    ]);
    expect(byPath.get(FIXTURE_PATHS.readme)).toMatchObject({ status: 'unknown', detection: null });
    expect(byPath.get(FIXTURE_PATHS.readme)?.reason).toMatch(/No format recognises/);
    // A subagent in a plugin folder is told by the repository layout, with how sure that is; its description holds
    // ": ", which strict YAML refuses, so it is read leniently and the preview says so.
    const pluginAgent = byPath.get(FIXTURE_PATHS.pluginAgent)!;
    expect(pluginAgent).toMatchObject({
      status: 'ready',
      detection: { format: 'claude-agent', kind: 'agent', method: 'layout' },
      name: 'c-pro',
    });
    expect(pluginAgent.notes).toEqual([expect.objectContaining({ code: 'LENIENT_FRONTMATTER', key: 'description' })]);
    expect(byPath.get(FIXTURE_PATHS.skill)?.notes).toEqual([]);

    // Findings: the scanner runs on every file.
    const leakyItem = byPath.get('services/api/.cursor/rules/go.mdc')!;
    expect(leakyItem.scan?.secrets.high).toBeGreaterThanOrEqual(1);
    expect(byPath.get(FIXTURE_PATHS.cursorRule)?.scan?.secrets).toEqual({ high: 0, low: 0 });

    // Conflicts: an existing blueprint with the slug, and two files that would get the same name.
    const existing = byPath.get(FIXTURE_PATHS.cursorRule)!.conflicts;
    expect(existing.find((conflict) => conflict.code === 'SLUG_EXISTS')?.blueprintId).toMatch(/^bp_/);
    expect(existing.find((conflict) => conflict.code === 'SAME_NAME_IN_BATCH')?.paths).toEqual([
      'services/api/.cursor/rules/go.mdc',
    ]);

    const after = await author.agent.get('/api/v1/me/blueprints').expect(200);
    expect(after.body.items).toHaveLength(before.body.items.length);
  });

  it('refuses batches over the limits, with stable codes', async () => {
    const many = Array.from({ length: 201 }, (_, index) => ({ path: `rules/${index}.md`, content: '# x' }));
    expect((await preview(many).expect(413)).body.error.code).toBe('IMPORT_TOO_MANY_FILES');
    expect((await preview([{ path: '../outside.md', content: '# x' }]).expect(400)).body.error.code).toBe(
      'IMPORT_INVALID_PATH',
    );
    const twice = [
      { path: 'a.md', content: '# x' },
      { path: './a.md', content: '# y' },
    ];
    expect((await preview(twice).expect(400)).body.error.code).toBe('IMPORT_DUPLICATE_PATH');
    const big = 'a'.repeat(256 * 1024 + 1);
    expect((await preview([{ path: 'big.md', content: big }]).expect(413)).body.error.code).toBe(
      'IMPORT_FILE_TOO_LARGE',
    );
    await author.agent.post('/api/v1/imports/preview').send({ files: [] }).expect(403);
    // An array where an item object belongs is a validation failure, never a 500.
    for (const body of [
      { files: [[]], items: [], target: 'blueprints' },
      { files: [], items: [[]], target: 'blueprints' },
    ]) {
      const refused = await author.agent.post('/api/v1/imports').set(author.writeHeaders).send(body).expect(400);
      expect(refused.body.error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('imports as one hierarchy: overrides, skips, per-item failures, attachments, repository paths', async () => {
    const files = fixtureFiles();
    const response = await runImport({
      files,
      target: 'hierarchy',
      hierarchyName: 'Ledgerline and friends',
      items: [
        { path: FIXTURE_PATHS.cursorRule, name: 'Go rules' },
        { path: FIXTURE_PATHS.copilotInstructions, skip: true },
        { path: FIXTURE_PATHS.pluginAgent, format: 'claude-agent' },
        { path: FIXTURE_PATHS.skill },
        { path: FIXTURE_PATHS.readme },
      ],
    }).expect(201);
    const results = response.body.items as ItemResult[];
    expect(results.map((result) => [result.path, result.status, result.error?.code ?? null])).toEqual([
      [FIXTURE_PATHS.cursorRule, 'created', null],
      [FIXTURE_PATHS.copilotInstructions, 'skipped', null],
      [FIXTURE_PATHS.pluginAgent, 'created', null],
      [FIXTURE_PATHS.skill, 'created', null],
      [FIXTURE_PATHS.readme, 'failed', 'UNKNOWN_FORMAT'],
    ]);
    expect(response.body).toMatchObject({ created: 3, skipped: 1, failed: 1 });
    expect(results[2]).toMatchObject({ format: 'claude-agent', kind: 'agent' });
    expect(results[3]).toMatchObject({ format: 'claude-skill', kind: 'skill', attachedFiles: 2 });

    const hierarchy = await author.agent.get(`/api/v1/hierarchies/${response.body.hierarchyId}`).expect(200);
    expect(hierarchy.body.name).toBe('Ledgerline and friends');
    expect(
      (hierarchy.body.blueprints as { repositoryPath: string; id: string }[])
        .map((member) => [member.repositoryPath, member.id])
        .sort(),
    ).toEqual(
      [
        [FIXTURE_PATHS.cursorRule, results[0]!.blueprintId],
        [FIXTURE_PATHS.pluginAgent, results[2]!.blueprintId],
        [FIXTURE_PATHS.skill, results[3]!.blueprintId],
      ].sort(),
    );
    const agent = await author.agent.get(`/api/v1/blueprints/${results[2]!.blueprintId}`).expect(200);
    expect(agent.body).toMatchObject({ name: 'c-pro', format: 'claude-agent', visibility: 'private' });
    expect(agent.body.content).toBe(fixture(FIXTURE_PATHS.pluginAgent));
    const rule = await author.agent.get(`/api/v1/blueprints/${results[0]!.blueprintId}`).expect(200);
    expect(rule.body.name).toBe('Go rules');

    // A batch sent in several requests: the next one continues the hierarchy; nobody else's can be named.
    const next = await runImport({
      files: fixtureFiles([FIXTURE_PATHS.copilotInstructions]),
      target: 'hierarchy',
      hierarchyId: response.body.hierarchyId,
      items: [{ path: FIXTURE_PATHS.copilotInstructions }],
    }).expect(201);
    expect(next.body).toMatchObject({ hierarchyId: response.body.hierarchyId, created: 1 });
    const grown = await author.agent.get(`/api/v1/hierarchies/${response.body.hierarchyId}`).expect(200);
    expect(grown.body.blueprints).toHaveLength(4);
    const stranger = await signInAs(testApp, 'stranger@example.org');
    const refused = await stranger.agent
      .post('/api/v1/imports')
      .set(stranger.writeHeaders)
      .send({
        files: fixtureFiles([FIXTURE_PATHS.cursorRule]),
        target: 'hierarchy',
        hierarchyId: response.body.hierarchyId,
        items: [{ path: FIXTURE_PATHS.cursorRule }],
      })
      .expect(404);
    expect(refused.body.error.code).toBe('HIERARCHY_NOT_FOUND');
  });

  it('creates no hierarchy when every item fails, and refuses items the files do not hold', async () => {
    const before = await author.agent.get('/api/v1/me/hierarchies').expect(200);
    const response = await runImport({
      files: fixtureFiles([FIXTURE_PATHS.readme, FIXTURE_PATHS.pluginAgent]),
      target: 'hierarchy',
      hierarchyName: 'Nothing good',
      items: [
        { path: FIXTURE_PATHS.readme },
        { path: FIXTURE_PATHS.pluginAgent, format: 'claude-agent', kind: 'rules' },
      ],
    }).expect(201);
    expect(response.body).toMatchObject({ hierarchyId: null, created: 0, failed: 2 });
    expect((response.body.items as ItemResult[]).map((item) => item.error?.code)).toEqual([
      'UNKNOWN_FORMAT',
      'FORMAT_INCOMPATIBLE',
    ]);
    const after = await author.agent.get('/api/v1/me/hierarchies').expect(200);
    expect(after.body.items).toHaveLength(before.body.items.length);

    const unknownItem = await runImport({
      files: fixtureFiles([FIXTURE_PATHS.cursorRule]),
      target: 'blueprints',
      items: [{ path: 'not/sent.md' }],
    }).expect(400);
    expect(unknownItem.body.error.code).toBe('IMPORT_UNKNOWN_ITEM');
    const attachmentOnly = await runImport({
      files: fixtureFiles([FIXTURE_PATHS.skill, FIXTURE_PATHS.skillReference]),
      target: 'blueprints',
      items: [{ path: FIXTURE_PATHS.skillReference }],
    }).expect(400);
    expect(attachmentOnly.body.error.code).toBe('IMPORT_UNKNOWN_ITEM');
    const allSkipped = await runImport({
      files: fixtureFiles([FIXTURE_PATHS.cursorRule]),
      target: 'blueprints',
      items: [{ path: FIXTURE_PATHS.cursorRule, skip: true }],
    }).expect(400);
    expect(allSkipped.body.error.code).toBe('IMPORT_NOTHING_TO_IMPORT');
    const noName = await runImport({
      files: fixtureFiles([FIXTURE_PATHS.cursorRule]),
      target: 'hierarchy',
      items: [{ path: FIXTURE_PATHS.cursorRule }],
    }).expect(400);
    expect(noName.body.error.code).toBe('VALIDATION_FAILED');
  });
});
