// Sample API answers for tests, shaped like the blueprint API contract.
import type {
  AttachedFile,
  AuthorRef,
  BlueprintDetail,
  BlueprintSummary,
  FormatTarget,
  RenderedFile,
  ScanFinding,
  VersionSummary,
} from '../api/blueprint-types';

export const grace: AuthorRef = { kind: 'user', handle: 'grace', displayName: 'Grace Hopper', avatarUrl: null };
/** The signed-in user of activeSession() in src/test/http-server.ts. */
export const ada: AuthorRef = { kind: 'user', handle: 'ada', displayName: 'Ada Lovelace', avatarUrl: null };

export function summary(overrides: Partial<BlueprintSummary> = {}): BlueprintSummary {
  return {
    id: 'bp_k3n8q2x7w9m4p6r2',
    name: 'React testing rules',
    slug: 'react-testing-rules',
    description: 'How we test React components with Testing Library.',
    kind: 'rules',
    format: 'cursor-rules',
    tool: 'cursor',
    category: 'frontend',
    tags: ['react', 'testing'],
    license: 'MIT',
    visibility: 'public',
    author: grace,
    favoriteCount: 42,
    downloadCount: 1300,
    publishedVersion: 3,
    headVersion: 3,
    hasHiddenInstructions: false,
    forkedFrom: null,
    createdAt: '2026-01-02T10:00:00.000Z',
    updatedAt: '2026-01-05T10:00:00.000Z',
    publishedAt: '2026-01-02T10:00:00.000Z',
    origin: { instance: 'prompts.acme.test', local: true },
    ...overrides,
  };
}

export function detail(overrides: Partial<BlueprintDetail> = {}): BlueprintDetail {
  return {
    ...summary(),
    revision: 7,
    version: 3,
    isDraft: false,
    content: '# Testing\n\nUse **Testing Library** queries by role.\n',
    contentHash: 'a'.repeat(64),
    sizeBytes: 52,
    findings: [],
    findingTotals: { secrets: { high: 0, low: 0 }, hiddenInstructions: 0, truncated: false },
    variables: [],
    isOwner: false,
    isFavorite: false,
    hierarchy: null,
    withheldVersions: [],
    files: [],
    ...overrides,
  };
}

export const formats: FormatTarget[] = [
  {
    id: 'agents-md',
    tool: 'agents-md',
    toolName: 'AGENTS.md',
    label: 'AGENTS.md',
    kinds: ['rules'],
    path: 'AGENTS.md',
    syntax: 'markdown',
    mediaType: 'text/markdown; charset=utf-8',
  },
  {
    id: 'cursor-rules',
    tool: 'cursor',
    toolName: 'Cursor',
    label: 'Cursor project rule (.mdc)',
    kinds: ['rules'],
    path: '.cursor/rules/{slug}.mdc',
    syntax: 'mdc',
    mediaType: 'text/markdown; charset=utf-8',
    docsUrl: 'https://cursor.com/docs/context/rules',
  },
  {
    id: 'copilot-instructions',
    tool: 'github-copilot',
    toolName: 'GitHub Copilot',
    label: 'Copilot path instructions (.instructions.md)',
    kinds: ['rules'],
    path: '.github/instructions/{slug}.instructions.md',
    syntax: 'markdown',
    mediaType: 'text/markdown; charset=utf-8',
  },
  {
    id: 'claude-command',
    tool: 'claude-code',
    toolName: 'Claude Code',
    label: 'Claude Code command',
    kinds: ['command'],
    path: '.claude/commands/{slug}.md',
    syntax: 'markdown',
    mediaType: 'text/markdown; charset=utf-8',
  },
  {
    id: 'claude-mcp',
    tool: 'claude-code',
    toolName: 'Claude Code',
    label: 'Claude Code MCP servers (.mcp.json)',
    kinds: ['mcp-config'],
    path: '.mcp.json',
    syntax: 'json',
    mediaType: 'application/json',
  },
];

export function version(number: number, overrides: Partial<VersionSummary> = {}): VersionSummary {
  return {
    number,
    contentHash: String(number).repeat(64).slice(0, 64),
    sizeBytes: 40 + number,
    format: 'cursor-rules',
    changelog: `Change ${number}`,
    author: grace,
    createdAt: `2026-01-0${number}T10:00:00.000Z`,
    publishedAt: null,
    restoredFrom: null,
    isPublished: false,
    withheld: false,
    withheldReason: null,
    files: [],
    ...overrides,
  };
}

export function finding(overrides: Partial<ScanFinding> = {}): ScanFinding {
  return {
    id: 'f_1',
    category: 'secret',
    rule: 'openai-api-key',
    confidence: 'high',
    line: 3,
    column: 9,
    endLine: 3,
    endColumn: 60,
    message: 'OpenAI API key',
    excerpt: 'KEY=sk-…redacted',
    suggestion: 'Replace it with a template variable: [[OPENAI_API_KEY]]',
    ...overrides,
  };
}

/** A render answer: the converted file and what the conversion changed (nothing, unless overridden). */
export function rendered(overrides: Partial<RenderedFile> = {}): RenderedFile {
  const format = overrides.format ?? 'cursor-rules';
  return {
    version: 1,
    format,
    path: '.cursor/rules/react-testing-rules.mdc',
    fileName: 'react-testing-rules.mdc',
    mediaType: 'text/markdown; charset=utf-8',
    content: '# Testing\n',
    variables: [],
    unresolved: [],
    conversion: { from: 'cursor', to: format, lossless: true, changes: [] },
    droppedFields: [],
    files: [],
    ...overrides,
  };
}

export function attachedFile(overrides: Partial<AttachedFile> = {}): AttachedFile {
  return {
    path: 'references/api.md',
    encoding: 'utf8',
    sizeBytes: 1536,
    contentHash: 'b'.repeat(64),
    findings: [],
    findingTotals: { secrets: { high: 0, low: 0 }, hiddenInstructions: 0, truncated: false },
    ...overrides,
  };
}
