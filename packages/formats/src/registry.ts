import type { TargetDefinition } from './codecs';
import type { BlueprintKind, FrontmatterField, FrontmatterMapping, FormatSyntax } from './formats.types';
import type { McpServersDialect } from './mcp';

/*
 * Every target the product can import and export. The reference product (LynxPrompt) lists 30 rule targets and 6
 * command targets; each entry below says in `notes` what was corrected against the tool's own documentation.
 * Entries the reference lists for tools that read no instructions file we could verify in their documentation
 * (Sourcegraph Cody, Supermaven, CodeGPT) are not targets; see REMOVED_REFERENCE_TARGETS.
 */

const MEDIA_TYPES: Record<FormatSyntax, string> = {
  markdown: 'text/markdown; charset=utf-8',
  mdc: 'text/markdown; charset=utf-8',
  json: 'application/json',
  yaml: 'application/yaml',
  toml: 'application/toml',
};

function yamlFrontmatter(...fields: FrontmatterField[]): FrontmatterMapping {
  return { container: 'yaml-frontmatter', fields };
}

const field = (
  key: string,
  neutral: FrontmatterField['field'],
  encoding: FrontmatterField['encoding'],
  options: Pick<FrontmatterField, 'required' | 'aliases'> = {},
): FrontmatterField => ({ key, field: neutral, encoding, ...options });

const description = field('description', 'description', 'string');

/** Ends-with match on a `/`-separated path, case-insensitive. */
const at = (pattern: string): RegExp => new RegExp(`(^|/)${pattern}$`, 'i');

type Definition = Omit<TargetDefinition, 'mediaType' | 'scope' | 'frontmatter' | 'detect'> &
  Partial<Pick<TargetDefinition, 'scope' | 'frontmatter' | 'detect'>>;

function define(definition: Definition): TargetDefinition {
  return {
    scope: 'project',
    frontmatter: null,
    detect: [],
    ...definition,
    mediaType: MEDIA_TYPES[definition.syntax],
  };
}

const rules: BlueprintKind[] = ['rules'];
const command: BlueprintKind[] = ['command'];
const mcp: BlueprintKind[] = ['mcp-config'];

/** A plain Markdown rules file: the whole file is the instruction text, with nowhere to put metadata. */
function plainRules(
  id: string,
  tool: string,
  toolName: string,
  path: string,
  detect: RegExp[],
  extra: Pick<TargetDefinition, 'docsUrl' | 'notes'> & { label?: string } = {},
): TargetDefinition {
  return define({
    id,
    tool,
    toolName,
    label: extra.label ?? `${toolName} (${path})`,
    kinds: rules,
    path,
    syntax: 'markdown',
    detect,
    docsUrl: extra.docsUrl,
    notes: extra.notes,
  });
}

const CURSOR_RULE = yamlFrontmatter(
  description,
  field('globs', 'globs', 'comma-list-raw'),
  field('alwaysApply', 'alwaysApply', 'boolean'),
);

const WINDSURF_RULE = yamlFrontmatter(
  field('trigger', 'activation', 'windsurf-trigger'),
  description,
  field('globs', 'globs', 'comma-list-raw'),
);

const PATHS_RULE = yamlFrontmatter(field('paths', 'globs', 'paths-or-always'));

/** The Agent Skills standard's two required keys; other keys (license, compatibility, metadata) stay as written. */
const AGENT_SKILL = yamlFrontmatter(
  field('name', 'name', 'slug'),
  field('description', 'description', 'string', { required: true }),
);

const MCP_SERVERS: Record<string, McpServersDialect> = {
  plain: { remoteUrlKey: 'url', remoteType: 'none', cwd: false },
  claude: { remoteUrlKey: 'url', remoteType: 'http', cwd: false },
  gemini: { remoteUrlKey: 'gemini', remoteType: 'none', cwd: true },
  windsurf: { remoteUrlKey: 'serverUrl', remoteType: 'none', cwd: false },
  roo: { remoteUrlKey: 'url', remoteType: 'streamable-http', cwd: true },
  cline: { remoteUrlKey: 'url', remoteType: 'streamableHttp', cwd: false },
};

export const TARGETS: readonly TargetDefinition[] = [
  // ---- Universal and the most used rule files ------------------------------------------------------------------
  plainRules('agents-md', 'agents-md', 'AGENTS.md', 'AGENTS.md', [at('AGENTS\\.md')], {
    label: 'AGENTS.md (read by Codex, OpenCode, Copilot, Cursor, Zed, Warp, Jules, Amp...)',
    docsUrl: 'https://agents.md',
  }),
  define({
    id: 'cursor-rules',
    tool: 'cursor',
    toolName: 'Cursor',
    label: 'Cursor project rule (.mdc)',
    kinds: rules,
    path: '.cursor/rules/{slug}.mdc',
    syntax: 'mdc',
    frontmatter: CURSOR_RULE,
    detect: [at('\\.cursor/rules/(.+/)?[^/]+\\.mdc')],
    docsUrl: 'https://cursor.com/docs/context/rules',
    notes:
      'Reference pointed at the folder only; one .mdc file per rule. `globs` is written unquoted and comma-separated, as Cursor writes it.',
  }),
  plainRules('cursorrules', 'cursor', 'Cursor', '.cursorrules', [at('\\.cursorrules')], {
    label: 'Cursor legacy rules (.cursorrules)',
    docsUrl: 'https://cursor.com/docs/context/rules',
    notes: 'Deprecated by Cursor in favour of .cursor/rules, still read.',
  }),
  plainRules('claude-md', 'claude-code', 'Claude Code', 'CLAUDE.md', [at('CLAUDE\\.md')], {
    docsUrl: 'https://code.claude.com/docs/en/memory',
  }),
  define({
    id: 'claude-rules',
    tool: 'claude-code',
    toolName: 'Claude Code',
    label: 'Claude Code rule (.claude/rules)',
    kinds: rules,
    path: '.claude/rules/{slug}.md',
    syntax: 'markdown',
    frontmatter: PATHS_RULE,
    detect: [at('\\.claude/rules/(.+/)?[^/]+\\.md')],
    docsUrl: 'https://code.claude.com/docs/en/memory',
    notes: 'Not in the reference. `paths` scopes the rule; without it the rule always applies.',
  }),
  define({
    id: 'copilot-repo-instructions',
    tool: 'github-copilot',
    toolName: 'GitHub Copilot',
    label: 'Copilot repository instructions (.github/copilot-instructions.md)',
    kinds: rules,
    path: '.github/copilot-instructions.md',
    syntax: 'markdown',
    detect: [at('\\.github/copilot-instructions\\.md')],
    docsUrl: 'https://code.visualstudio.com/docs/copilot/customization/custom-instructions',
  }),
  define({
    id: 'copilot-instructions',
    tool: 'github-copilot',
    toolName: 'GitHub Copilot',
    label: 'Copilot path-specific instructions (.instructions.md)',
    kinds: rules,
    path: '.github/instructions/{slug}.instructions.md',
    syntax: 'markdown',
    frontmatter: yamlFrontmatter(
      field('name', 'name', 'string'),
      description,
      field('applyTo', 'activation', 'apply-to'),
    ),
    detect: [at('[^/]+\\.instructions\\.md')],
    docsUrl: 'https://code.visualstudio.com/docs/copilot/customization/custom-instructions',
    notes: 'Not in the reference. `applyTo` is a comma-separated glob list; `**` means always.',
  }),
  define({
    id: 'windsurf-rules',
    tool: 'windsurf',
    toolName: 'Windsurf',
    label: 'Windsurf workspace rule (.windsurf/rules)',
    kinds: rules,
    path: '.windsurf/rules/{slug}.md',
    syntax: 'markdown',
    frontmatter: WINDSURF_RULE,
    detect: [at('\\.windsurf/rules/(.+/)?[^/]+\\.md')],
    docsUrl: 'https://docs.windsurf.com/windsurf/cascade/memories',
    notes: 'Reference wrote the legacy .windsurfrules; current rules are one file each with a `trigger`.',
  }),
  plainRules('windsurfrules', 'windsurf', 'Windsurf', '.windsurfrules', [at('\\.windsurfrules')], {
    label: 'Windsurf legacy rules (.windsurfrules)',
    docsUrl: 'https://docs.windsurf.com/windsurf/cascade/memories',
  }),
  plainRules('gemini-md', 'gemini-cli', 'Gemini CLI', 'GEMINI.md', [at('GEMINI\\.md')], {
    docsUrl: 'https://google-gemini.github.io/gemini-cli/docs/cli/gemini-md.html',
  }),
  define({
    id: 'antigravity-rules',
    tool: 'antigravity',
    toolName: 'Google Antigravity',
    label: 'Antigravity workspace rule (.agents/rules)',
    kinds: rules,
    path: '.agents/rules/{slug}.md',
    syntax: 'markdown',
    frontmatter: WINDSURF_RULE,
    detect: [at('\\.agents?/rules/(.+/)?[^/]+\\.md')],
    docsUrl: 'https://antigravity.google/docs/rules-workflows',
    notes:
      "Reference wrote GEMINI.md (Gemini CLI's file). Antigravity reads workspace rules from .agents/rules (formerly .agent/rules) with Windsurf-style triggers.",
  }),
  plainRules('zed-rules', 'zed', 'Zed', '.rules', [at('\\.rules')], {
    docsUrl: 'https://zed.dev/docs/ai/rules',
    notes: 'Reference wrote .zed/instructions.md, which Zed does not read; Zed reads .rules at the project root.',
  }),
  plainRules('void-rules', 'void', 'Void', '.voidrules', [at('\\.voidrules')], {
    docsUrl: 'https://voideditor.com',
    notes: 'Reference wrote .void/config.json, which Void does not read. Void development is paused.',
  }),
  plainRules('trae-rules', 'trae', 'Trae', '.trae/rules/{slug}.md', [at('\\.trae/rules/(.+/)?[^/]+\\.md')], {
    docsUrl: 'https://docs.trae.ai/ide/rules-for-ai',
    notes: 'Reference wrote .mdc files; Trae reads Markdown (.md) files in .trae/rules.',
  }),
  plainRules(
    'firebase-studio-rules',
    'firebase-studio',
    'Firebase Studio',
    '.idx/airules.md',
    [at('\\.idx/airules\\.md')],
    {
      docsUrl: 'https://firebase.google.com/docs/studio/set-up-gemini',
      notes: 'Reference pointed at the .idx/ folder; the file is .idx/airules.md.',
    },
  ),
  define({
    id: 'cline-rules',
    tool: 'cline',
    toolName: 'Cline',
    label: 'Cline rule (.clinerules/)',
    kinds: rules,
    path: '.clinerules/{slug}.md',
    syntax: 'markdown',
    frontmatter: PATHS_RULE,
    detect: [at('\\.clinerules/(.+/)?[^/]+\\.md'), at('\\.clinerules')],
    docsUrl: 'https://docs.cline.bot/features/cline-rules/conditional-rules',
    notes: 'Reference wrote a single .clinerules file; the folder form holds one rule per file, scoped with `paths`.',
  }),
  plainRules(
    'roo-rules',
    'roo-code',
    'Roo Code',
    '.roo/rules/{slug}.md',
    [at('\\.roo/rules(-[a-z0-9-]+)?/(.+/)?[^/]+\\.(md|txt)')],
    {
      docsUrl: 'https://docs.roocode.com/features/custom-instructions',
      notes: 'Reference wrote .mdc files; Roo reads Markdown/text files without frontmatter.',
    },
  ),
  define({
    id: 'continue-rules',
    tool: 'continue',
    toolName: 'Continue',
    label: 'Continue rule (.continue/rules)',
    kinds: rules,
    path: '.continue/rules/{slug}.md',
    syntax: 'markdown',
    frontmatter: yamlFrontmatter(
      field('name', 'name', 'string', { required: true }),
      description,
      field('globs', 'globs', 'list-or-string'),
      field('alwaysApply', 'alwaysApply', 'boolean'),
    ),
    detect: [at('\\.continue/rules/(.+/)?[^/]+\\.md')],
    docsUrl: 'https://docs.continue.dev/customize/deep-dives/rules',
    notes: 'Reference wrote .continue/config.json, which Continue has deprecated; rules are Markdown blocks.',
  }),
  plainRules(
    'tabnine-guidelines',
    'tabnine',
    'Tabnine',
    '.tabnine/guidelines/{slug}.md',
    [at('\\.tabnine/guidelines/(.+/)?[^/]+\\.md')],
    {
      docsUrl: 'https://docs.tabnine.com/main/getting-started/tabnine-agent/guidelines',
      notes: 'Reference wrote .tabnine.yaml; agent guidelines are Markdown files in .tabnine/guidelines.',
    },
  ),
  plainRules(
    'amazonq-rules',
    'amazon-q',
    'Amazon Q Developer',
    '.amazonq/rules/{slug}.md',
    [at('\\.amazonq/rules/(.+/)?[^/]+\\.md')],
    {
      docsUrl: 'https://docs.aws.amazon.com/amazonq/latest/qdeveloper-ug/context-project-rules.html',
      notes: 'Reference wrote .mdc files; Amazon Q reads Markdown files in .amazonq/rules.',
    },
  ),
  define({
    id: 'augment-rules',
    tool: 'augment',
    toolName: 'Augment Code',
    label: 'Augment rule (.augment/rules)',
    kinds: rules,
    path: '.augment/rules/{slug}.md',
    syntax: 'markdown',
    frontmatter: yamlFrontmatter(field('type', 'activation', 'augment-type'), description),
    detect: [at('\\.augment/rules/(.+/)?[^/]+\\.mdx?')],
    docsUrl: 'https://docs.augmentcode.com/setup-augment/guidelines',
    notes:
      'Reference wrote .mdc files; Augment reads Markdown with `type: always_apply | agent_requested | manual`. Augment has no file globs: glob-scoped rules become agent_requested.',
  }),
  plainRules(
    'kilocode-rules',
    'kilo-code',
    'Kilo Code',
    '.kilocode/rules/{slug}.md',
    [at('\\.kilocode/rules/(.+/)?[^/]+\\.md')],
    {
      docsUrl: 'https://kilocode.ai/docs/advanced-usage/custom-rules',
      notes: 'Reference wrote .mdc files; Kilo Code reads Markdown files in .kilocode/rules.',
    },
  ),
  plainRules('junie-guidelines', 'junie', 'JetBrains Junie', '.junie/guidelines.md', [at('\\.junie/guidelines\\.md')], {
    docsUrl: 'https://www.jetbrains.com/help/junie/customize-guidelines.html',
  }),
  define({
    id: 'kiro-steering',
    tool: 'kiro',
    toolName: 'Kiro',
    label: 'Kiro steering file (.kiro/steering)',
    kinds: rules,
    path: '.kiro/steering/{slug}.md',
    syntax: 'markdown',
    frontmatter: yamlFrontmatter(
      field('inclusion', 'activation', 'kiro-inclusion'),
      field('name', 'name', 'string', { required: true }),
      description,
      field('fileMatchPattern', 'globs', 'list-or-string'),
    ),
    detect: [at('\\.kiro/steering/(.+/)?[^/]+\\.md')],
    docsUrl: 'https://kiro.dev/docs/steering/',
    notes:
      'Reference wrote .mdc files; steering files are Markdown with `inclusion` (always, fileMatch, auto, manual).',
  }),
  plainRules('aider-conventions', 'aider', 'Aider', 'CONVENTIONS.md', [at('CONVENTIONS\\.md')], {
    docsUrl: 'https://aider.chat/docs/usage/conventions.html',
    notes:
      'Reference wrote AIDER.md, which Aider does not read. Aider loads CONVENTIONS.md with `read: CONVENTIONS.md` in .aider.conf.yml.',
  }),
  plainRules('goose-hints', 'goose', 'Goose', '.goosehints', [at('\\.goosehints')], {
    docsUrl: 'https://block.github.io/goose/docs/guides/using-goosehints',
  }),
  plainRules('warp-md', 'warp', 'Warp', 'WARP.md', [at('WARP\\.md')], {
    docsUrl: 'https://docs.warp.dev/knowledge-and-collaboration/rules',
    notes: 'Warp also reads AGENTS.md.',
  }),
  plainRules('opencode-rules', 'opencode', 'OpenCode', 'AGENTS.md', [], {
    label: 'OpenCode rules (AGENTS.md)',
    docsUrl: 'https://opencode.ai/docs/rules/',
    notes: 'Reference wrote opencode.json (its config file, which holds no instructions); OpenCode reads AGENTS.md.',
  }),
  plainRules('codex-rules', 'codex', 'OpenAI Codex', 'AGENTS.md', [], {
    label: 'Codex instructions (AGENTS.md)',
    docsUrl: 'https://developers.openai.com/codex/guides/agents-md',
    notes: 'Not in the reference.',
  }),
  plainRules(
    'openhands-microagent',
    'openhands',
    'OpenHands',
    '.openhands/microagents/repo.md',
    [at('\\.openhands/microagents/repo\\.md')],
    {
      docsUrl: 'https://docs.all-hands.dev/usage/prompting/microagents-repo',
    },
  ),
  plainRules('crush-md', 'crush', 'Crush', 'CRUSH.md', [at('CRUSH\\.md')], {
    docsUrl: 'https://github.com/charmbracelet/crush',
  }),
  define({
    id: 'firebender-rules',
    tool: 'firebender',
    toolName: 'Firebender',
    label: 'Firebender rule (.firebender/rules)',
    kinds: rules,
    path: '.firebender/rules/{slug}.mdc',
    syntax: 'mdc',
    frontmatter: yamlFrontmatter(
      description,
      field('globs', 'globs', 'comma-list'),
      field('alwaysApply', 'alwaysApply', 'boolean', { required: true }),
    ),
    detect: [at('\\.firebender/rules/(.+/)?[^/]+\\.mdc')],
    docsUrl: 'https://docs.firebender.com/api-reference/rules',
    notes:
      'Reference wrote firebender.json; rules are now Cursor-style .mdc files (a file without frontmatter always applies).',
  }),
  plainRules('qodo-best-practices', 'qodo', 'Qodo', 'best_practices.md', [at('best_practices\\.md')], {
    docsUrl: 'https://docs.qodo.ai/qodo-gen/code-intelligence/best-practices',
    notes: 'Not in the reference.',
  }),

  // ---- Commands (slash commands, prompts, workflows) ------------------------------------------------------------
  define({
    id: 'cursor-command',
    tool: 'cursor',
    toolName: 'Cursor',
    label: 'Cursor command (.cursor/commands)',
    kinds: command,
    path: '.cursor/commands/{slug}.md',
    syntax: 'markdown',
    argumentSyntax: 'appended',
    detect: [at('\\.cursor/commands/(.+/)?[^/]+\\.md')],
    docsUrl: 'https://cursor.com/docs/agent/chat/commands',
    notes:
      'Plain Markdown, no frontmatter. Cursor substitutes no placeholder: it appends what follows the command, so `$ARGUMENTS` from another tool stays as written and is reported.',
  }),
  define({
    id: 'claude-command',
    tool: 'claude-code',
    toolName: 'Claude Code',
    label: 'Claude Code slash command (.claude/commands)',
    kinds: command,
    path: '.claude/commands/{slug}.md',
    syntax: 'markdown',
    frontmatter: yamlFrontmatter(
      description,
      field('argument-hint', 'argumentHint', 'string'),
      field('allowed-tools', 'allowedTools', 'comma-list'),
      field('model', 'model', 'string'),
    ),
    argumentSyntax: 'dollar-arguments',
    detect: [at('\\.claude/commands/(.+/)?[^/]+\\.md')],
    docsUrl: 'https://code.claude.com/docs/en/slash-commands',
  }),
  define({
    id: 'windsurf-workflow',
    tool: 'windsurf',
    toolName: 'Windsurf',
    label: 'Windsurf workflow (.windsurf/workflows)',
    kinds: command,
    path: '.windsurf/workflows/{slug}.md',
    syntax: 'markdown',
    frontmatter: yamlFrontmatter(description),
    argumentSyntax: 'appended',
    detect: [at('\\.windsurf/workflows/(.+/)?[^/]+\\.md')],
    docsUrl: 'https://docs.windsurf.com/windsurf/cascade/workflows',
  }),
  define({
    id: 'copilot-prompt',
    tool: 'github-copilot',
    toolName: 'GitHub Copilot',
    label: 'Copilot prompt file (.prompt.md)',
    kinds: command,
    path: '.github/prompts/{slug}.prompt.md',
    syntax: 'markdown',
    frontmatter: yamlFrontmatter(
      field('name', 'name', 'string'),
      description,
      field('argument-hint', 'argumentHint', 'string'),
      field('agent', 'agent', 'string', { aliases: ['mode'] }),
      field('model', 'model', 'string'),
      field('tools', 'allowedTools', 'list'),
    ),
    argumentSyntax: 'vscode-input',
    detect: [at('[^/]+\\.prompt\\.md')],
    docsUrl: 'https://code.visualstudio.com/docs/copilot/customization/prompt-files',
    notes:
      'Reference wrote .copilot/prompts/, which Copilot does not read. `mode` is read as the older name of `agent`.',
  }),
  define({
    id: 'continue-prompt',
    tool: 'continue',
    toolName: 'Continue',
    label: 'Continue prompt (.continue/prompts)',
    kinds: command,
    path: '.continue/prompts/{slug}.md',
    syntax: 'markdown',
    frontmatter: yamlFrontmatter(
      field('name', 'name', 'string', { required: true }),
      description,
      field('invokable', 'none', 'true'),
    ),
    argumentSyntax: 'appended',
    detect: [at('\\.continue/prompts/(.+/)?[^/]+\\.md')],
    docsUrl: 'https://docs.continue.dev/customize/deep-dives/prompts',
    notes: '`invokable: true` makes the prompt a slash command; what the user types is added to it (no placeholder).',
  }),
  define({
    id: 'opencode-command',
    tool: 'opencode',
    toolName: 'OpenCode',
    label: 'OpenCode command (.opencode/commands)',
    kinds: command,
    path: '.opencode/commands/{slug}.md',
    syntax: 'markdown',
    frontmatter: yamlFrontmatter(description, field('agent', 'agent', 'string'), field('model', 'model', 'string')),
    argumentSyntax: 'dollar-arguments',
    detect: [at('\\.opencode/commands?/(.+/)?[^/]+\\.md')],
    docsUrl: 'https://opencode.ai/docs/commands/',
    notes: 'Older OpenCode versions read .opencode/command/ (singular); both are recognised on import.',
  }),
  define({
    id: 'gemini-command',
    tool: 'gemini-cli',
    toolName: 'Gemini CLI',
    label: 'Gemini CLI custom command (.toml)',
    kinds: command,
    path: '.gemini/commands/{slug}.toml',
    syntax: 'toml',
    frontmatter: { container: 'toml', bodyKey: 'prompt', fields: [description] },
    argumentSyntax: 'gemini-args',
    detect: [at('\\.gemini/commands/(.+/)?[^/]+\\.toml')],
    docsUrl: 'https://google-gemini.github.io/gemini-cli/docs/cli/custom-commands.html',
    notes: 'Not in the reference. The body is the `prompt` key; arguments are `{{args}}`.',
  }),

  // ---- Skills and agents ----------------------------------------------------------------------------------------
  define({
    id: 'claude-skill',
    tool: 'claude-code',
    toolName: 'Claude Code',
    label: 'Claude Code skill (SKILL.md)',
    kinds: ['skill'],
    path: '.claude/skills/{slug}/SKILL.md',
    syntax: 'markdown',
    frontmatter: yamlFrontmatter(
      field('name', 'name', 'slug'),
      field('description', 'description', 'string', { required: true }),
      field('argument-hint', 'argumentHint', 'string'),
      field('allowed-tools', 'allowedTools', 'comma-list'),
      field('model', 'model', 'string'),
    ),
    argumentSyntax: 'dollar-arguments',
    detect: [at('\\.claude/skills/[^/]+/SKILL\\.md')],
    docsUrl: 'https://code.claude.com/docs/en/skills',
  }),
  define({
    id: 'copilot-skill',
    tool: 'github-copilot',
    toolName: 'GitHub Copilot',
    label: 'Copilot agent skill (.github/skills)',
    kinds: ['skill'],
    path: '.github/skills/{slug}/SKILL.md',
    syntax: 'markdown',
    frontmatter: yamlFrontmatter(
      field('name', 'name', 'slug'),
      field('description', 'description', 'string', { required: true }),
      field('argument-hint', 'argumentHint', 'string'),
      field('allowed-tools', 'allowedTools', 'comma-list'),
    ),
    detect: [at('\\.github/skills/[^/]+/SKILL\\.md')],
    docsUrl: 'https://code.visualstudio.com/docs/copilot/customization/agent-skills',
  }),
  define({
    id: 'gemini-skill',
    tool: 'gemini-cli',
    toolName: 'Gemini CLI',
    label: 'Gemini CLI agent skill (.gemini/skills)',
    kinds: ['skill'],
    path: '.gemini/skills/{slug}/SKILL.md',
    syntax: 'markdown',
    frontmatter: AGENT_SKILL,
    detect: [at('\\.gemini/skills/[^/]+/SKILL\\.md')],
    docsUrl: 'https://geminicli.com/docs/cli/skills',
  }),
  define({
    id: 'codex-skill',
    tool: 'codex',
    toolName: 'OpenAI Codex',
    label: 'Codex agent skill (.agents/skills)',
    kinds: ['skill'],
    path: '.agents/skills/{slug}/SKILL.md',
    syntax: 'markdown',
    frontmatter: AGENT_SKILL,
    detect: [at('\\.agents/skills/[^/]+/SKILL\\.md'), at('\\.codex/skills/[^/]+/SKILL\\.md')],
    docsUrl: 'https://developers.openai.com/codex/skills',
    notes:
      'Codex reads project skills from .agents/skills (Gemini CLI, Cursor and OpenCode read it too); .codex/skills is recognised on import.',
  }),
  define({
    id: 'cursor-skill',
    tool: 'cursor',
    toolName: 'Cursor',
    label: 'Cursor agent skill (.cursor/skills)',
    kinds: ['skill'],
    path: '.cursor/skills/{slug}/SKILL.md',
    syntax: 'markdown',
    frontmatter: AGENT_SKILL,
    detect: [at('\\.cursor/skills/[^/]+/SKILL\\.md')],
    docsUrl: 'https://cursor.com/docs/context/skills',
  }),
  define({
    id: 'claude-agent',
    tool: 'claude-code',
    toolName: 'Claude Code',
    label: 'Claude Code subagent (.claude/agents)',
    kinds: ['agent'],
    path: '.claude/agents/{slug}.md',
    syntax: 'markdown',
    frontmatter: yamlFrontmatter(
      field('name', 'name', 'slug'),
      field('description', 'description', 'string', { required: true }),
      field('tools', 'allowedTools', 'comma-list'),
      field('model', 'model', 'string'),
    ),
    detect: [at('\\.claude/agents/(.+/)?[^/]+\\.md')],
    docsUrl: 'https://code.claude.com/docs/en/sub-agents',
  }),
  define({
    id: 'copilot-agent',
    tool: 'github-copilot',
    toolName: 'GitHub Copilot',
    label: 'Copilot custom agent (.agent.md)',
    kinds: ['agent'],
    path: '.github/agents/{slug}.agent.md',
    syntax: 'markdown',
    frontmatter: yamlFrontmatter(
      field('name', 'name', 'string'),
      description,
      field('argument-hint', 'argumentHint', 'string'),
      field('tools', 'allowedTools', 'list'),
      field('model', 'model', 'string'),
    ),
    detect: [at('[^/]+\\.agent\\.md'), at('\\.github/agents/(.+/)?[^/]+\\.md')],
    docsUrl: 'https://code.visualstudio.com/docs/copilot/customization/custom-agents',
    notes: 'Formerly custom chat modes (.github/chatmodes/*.chatmode.md, the copilot-chatmode target).',
  }),

  define({
    id: 'copilot-chatmode',
    tool: 'github-copilot',
    toolName: 'GitHub Copilot',
    label: 'Copilot chat mode (.chatmode.md, legacy agents)',
    kinds: ['agent'],
    path: '.github/chatmodes/{slug}.chatmode.md',
    syntax: 'markdown',
    frontmatter: yamlFrontmatter(
      description,
      field('tools', 'allowedTools', 'list'),
      field('model', 'model', 'string'),
    ),
    detect: [at('[^/]+\\.chatmode\\.md'), at('\\.github/chatmodes/(.+/)?[^/]+\\.md')],
    docsUrl: 'https://code.visualstudio.com/docs/copilot/customization/custom-chat-modes',
    notes:
      'The legacy form of Copilot custom agents, still read by VS Code. The file name is the mode name; there is no `name` key.',
  }),
  define({
    id: 'gemini-agent',
    tool: 'gemini-cli',
    toolName: 'Gemini CLI',
    label: 'Gemini CLI subagent (.gemini/agents)',
    kinds: ['agent'],
    path: '.gemini/agents/{slug}.md',
    syntax: 'markdown',
    frontmatter: yamlFrontmatter(
      field('name', 'name', 'slug', { required: true }),
      field('description', 'description', 'string', { required: true }),
      field('tools', 'allowedTools', 'list'),
      field('model', 'model', 'string'),
    ),
    detect: [at('\\.gemini/agents/(.+/)?[^/]+\\.md')],
    docsUrl: 'https://geminicli.com/docs/core/subagents',
    notes:
      'Gemini CLI subagents: `name` must be a slug; `kind`, `temperature`, `max_turns` and `timeout_mins` are kept for Gemini CLI only.',
  }),

  // ---- MCP server configuration ---------------------------------------------------------------------------------
  define({
    id: 'cursor-mcp',
    tool: 'cursor',
    toolName: 'Cursor',
    label: 'Cursor MCP servers (.cursor/mcp.json)',
    kinds: mcp,
    path: '.cursor/mcp.json',
    syntax: 'json',
    mcpStructure: 'mcpServers',
    mcpDialect: MCP_SERVERS.plain,
    detect: [at('\\.cursor/mcp\\.json')],
    docsUrl: 'https://cursor.com/docs/context/mcp',
  }),
  define({
    id: 'vscode-mcp',
    tool: 'github-copilot',
    toolName: 'GitHub Copilot (VS Code)',
    label: 'VS Code MCP servers (.vscode/mcp.json)',
    kinds: mcp,
    path: '.vscode/mcp.json',
    syntax: 'json',
    mcpStructure: 'vscode-servers',
    detect: [at('\\.vscode/mcp\\.json')],
    docsUrl: 'https://code.visualstudio.com/docs/copilot/customization/mcp-servers',
    notes: 'Top-level key is `servers` (not mcpServers) and every server has a `type`.',
  }),
  define({
    id: 'claude-mcp',
    tool: 'claude-code',
    toolName: 'Claude Code',
    label: 'Claude Code project MCP servers (.mcp.json)',
    kinds: mcp,
    path: '.mcp.json',
    syntax: 'json',
    mcpStructure: 'mcpServers',
    mcpDialect: MCP_SERVERS.claude,
    detect: [at('\\.mcp\\.json')],
    docsUrl: 'https://code.claude.com/docs/en/mcp',
  }),
  define({
    id: 'gemini-mcp',
    tool: 'gemini-cli',
    toolName: 'Gemini CLI',
    label: 'Gemini CLI MCP servers (.gemini/settings.json)',
    kinds: mcp,
    path: '.gemini/settings.json',
    syntax: 'json',
    mcpStructure: 'mcpServers',
    mcpDialect: MCP_SERVERS.gemini,
    detect: [at('\\.gemini/settings\\.json')],
    docsUrl: 'https://google-gemini.github.io/gemini-cli/docs/tools/mcp-server.html',
    notes: 'Streamable HTTP servers use `httpUrl`, SSE servers `url`.',
  }),
  define({
    id: 'windsurf-mcp',
    tool: 'windsurf',
    toolName: 'Windsurf',
    label: 'Windsurf MCP servers (mcp_config.json)',
    kinds: mcp,
    path: 'mcp_config.json',
    scope: 'user',
    installPath: '~/.codeium/windsurf/mcp_config.json',
    syntax: 'json',
    mcpStructure: 'mcpServers',
    mcpDialect: MCP_SERVERS.windsurf,
    detect: [at('mcp_config\\.json')],
    docsUrl: 'https://docs.windsurf.com/windsurf/cascade/mcp',
    notes: 'User-level file; remote servers use `serverUrl`.',
  }),
  define({
    id: 'zed-mcp',
    tool: 'zed',
    toolName: 'Zed',
    label: 'Zed context servers (.zed/settings.json)',
    kinds: mcp,
    path: '.zed/settings.json',
    syntax: 'json',
    mcpStructure: 'zed-context-servers',
    detect: [at('\\.zed/settings\\.json')],
    docsUrl: 'https://zed.dev/docs/ai/mcp',
    notes: 'Servers live under `context_servers`; the file also holds the rest of the project settings.',
  }),
  define({
    id: 'continue-mcp',
    tool: 'continue',
    toolName: 'Continue',
    label: 'Continue MCP block (.continue/mcpServers/*.yaml)',
    kinds: mcp,
    path: '.continue/mcpServers/{slug}.yaml',
    syntax: 'yaml',
    mcpStructure: 'continue-block',
    detect: [at('\\.continue/mcpServers/[^/]+\\.ya?ml')],
    docsUrl: 'https://docs.continue.dev/customize/deep-dives/mcp',
  }),
  define({
    id: 'roo-mcp',
    tool: 'roo-code',
    toolName: 'Roo Code',
    label: 'Roo Code project MCP servers (.roo/mcp.json)',
    kinds: mcp,
    path: '.roo/mcp.json',
    syntax: 'json',
    mcpStructure: 'mcpServers',
    mcpDialect: MCP_SERVERS.roo,
    detect: [at('\\.roo/mcp\\.json')],
    docsUrl: 'https://docs.roocode.com/features/mcp/using-mcp-in-roo',
  }),
  define({
    id: 'cline-mcp',
    tool: 'cline',
    toolName: 'Cline',
    label: 'Cline MCP servers (cline_mcp_settings.json)',
    kinds: mcp,
    path: 'cline_mcp_settings.json',
    scope: 'user',
    installPath: '<VS Code global storage>/saoudrizwan.claude-dev/settings/cline_mcp_settings.json',
    syntax: 'json',
    mcpStructure: 'mcpServers',
    mcpDialect: MCP_SERVERS.cline,
    detect: [at('cline_mcp_settings\\.json')],
    docsUrl: 'https://docs.cline.bot/mcp/configuring-mcp-servers',
  }),
  define({
    id: 'kiro-mcp',
    tool: 'kiro',
    toolName: 'Kiro',
    label: 'Kiro workspace MCP servers (.kiro/settings/mcp.json)',
    kinds: mcp,
    path: '.kiro/settings/mcp.json',
    syntax: 'json',
    mcpStructure: 'mcpServers',
    mcpDialect: MCP_SERVERS.plain,
    detect: [at('\\.kiro/settings/mcp\\.json')],
    docsUrl: 'https://kiro.dev/docs/mcp/configuration/',
  }),
  define({
    id: 'amazonq-mcp',
    tool: 'amazon-q',
    toolName: 'Amazon Q Developer',
    label: 'Amazon Q workspace MCP servers (.amazonq/mcp.json)',
    kinds: mcp,
    path: '.amazonq/mcp.json',
    syntax: 'json',
    mcpStructure: 'mcpServers',
    mcpDialect: MCP_SERVERS.plain,
    detect: [at('\\.amazonq/mcp\\.json')],
    docsUrl: 'https://docs.aws.amazon.com/amazonq/latest/qdeveloper-ug/qdev-mcp.html',
  }),
  define({
    id: 'opencode-mcp',
    tool: 'opencode',
    toolName: 'OpenCode',
    label: 'OpenCode MCP servers (opencode.json)',
    kinds: mcp,
    path: 'opencode.json',
    syntax: 'json',
    mcpStructure: 'opencode-mcp',
    detect: [at('opencode\\.jsonc?')],
    docsUrl: 'https://opencode.ai/docs/mcp-servers/',
    notes: "Servers live under `mcp`; a local server's command and arguments are one array.",
  }),
  define({
    id: 'codex-mcp',
    tool: 'codex',
    toolName: 'OpenAI Codex',
    label: 'Codex MCP servers (.codex/config.toml)',
    kinds: mcp,
    path: '.codex/config.toml',
    syntax: 'toml',
    mcpStructure: 'codex-mcp-servers',
    detect: [at('\\.codex/config\\.toml')],
    docsUrl: 'https://developers.openai.com/codex/mcp',
    notes:
      'TOML tables `[mcp_servers.<name>]`; Codex reads the project file only in trusted projects (~/.codex/config.toml otherwise).',
  }),

  // ---- Settings: hooks and permissions ---------------------------------------------------------------------------
  define({
    id: 'claude-settings',
    tool: 'claude-code',
    toolName: 'Claude Code',
    label: 'Claude Code settings: hooks and permissions (.claude/settings.json)',
    kinds: ['settings'],
    path: '.claude/settings.json',
    syntax: 'json',
    settingsDialect: 'claude',
    detect: [at('\\.claude/settings(\\.local)?\\.json')],
    docsUrl: 'https://code.claude.com/docs/en/settings',
    notes:
      "The body is the `hooks` and `permissions` objects as JSON; other settings (env, model, ...) are kept for Claude Code only. A plugin's hooks/hooks.json has the same `hooks` shape.",
  }),
  define({
    id: 'gemini-settings',
    tool: 'gemini-cli',
    toolName: 'Gemini CLI',
    label: 'Gemini CLI settings: hooks (.gemini/settings.json)',
    kinds: ['settings'],
    path: '.gemini/settings.json',
    syntax: 'json',
    settingsDialect: 'gemini',
    detect: [at('\\.gemini/settings\\.json')],
    docsUrl: 'https://geminicli.com/docs/hooks/reference',
    notes:
      'The same file as gemini-mcp: the content decides which one a file is read as. The body is the `hooks` object; Claude Code hook events and tool matchers with a Gemini equivalent are translated (PreToolUse → BeforeTool, Bash → run_shell_command...), the rest and `permissions` are reported as dropped.',
  }),
];

/** Reference-product entries that are deliberately not targets, and why (rendered into docs/formats.md). */
export const REMOVED_REFERENCE_TARGETS: readonly { reference: string; reason: string }[] = [
  {
    reference: 'Sourcegraph Cody — .cody/config.json',
    reason:
      'Cody reads no such file; its rules and prompts live on the Sourcegraph instance, and Cody Free/Pro have ended.',
  },
  {
    reference: 'Supermaven — .supermaven/config.json',
    reason: 'Supermaven is a completion engine with no repository instructions file (and has been sunset).',
  },
  {
    reference: 'CodeGPT — .codegpt/config.json',
    reason: 'CodeGPT documents no repository instructions file; its agents are configured in its own platform.',
  },
];
