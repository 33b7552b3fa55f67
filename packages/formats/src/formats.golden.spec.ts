import * as fs from 'node:fs';
import * as path from 'node:path';
import { exportDocument, getFormat, importFile, listFormats } from './formats';
import type { BlueprintDocument, BlueprintKind } from './formats.types';

/*
 * One fixed document per kind is exported to every target and compared with a committed, reviewed golden file
 * under golden/<target-id>/<exported path>. Run with UPDATE_GOLDEN=1 to rewrite them, then review the diff.
 */
const GOLDEN_DIR = path.join(__dirname, 'golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

const SAMPLES: Record<BlueprintKind, BlueprintDocument> = {
  rules: {
    kind: 'rules',
    name: 'API conventions',
    description: 'Conventions for the HTTP API: errors, validation and pagination',
    globs: ['src/api/**/*.ts', '**/*.{controller,service}.ts'],
    alwaysApply: false,
    body: [
      '# API conventions',
      '',
      '- Errors are `AppError` subclasses with a stable `code`.',
      '- Validate input with zod at the controller boundary.',
      '- Paginate with an opaque cursor, never an offset.',
      '',
      'The default page size is [[PAGE_SIZE|50]]; ask [[TEAM_EMAIL]] before raising it.',
      '',
      '```ts',
      "throw new NotFoundError('bp_123');",
      '```',
      '',
    ].join('\n'),
  },
  command: {
    kind: 'command',
    name: 'review-pr',
    description: 'Review a pull request for correctness and missing tests',
    argumentHint: '<pr-number>',
    allowedTools: ['Bash(gh pr view:*)', 'Bash(gh pr diff:*)', 'Read'],
    model: 'claude-sonnet-4-5',
    sourceTool: 'claude-code',
    body: [
      'Review pull request $ARGUMENTS.',
      '',
      '1. Read the diff with `gh pr diff $ARGUMENTS`.',
      '2. Report bugs first, then missing tests, then style.',
      '3. Follow the conventions in [[STYLE_GUIDE|docs/style.md]].',
      '',
    ].join('\n'),
  },
  skill: {
    kind: 'skill',
    name: 'changelog-writer',
    description: 'Writes a CHANGELOG entry from the commits since the last tag. Use when preparing a release.',
    allowedTools: ['Bash(git log:*)', 'Read', 'Edit'],
    sourceTool: 'claude-code',
    body: [
      '# Changelog writer',
      '',
      '1. List the commits since the last tag with `git log --oneline $(git describe --tags --abbrev=0)..HEAD`.',
      '2. Group them under Added, Changed, Fixed and Removed.',
      '3. Prepend the entry to CHANGELOG.md under a heading for [[VERSION]].',
      '',
    ].join('\n'),
  },
  agent: {
    kind: 'agent',
    name: 'security-reviewer',
    description: 'Reviews changes for security issues. Use proactively after code that handles input or secrets.',
    allowedTools: ['Read', 'Grep', 'Glob'],
    model: 'opus',
    sourceTool: 'claude-code',
    body: [
      'You are a security reviewer.',
      '',
      '- Look for injection, missing authorization checks and secrets in code or logs.',
      '- Report each finding with file, line, severity and a fix.',
      '',
    ].join('\n'),
  },
  'mcp-config': {
    kind: 'mcp-config',
    name: 'project-servers',
    body: `${JSON.stringify(
      {
        github: {
          type: 'http',
          url: 'https://api.githubcopilot.com/mcp/',
          headers: { Authorization: 'Bearer [[GITHUB_TOKEN]]' },
        },
        postgres: {
          type: 'stdio',
          command: 'npx',
          args: ['-y', '@modelcontextprotocol/server-postgres', 'postgresql://localhost/app'],
          env: { PGPASSWORD: '[[PG_PASSWORD]]' },
        },
      },
      null,
      2,
    )}\n`,
  },
  settings: {
    kind: 'settings',
    name: 'format-and-guard',
    sourceTool: 'claude-code',
    body: `${JSON.stringify(
      {
        hooks: {
          PostToolUse: [
            {
              matcher: 'Edit|Write',
              hooks: [{ type: 'command', command: 'npx prettier --write "$CLAUDE_FILE_PATHS"' }],
            },
          ],
        },
        permissions: { allow: ['Bash(npm run test:*)', 'Read'], deny: ['Read(./.env)'] },
      },
      null,
      2,
    )}\n`,
  },
};

/** Each sample is exported under a slug equal to its name, as the product does for identifiers like skill names. */
const SLUGS: Record<BlueprintKind, string> = {
  rules: 'api-conventions',
  command: 'review-pr',
  skill: 'changelog-writer',
  agent: 'security-reviewer',
  'mcp-config': 'project-servers',
  settings: 'format-and-guard',
};

const CHECKED_FIELDS = ['name', 'description', 'globs', 'argumentHint', 'allowedTools', 'model', 'agent'] as const;

const cases = listFormats().flatMap((format) => format.kinds.map((kind) => [format.id, kind] as const));

describe('golden files', () => {
  it.each(cases)('%s (%s) matches its reviewed golden file and reads back', (formatId, kind) => {
    const sample = SAMPLES[kind];
    const file = exportDocument(sample, formatId, { slug: SLUGS[kind] });
    const goldenPath = path.join(GOLDEN_DIR, formatId, file.path);
    if (UPDATE) {
      fs.mkdirSync(path.dirname(goldenPath), { recursive: true });
      fs.writeFileSync(goldenPath, file.content);
    }
    if (!fs.existsSync(goldenPath)) throw new Error(`Missing golden file ${goldenPath}; run with UPDATE_GOLDEN=1`);
    const golden = fs.readFileSync(goldenPath, 'utf8');
    expect(file.content).toBe(golden);

    const { document } = importFile({ content: golden, format: formatId });
    expect(document.kind).toBe(kind);
    const otherTool = sample.sourceTool !== undefined && sample.sourceTool !== getFormat(formatId).tool;
    if (kind === 'mcp-config' || (kind === 'settings' && !otherTool)) {
      expect(JSON.parse(document.body)).toEqual(JSON.parse(sample.body));
      return;
    }
    if (kind === 'settings') {
      // Another tool's settings: the golden file shows the translation; what did not translate is reported.
      expect(file.droppedFields).toContain('permissions');
      return;
    }
    expect(document.body).toBe(sample.body);
    for (const field of CHECKED_FIELDS) {
      if (sample[field] === undefined || file.droppedFields.includes(field)) continue;
      // A command's name is its file name: carried by the path, not by a key.
      if (field === 'name' && file.path.includes(`/${sample.name}.`)) continue;
      expect({ field, value: document[field] }).toEqual({ field, value: sample[field] });
    }
    const activationReported = file.report.changes.some(
      (change) => change.field === 'alwaysApply' || change.field === 'activation',
    );
    if (!activationReported) {
      expect(document.alwaysApply ?? false).toBe(sample.alwaysApply ?? false);
    }
  });

  it('holds no golden file that no target exports any more', () => {
    const expected = cases.map(([formatId, kind]) =>
      path.join(formatId, exportDocument(SAMPLES[kind], formatId, { slug: SLUGS[kind] }).path),
    );
    const actual = (fs.readdirSync(GOLDEN_DIR, { recursive: true, withFileTypes: true }) as fs.Dirent[])
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(GOLDEN_DIR, path.join(entry.parentPath, entry.name)))
      // The loss table of the corpus chains (formats.meaning.spec.ts) lives beside the exported files.
      .filter((file) => file !== 'loss-table.json');
    expect(actual.sort()).toEqual(expected.sort());
  });
});
