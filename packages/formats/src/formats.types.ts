export type BlueprintKind = 'rules' | 'command' | 'skill' | 'agent' | 'mcp-config' | 'settings';
export const BLUEPRINT_KINDS: readonly BlueprintKind[] = [
  'rules',
  'command',
  'skill',
  'agent',
  'mcp-config',
  'settings',
];

export type FormatSyntax = 'markdown' | 'mdc' | 'json' | 'yaml' | 'toml';

/** The neutral metadata fields a tool's keys can carry. */
export type NeutralField =
  'name' | 'description' | 'globs' | 'alwaysApply' | 'argumentHint' | 'allowedTools' | 'model' | 'agent';

/**
 * How one frontmatter key is written and read:
 * - `string`, `boolean`: the value as is (booleans also accept the strings "true"/"false" on import);
 * - `slug`: the export slug, for identifiers that must match the file or folder name (skill and subagent names);
 * - `list`: a YAML sequence (a single string is accepted on import);
 * - `list-or-string`: one value as a string, several as a sequence;
 * - `comma-list`: one comma-separated string (commas inside {}, [] or () do not split; a list is accepted on import);
 * - `comma-list-raw`: the same, written unquoted the way Cursor writes `globs` (not strictly YAML; read leniently);
 * - `apply-to`: Copilot `applyTo`: comma-separated globs where `**` means "always";
 * - `paths-or-always`: a glob list; no key means the rule always applies (Claude Code rules, Cline);
 * - `windsurf-trigger`, `kiro-inclusion`, `augment-type`: the tool's activation mode, derived from
 *   alwaysApply / globs / description (always, file patterns, model decides, manual);
 * - `true`: a constant `true` the tool needs (Continue `invokable`).
 */
export type FieldEncoding =
  | 'string'
  | 'slug'
  | 'boolean'
  | 'list'
  | 'list-or-string'
  | 'comma-list'
  | 'comma-list-raw'
  | 'apply-to'
  | 'paths-or-always'
  | 'windsurf-trigger'
  | 'kiro-inclusion'
  | 'augment-type'
  | 'true';

export interface FrontmatterField {
  /** The key in the tool's file. */
  key: string;
  /** The neutral field it carries; `activation` keys derive from alwaysApply, globs and description together. */
  field: NeutralField | 'activation' | 'none';
  encoding: FieldEncoding;
  /** The tool requires the key: when the document has no value, the export slug (name) or name/slug (description) is used. */
  required?: boolean;
  /** Older spellings of the key, accepted on import only (Copilot prompt `mode` is now `agent`). */
  aliases?: readonly string[];
}

/** The mapping of neutral metadata to a tool's metadata keys. */
export interface FrontmatterMapping {
  /** YAML frontmatter between `---` lines, or top-level keys of a TOML file whose `bodyKey` holds the body. */
  container: 'yaml-frontmatter' | 'toml';
  bodyKey?: string;
  fields: readonly FrontmatterField[];
}

/** The JSON/YAML/TOML shape an MCP target writes its servers in. */
export type McpStructure =
  'mcpServers' | 'vscode-servers' | 'zed-context-servers' | 'opencode-mcp' | 'codex-mcp-servers' | 'continue-block';

/**
 * How a command's argument placeholder is spelled: Claude `$ARGUMENTS` (neutral, with positional `$1`..`$9`), Gemini
 * `{{args}}`, VS Code `${input:args}` (with named `${input:name}` variables); `appended` tools substitute nothing and
 * add what the user typed after the command's text (Cursor commands, Windsurf workflows).
 */
export type ArgumentSyntax = 'dollar-arguments' | 'gemini-args' | 'vscode-input' | 'appended';

export interface FormatTarget {
  /** Stable kebab id, e.g. `cursor-rules`. */
  id: string;
  /** Stable tool id, e.g. `cursor`, `github-copilot`, `claude-code`. */
  tool: string;
  toolName: string;
  label: string;
  kinds: readonly BlueprintKind[];
  /** Path relative to the repository root; `{slug}` where the tool keeps one file per blueprint. */
  path: string;
  /** `project` files live in the repository; `user` files live in the user's home (see installPath). */
  scope: 'project' | 'user';
  /** Where a user-scope file really lives, e.g. `~/.codeium/windsurf/mcp_config.json`. */
  installPath?: string;
  syntax: FormatSyntax;
  mediaType: string;
  /** Metadata mapping, or null when the file is plain content with nowhere to put metadata. */
  frontmatter: FrontmatterMapping | null;
  /** For mcp-config targets: the structure the servers are written in. */
  mcpStructure?: McpStructure;
  /** For command targets: how the argument placeholder is spelled. */
  argumentSyntax?: ArgumentSyntax;
  docsUrl?: string;
  /** What differs from the reference product's entry, or a caveat about the tool. */
  notes?: string;
}

/** The neutral form every format converts through. */
export interface BlueprintDocument {
  kind: BlueprintKind;
  name?: string;
  description?: string;
  /**
   * Instruction text without frontmatter, argument placeholders spelled `$ARGUMENTS`. For mcp-config: the servers
   * object as JSON, `{ "<name>": { type, command, args, env, cwd, url, headers } }`. For settings: `{ hooks?,
   * permissions? }` as JSON, two-space indented.
   */
  body: string;
  /** File patterns the rule applies to (Cursor `globs` <-> Copilot `applyTo`). */
  globs?: string[];
  alwaysApply?: boolean;
  /**
   * The rule is applied only when the user mentions it, although it has a description: Windsurf `trigger: manual`,
   * Kiro `inclusion: manual`, Augment `type: manual`. Without it, a description means the model decides.
   */
  manual?: boolean;
  argumentHint?: string;
  allowedTools?: string[];
  model?: string;
  /** Copilot prompt `agent` (formerly `mode`), OpenCode command `agent`. */
  agent?: string;
  /**
   * The tool the document was imported from. Tool-specific values (allowedTools, model, agent, extra) are only
   * written back to that tool's targets, because another tool would misread them (the Agent Skills keys of `extra`
   * also go to every skill target); each one withheld is a `dropped` entry of the report. Unset means "authored
   * neutrally".
   */
  sourceTool?: string;
  /** Metadata keys the mapping does not know, preserved when exporting to the same tool (reported elsewhere). */
  extra?: Record<string, unknown>;
  /** The other files of a multi-file artefact (a skill's references/, scripts/ and assets/). */
  files?: AttachedFile[];
  /** How the source file spelled its metadata and body, so that an export to the same format keeps it. */
  spelling?: SourceSpelling;
}

/**
 * What a file said beyond its meaning: which key aliases, value shapes, key order and formatting it used. An export
 * to `format` writes back every unchanged value the way it was read (the same key, list or string, the same text),
 * and adds no key the source did not have unless the value changed.
 */
export interface SourceSpelling {
  /** The target id the file was read as. */
  format: string;
  /** The metadata as parsed, by key, in the order written. */
  values: Record<string, unknown>;
  /** Each top-level key's lines as written (YAML frontmatter only). */
  texts?: Record<string, string>;
  /** Comment or blank lines before the first key. */
  preamble?: string;
  /** The body as written, when the neutral body spells argument placeholders differently. */
  body?: string;
  /** The blank lines between the frontmatter and the body. */
  gap?: string;
  /** The whitespace the file ended with. */
  ending?: string;
  /** JSON files: the indentation the values were written with. */
  indent?: string;
  /** The file used CRLF line ends / opened with a byte-order mark. */
  crlf?: boolean;
  bom?: boolean;
}

/** What an export needs besides the document: the file name to use and the name the blueprint is known by. */
export interface ExportOptions {
  /** The fallback file or folder name (the blueprint's slug). */
  slug: string;
  /**
   * The blueprint's name: a command's, skill's or agent's file is named after the document's name, or this name,
   * when either is a valid identifier for the target (or derives one from it, reported as `derived`).
   */
  name?: string;
}
/** A file that belongs with the main file, by its path relative to the main file's folder. */
export interface AttachedFile {
  /** `/`-separated, relative, no `..`: e.g. `references/api.md`, `scripts/check.py`. */
  path: string;
  /** The text, or base64 when `encoding` is `base64` (images and other binary assets). */
  content: string;
  encoding: 'utf8' | 'base64';
}

/**
 * One difference between what the source meant and what the target file says:
 * - `dropped`: the target has nowhere to put it;
 * - `changed`: it is there, but means something else or less (a list flattened, a mode approximated);
 * - `derived`: the target needed a value the source did not have or spelled differently (an identifier from a name);
 * - `translated`: tool-specific syntax rewritten to the target's equivalent (`$ARGUMENTS` -> `{{args}}`).
 */
export interface ConversionChange {
  /** A neutral field (`allowedTools`), a source key (`license`), `body` for text rewrites, or `file:<path>`. */
  field: string;
  change: 'dropped' | 'changed' | 'derived' | 'translated';
  message: string;
  from?: string;
  to?: string;
}

/** Everything a conversion did not carry over as is: the one structure every export path reports. */
export interface ConversionReport {
  from: string;
  to: string;
  /** Nothing was dropped or changed (derived and translated values keep the meaning). */
  lossless: boolean;
  changes: ConversionChange[];
}

/** A tolerance the reader needed: the file was accepted as its tool would, not as strict YAML or JSON would. */
export interface ReadNote {
  code: 'LENIENT_FRONTMATTER';
  message: string;
  line?: number;
  key?: string;
}

/** How sure the detection is: by the tool's own path (`certain`), by a repository layout (`likely`), by content alone (`guess`). */
export type DetectionConfidence = 'certain' | 'likely' | 'guess';

export interface Detection {
  format: string;
  kind: BlueprintKind;
  confidence: DetectionConfidence;
  method: 'given' | 'path' | 'layout' | 'content';
  /** Why, in words: "path .claude/agents/*.md", "frontmatter has tools and model". */
  reason: string;
  /** Other formats that would also fit, best first. */
  alternatives: string[];
}

export interface ExportedFile {
  format: string;
  path: string;
  fileName: string;
  content: string;
  mediaType: string;
  /** Neutral fields that had a value but that this target cannot hold (the `dropped` entries of the report). */
  droppedFields: string[];
  report: ConversionReport;
  /** The attached files, at their paths relative to the repository root (beside `path`). */
  files: AttachedFile[];
}

export interface ImportResult {
  format: FormatTarget;
  document: BlueprintDocument;
  detection: Detection;
  notes: ReadNote[];
}
