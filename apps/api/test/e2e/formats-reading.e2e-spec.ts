import { signInAs, TestSignInModule, type SignedIn } from '../support/sign-in';
import { startTestApp, type TestApp } from '../support/test-app';

// Files real tools accept, that the import used to refuse or misfile: a subagent whose description holds ": ", a
// subagent at a plugin's agents/ path, and Claude Code settings (the settings kind, a new database enum value).
const LENIENT_AGENT = [
  '---',
  'name: security-code-reviewer',
  'description: Use this agent to review code for security issues. Examples: after implementing authentication',
  'tools: Glob, Grep, Read',
  'model: inherit',
  '---',
  '',
  'You are an elite security code reviewer.',
  '',
].join('\n');

const SETTINGS = `${JSON.stringify(
  {
    permissions: { allow: ['Bash(npm test:*)'], deny: ['Read(./.env)'] },
    hooks: { Stop: [{ hooks: [{ type: 'command', command: 'npm test' }] }] },
  },
  null,
  2,
)}\n`;

describe('Formats: importing what the tools read', () => {
  let testApp: TestApp;
  let owner: SignedIn;

  beforeAll(async () => {
    testApp = await startTestApp({ extraImports: [TestSignInModule] });
    owner = await signInAs(testApp, 'reader-of-formats@example.org');
  });
  afterAll(() => testApp.close());

  it('imports a subagent at a plugin path with a description strict YAML refuses, as a Claude agent', async () => {
    const imported = await owner.agent
      .post('/api/v1/blueprints/import')
      .set(owner.writeHeaders)
      .send({ path: 'plugins/review/agents/security-code-reviewer.md', content: LENIENT_AGENT })
      .expect(201);
    expect(imported.body).toMatchObject({
      format: 'claude-agent',
      kind: 'agent',
      name: 'security-code-reviewer',
      description: 'Use this agent to review code for security issues. Examples: after implementing authentication',
    });
  });

  it('stores Claude Code settings as a settings blueprint and exports them back', async () => {
    const imported = await owner.agent
      .post('/api/v1/blueprints/import')
      .set(owner.writeHeaders)
      .send({ path: '.claude/settings.json', content: SETTINGS })
      .expect(201);
    expect(imported.body).toMatchObject({ format: 'claude-settings', kind: 'settings' });
    const exported = await owner.agent
      .get(`/api/v1/blueprints/${imported.body.id as string}/export?format=claude-settings`)
      .expect(200);
    expect(exported.headers['content-disposition']).toContain('settings.json');
    expect(JSON.parse(exported.text)).toEqual(JSON.parse(SETTINGS));
  });

  it('refuses a settings file of another shape with FORMAT_PARSE_FAILED, not a 500', async () => {
    const refused = await owner.agent
      .post('/api/v1/blueprints/import')
      .set(owner.writeHeaders)
      .send({ path: '.claude/settings.json', content: '{"hooks": []}' })
      .expect(422);
    expect(refused.body.error).toMatchObject({
      code: 'FORMAT_PARSE_FAILED',
      details: { format: 'claude-settings', key: 'hooks' },
    });
  });

  it('says how the file was read: its detection and the lenient reading it needed', async () => {
    const imported = await owner.agent
      .post('/api/v1/blueprints/import')
      .set(owner.writeHeaders)
      .send({ path: 'plugins/audit/agents/auditor.md', content: LENIENT_AGENT })
      .expect(201);
    expect(imported.body.detection).toMatchObject({
      format: 'claude-agent',
      kind: 'agent',
      confidence: 'likely',
      method: 'layout',
    });
    expect(imported.body.readNotes).toEqual([
      expect.objectContaining({ code: 'LENIENT_FRONTMATTER', key: 'description', line: 3 }),
    ]);
  });

  it('takes the user’s override of the format, and refuses a kind the format cannot hold', async () => {
    const overridden = await owner.agent
      .post('/api/v1/blueprints/import')
      .set(owner.writeHeaders)
      .send({ path: 'agents/auditor.md', content: LENIENT_AGENT, format: 'gemini-agent' })
      .expect(201);
    expect(overridden.body).toMatchObject({ format: 'gemini-agent', kind: 'agent' });
    expect(overridden.body.detection).toMatchObject({ format: 'gemini-agent', method: 'given' });
    const refused = await owner.agent
      .post('/api/v1/blueprints/import')
      .set(owner.writeHeaders)
      .send({ path: 'agents/auditor.md', content: LENIENT_AGENT, kind: 'command' })
      .expect(422);
    expect(refused.body.error.code).toBe('FORMAT_INCOMPATIBLE');
  });

  it('keeps names as written: a command file named clean_gone exports as clean_gone, a skill is named by its folder', async () => {
    const command = await owner.agent
      .post('/api/v1/blueprints/import')
      .set(owner.writeHeaders)
      .send({
        path: 'commands/clean_gone.md',
        content: '---\ndescription: Remove gone branches\n---\nRun git fetch --prune.\n',
      })
      .expect(201);
    expect(command.body).toMatchObject({ name: 'clean_gone', format: 'claude-command' });
    const prompt = await owner.agent
      .get(`/api/v1/blueprints/${command.body.id as string}/export?format=copilot-prompt`)
      .expect(200);
    expect(prompt.headers['content-disposition']).toContain('clean_gone.prompt.md');
    const skill = await owner.agent
      .post('/api/v1/blueprints/import')
      .set(owner.writeHeaders)
      .send({
        path: 'skills/release-notes/SKILL.md',
        content: '---\ndescription: Write release notes\n---\nSummarise the changes.\n',
      })
      .expect(201);
    expect(skill.body).toMatchObject({ name: 'release-notes', kind: 'skill' });
  });
});
