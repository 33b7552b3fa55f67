import { UnknownFormatError } from './formats.errors';
import type { BlueprintKind, Detection, FormatSyntax } from './formats.types';
import { parseFrontmatterYaml, splitFrontmatter } from './frontmatter';
import { TARGETS } from './registry';
import { isPlainObject, normaliseNewlines } from './text';

/*
 * What a file is, in three steps, each less sure than the one before:
 * 1. the tool's own path (`.claude/agents/x.md`): `certain`, because that is how the tool itself finds the file;
 * 2. a repository layout people use (`plugins/p/agents/x.md`, `skills/x/SKILL.md`): `likely`, with the content
 *    choosing among the formats the layout fits, and overruling the layout when it plainly says another kind;
 * 3. the content alone (frontmatter keys, JSON keys, argument placeholders): `guess`.
 * Every answer names the other formats that would also fit, so a caller can offer them as overrides.
 */

const BY_ID = new Map(TARGETS.map((target) => [target.id, target]));

/** Paths longer than this are not read (the import API accepts 512 characters). */
export const MAX_PATH_LENGTH = 1_024;

export interface DetectInput {
  path?: string;
  content?: string;
}

/** What the content says, read once. */
interface Facts {
  /** The file opens with a `---` frontmatter block. */
  frontmatter: boolean;
  keys: Set<string>;
  values: Record<string, unknown>;
  /** The top-level object of a JSON file. */
  json?: Record<string, unknown>;
  body: string;
}

/** One format the content fits, with how strongly (3 = plainly that format, 1 = one hint) and why. */
interface Fit {
  format: string;
  score: number;
  reason: string;
}

interface Layout {
  pattern: RegExp;
  kind: BlueprintKind;
  /** The formats the layout is used for, the most common first. */
  formats: readonly string[];
  reason: string;
  /** The content is what the layout holds; when it is not, the content decides alone. */
  fits: (facts: Facts) => boolean;
}

const AGENT_FORMATS = ['claude-agent', 'copilot-agent', 'gemini-agent', 'copilot-chatmode'] as const;
const SKILL_FORMATS = ['claude-skill', 'copilot-skill', 'gemini-skill', 'codex-skill', 'cursor-skill'] as const;
const COMMAND_FORMATS = ['claude-command', 'cursor-command', 'opencode-command', 'windsurf-workflow'] as const;

/** Keys only a subagent has (of any tool); `tools` and `model` also appear in commands and prompts. */
const AGENT_ONLY_KEYS = [
  'color',
  'permissionMode',
  'kind',
  'temperature',
  'max_turns',
  'timeout_mins',
  'handoffs',
  'target',
  'mcp-servers',
];

/** Hook events only Gemini CLI has (Claude Code's are PreToolUse, PostToolUse, Stop...). */
const GEMINI_ONLY_EVENTS = new Set([
  'BeforeTool',
  'AfterTool',
  'BeforeAgent',
  'AfterAgent',
  'BeforeModel',
  'AfterModel',
  'BeforeToolSelection',
  'PreCompress',
]);

const LAYOUTS: readonly Layout[] = [
  {
    pattern: /(^|\/)skills\/[^/]+\/SKILL\.md$/i,
    kind: 'skill',
    formats: SKILL_FORMATS,
    reason: 'layout skills/<name>/SKILL.md',
    fits: () => true,
  },
  {
    pattern: /(^|\/)SKILL\.md$/,
    kind: 'skill',
    formats: SKILL_FORMATS,
    reason: 'file named SKILL.md (the Agent Skills layout)',
    fits: () => true,
  },
  {
    pattern: /(^|\/)agents\/(.+\/)?[^/]+\.md$/i,
    kind: 'agent',
    formats: AGENT_FORMATS,
    reason: 'layout agents/*.md with subagent frontmatter',
    fits: (facts) => facts.keys.has('description') && (facts.keys.has('name') || hasAny(facts, ['tools', 'model'])),
  },
  {
    pattern: /(^|\/)commands\/(.+\/)?[^/]+\.md$/i,
    kind: 'command',
    formats: COMMAND_FORMATS,
    reason: 'layout commands/*.md',
    fits: (facts) => !looksLikeAgent(facts),
  },
  {
    pattern: /(^|\/)commands\/(.+\/)?[^/]+\.toml$/i,
    kind: 'command',
    formats: ['gemini-command'],
    reason: 'layout commands/*.toml (a Gemini CLI extension)',
    fits: () => true,
  },
  {
    pattern: /(^|\/)hooks\/hooks\.json$/i,
    kind: 'settings',
    formats: ['claude-settings'],
    reason: "layout hooks/hooks.json (a plugin's hooks)",
    fits: (facts) => facts.json !== undefined && 'hooks' in facts.json,
  },
  {
    pattern: /(^|\/)rules\/(.+\/)?[^/]+\.mdc$/i,
    kind: 'rules',
    formats: ['cursor-rules'],
    reason: 'layout rules/*.mdc (Cursor rules outside .cursor, as in a Cursor plugin)',
    fits: () => true,
  },
];

/** What a file is, how it was told and how sure that is; undefined when nothing fits. */
export function detect(input: DetectInput): Detection | undefined {
  // No real path is longer; the path patterns backtrack on very long ones.
  const path = input.path === undefined || input.path.length > MAX_PATH_LENGTH ? undefined : normalisePath(input.path);
  const facts = input.content === undefined ? undefined : readFacts(normaliseNewlines(input.content));
  // A Markdown file is never guessed to be TOML or JSON because of a line that looks like it, nor the other way round.
  const syntaxes = syntaxesOf(input);
  const fits = facts ? contentFits(facts).filter((fit) => syntaxes.includes(BY_ID.get(fit.format)!.syntax)) : [];

  if (path) {
    const byPath = TARGETS.filter((target) => target.detect.some((pattern) => pattern.test(path)));
    if (byPath.length) {
      const ranked = rankWithin(
        byPath.map((target) => target.id),
        fits,
      );
      return detection(ranked[0]!, 'certain', 'path', `path ${path}`, ranked.slice(1));
    }
    const layout = LAYOUTS.find((candidate) => candidate.pattern.test(path));
    if (layout) {
      const ranked = rankWithin(layout.formats, fits);
      const fitsLayout = !facts || layout.fits(facts);
      const best = fits[0];
      if (fitsLayout) {
        const why = best && ranked[0] === best.format ? `${layout.reason}; ${best.reason}` : layout.reason;
        return detection(ranked[0]!, 'likely', 'layout', why, ranked.slice(1));
      }
      if (best) {
        const others = unique([...fits.slice(1).map((fit) => fit.format), ...ranked]).filter(
          (id) => id !== best.format,
        );
        const kindOfBest = kindOf(best.format);
        const reason =
          kindOfBest === layout.kind
            ? `${layout.reason} does not fit (${best.reason})`
            : `the path suggests ${withArticle(layout.kind)} (${layout.reason}), but ${best.reason}, as ${withArticle(kindOfBest)} has`;
        return detection(best.format, 'guess', 'content', reason, others);
      }
      return undefined;
    }
  }
  const best = fits[0];
  if (!best) return undefined;
  return detection(
    best.format,
    'guess',
    'content',
    best.reason,
    fits.slice(1).map((fit) => fit.format),
  );
}

/**
 * Every format the file could be read as, best first: the detected one, its alternatives, then every other target of
 * the same file type (for the override list, where the user may know better).
 */
export function detectCandidates(input: DetectInput): Detection[] {
  const found = detect(input);
  const result: Detection[] = [];
  if (found) {
    result.push(found);
    for (const id of found.alternatives) {
      result.push(detection(id, 'guess', found.method, `also fits: ${found.reason}`, []));
    }
  }
  const syntaxes = syntaxesOf(input);
  const listed = new Set(result.map((entry) => entry.format));
  for (const target of TARGETS) {
    if (listed.has(target.id) || !syntaxes.includes(target.syntax)) continue;
    result.push(detection(target.id, 'guess', 'content', `the file type fits ${target.label}`, []));
  }
  return result;
}

/** A caller-given format: taken as is. */
export function givenDetection(formatId: string): Detection {
  return detection(formatId, 'certain', 'given', 'format given', []);
}

function detection(
  id: string,
  confidence: Detection['confidence'],
  method: Detection['method'],
  reason: string,
  alternatives: readonly string[],
): Detection {
  return { format: id, kind: kindOf(id), confidence, method, reason, alternatives: [...alternatives] };
}

function kindOf(id: string): BlueprintKind {
  const target = BY_ID.get(id);
  if (!target) throw new UnknownFormatError(id);
  return target.kinds[0]!;
}

function normalisePath(path: string): string {
  return path.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
}

/** The candidates in the order the content prefers, keeping the given order among those the content says nothing of. */
function rankWithin(candidates: readonly string[], fits: readonly Fit[]): string[] {
  const score = (id: string) => fits.find((fit) => fit.format === id)?.score ?? 0;
  return candidates
    .map((id, index) => ({ id, index, score: score(id) }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((entry) => entry.id);
}

// Reading the content ------------------------------------------------------------------------------------------

function readFacts(content: string): Facts {
  const facts: Facts = { frontmatter: false, keys: new Set(), values: {}, body: content };
  const trimmed = content.trimStart();
  if (trimmed.startsWith('{')) {
    try {
      const value: unknown = JSON.parse(trimmed);
      if (isPlainObject(value)) facts.json = value;
    } catch {
      // Not JSON: nothing more to read.
    }
    return facts;
  }
  if (!content.startsWith('---')) return facts;
  try {
    const split = splitFrontmatter(content, 'detect');
    facts.body = split.body;
    if (split.yaml === undefined) return facts;
    facts.frontmatter = true;
    // Cursor's unquoted globs are not YAML: read them raw, as the Cursor codec does.
    facts.values = parseFrontmatterYaml(split.yaml, split.yamlStartLine, 'detect', ['globs'], []);
    facts.keys = new Set(Object.keys(facts.values));
  } catch {
    // Frontmatter no reading accepts: the format's own parser will say why, if the path names a format.
  }
  return facts;
}

function hasAny(facts: Facts, keys: readonly string[]): boolean {
  return keys.some((key) => facts.keys.has(key));
}

/** A subagent of some tool: name and description with tools or a model, or a key only subagents have. */
function looksLikeAgent(facts: Facts): boolean {
  if (!facts.keys.has('description')) return false;
  if (hasAny(facts, AGENT_ONLY_KEYS)) return true;
  return facts.keys.has('name') && hasAny(facts, ['tools', 'model']);
}

/** Every format the content fits, best first. */
function contentFits(facts: Facts): Fit[] {
  const fits: Fit[] = [];
  const add = (format: string, score: number, reason: string) => fits.push({ format, score, reason });
  if (facts.json) {
    const json = facts.json;
    if ('mcpServers' in json) {
      add('claude-mcp', 3, 'the JSON has mcpServers');
      add('gemini-mcp', 2.9, 'the JSON has mcpServers');
    }
    if ('servers' in json) add('vscode-mcp', 3, 'the JSON has servers');
    if ('context_servers' in json) add('zed-mcp', 3, 'the JSON has context_servers');
    if ('mcp' in json) add('opencode-mcp', 3, 'the JSON has mcp');
    if ('hooks' in json || 'permissions' in json) {
      const events = isPlainObject(json.hooks) ? Object.keys(json.hooks) : [];
      const gemini = events.some((event) => GEMINI_ONLY_EVENTS.has(event)) && !('permissions' in json);
      add('claude-settings', gemini ? 2 : 3, 'the JSON has hooks or permissions');
      // One .gemini/settings.json may hold both: its servers stay the first reading, as before hooks were a kind.
      const geminiScore = 'mcpServers' in json ? 2.8 : gemini ? 3 : 2.9;
      add('gemini-settings', geminiScore, gemini ? "the JSON has Gemini CLI's hook events" : 'the JSON has hooks');
    }
    return sorted(fits);
  }
  const text = facts.body;
  // TOML and YAML files have no frontmatter: a `prompt =` line in a Markdown file is an example, not a key.
  if (!facts.frontmatter) {
    if (/^prompt\s*=/m.test(text)) add('gemini-command', 3, 'a TOML prompt key');
    if (/^\[mcp_servers\./m.test(text)) add('codex-mcp', 3, 'TOML [mcp_servers.*] tables');
    if (/^schema:\s*v1\s*$/m.test(text) && /^mcpServers:/m.test(text)) add('continue-mcp', 3, 'a Continue block');
  }

  const has = (key: string) => facts.keys.has(key);
  const keyList = (keys: string[]) => keys.filter(has).join(', ');
  if (has('applyTo')) add('copilot-instructions', 3, 'frontmatter has applyTo');
  if (has('alwaysApply') || has('globs'))
    add('cursor-rules', 3, `frontmatter has ${keyList(['globs', 'alwaysApply'])}`);
  if (has('trigger')) add('windsurf-rules', 3, 'frontmatter has trigger');
  if (has('inclusion')) add('kiro-steering', 3, 'frontmatter has inclusion');
  if (has('paths')) add('claude-rules', 3, 'frontmatter has paths');

  if (looksLikeAgent(facts)) {
    const why = `frontmatter has ${keyList(['name', 'description', 'tools', 'model', ...AGENT_ONLY_KEYS])}`;
    for (const fit of agentFits(facts)) add(fit.format, fit.score, `${why}${fit.reason}`);
  } else if (has('name') && has('description')) {
    const extra = keyList(['license', 'compatibility', 'metadata', 'allowed-tools']);
    add('claude-skill', extra ? 3 : 2, `frontmatter has name and description${extra ? `, ${extra}` : ''} (a skill)`);
    for (const id of SKILL_FORMATS.slice(1)) add(id, 1, 'frontmatter has name and description (a skill)');
  }
  if (has('mode') || has('agent')) add('copilot-prompt', 3, `frontmatter has ${keyList(['mode', 'agent'])}`);
  if (!has('name') && (has('allowed-tools') || has('argument-hint'))) {
    add('claude-command', 3, `frontmatter has ${keyList(['allowed-tools', 'argument-hint'])}`);
  }
  const toolsList = Array.isArray(facts.values.tools) || typeof facts.values.tools === 'string';
  if (!has('name') && has('description') && toolsList && !has('mode') && !has('agent')) {
    // Copilot agents, chat modes and prompts all have description and a tools list: a guess among them.
    add('copilot-agent', 2, 'frontmatter has description and tools');
    add('copilot-prompt', 1, 'frontmatter has description and tools');
    add('copilot-chatmode', 1, 'frontmatter has description and tools');
  }
  const claudeModel =
    typeof facts.values.model === 'string' && /^(claude-[\w.-]+|sonnet|opus|haiku)$/i.test(facts.values.model);
  if (claudeModel && !has('name') && !has('tools') && !has('mode') && !has('agent') && !looksLikeAgent(facts)) {
    // Claude commands may set a model id; subagents and skills have a name, Copilot prompts an agent or tools.
    add('claude-command', 2, `frontmatter has a Claude model id (${String(facts.values.model)}) and no name`);
  }
  if (/\$ARGUMENTS\b/.test(text)) add('claude-command', 1, 'the text uses $ARGUMENTS');
  if (/\$\{input:[^}\n]{1,200}\}/.test(text)) add('copilot-prompt', 1, 'the text uses ${input:...}');
  return sorted(fits);
}

/** Which tool's subagent: Claude Code, Copilot or Gemini CLI, by the keys and values only one of them uses. */
function agentFits(facts: Facts): Fit[] {
  const { values } = facts;
  const has = (key: string) => facts.keys.has(key);
  const model = typeof values.model === 'string' ? values.model : '';
  const points = { 'claude-agent': 2, 'copilot-agent': 1, 'gemini-agent': 1 };
  const reasons: Record<keyof typeof points, string[]> = {
    'claude-agent': [],
    'copilot-agent': [],
    'gemini-agent': [],
  };
  const hint = (format: keyof typeof points, weight: number, why: string) => {
    points[format] += weight;
    reasons[format].push(why);
  };
  if (has('color') || has('permissionMode')) hint('claude-agent', 2, 'color/permissionMode');
  if (typeof values.tools === 'string') hint('claude-agent', 1, 'tools as a comma list');
  if (/^(sonnet|opus|haiku|inherit)$/i.test(model)) hint('claude-agent', 1, `model ${model}`);
  if (has('kind') || has('temperature') || has('max_turns') || has('timeout_mins')) {
    hint('gemini-agent', 3, 'kind/temperature/max_turns/timeout_mins');
  }
  if (/^gemini/i.test(model)) hint('gemini-agent', 2, `model ${model}`);
  if (has('handoffs') || has('target') || has('mcp-servers')) hint('copilot-agent', 3, 'handoffs/target/mcp-servers');
  if (Array.isArray(values.tools)) {
    hint('copilot-agent', 1, 'tools as a list');
    hint('gemini-agent', 1, 'tools as a list');
  }
  if (/\(copilot\)|^gpt-|\s/i.test(model)) hint('copilot-agent', 1, `model ${model}`);
  // Up to 3 ("plainly this format"), with the raw points breaking ties among agents.
  return (Object.keys(points) as Array<keyof typeof points>).map((format) => ({
    format,
    score: Math.min(points[format], 3) + points[format] / 10,
    reason: reasons[format].length ? ` (${reasons[format].join(', ')})` : '',
  }));
}

function sorted(fits: Fit[]): Fit[] {
  const best = new Map<string, Fit>();
  for (const fit of fits) {
    const seen = best.get(fit.format);
    if (!seen || fit.score > seen.score) best.set(fit.format, fit);
  }
  return [...best.values()].sort((a, b) => b.score - a.score);
}

function withArticle(kind: BlueprintKind): string {
  return kind === 'settings' ? 'settings' : `${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind}`;
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

/** The syntaxes a file could be in: from its extension, else every one. */
function syntaxesOf(input: DetectInput): FormatSyntax[] {
  const name = input.path ? normalisePath(input.path).toLowerCase() : '';
  if (name.endsWith('.json') || name.endsWith('.jsonc')) return ['json'];
  if (name.endsWith('.toml')) return ['toml'];
  if (name.endsWith('.yaml') || name.endsWith('.yml')) return ['yaml'];
  if (name.endsWith('.md') || name.endsWith('.mdc') || name.endsWith('.mdx')) return ['markdown', 'mdc'];
  return ['markdown', 'mdc', 'json', 'toml', 'yaml'];
}
