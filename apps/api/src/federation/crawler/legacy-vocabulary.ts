// How an existing LynxPrompt instance's vocabulary (2.1.0: its `TemplateType` enum and its categories) maps onto ours.
// Every value it can send has a row, so nothing falls back by accident; test/fixtures/lynxprompt-2.1.0 records the
// vocabulary and where it was read.
import { knownCategory } from '../../blueprints/blueprint-rules';

/** Its repository files (README, LICENSE, CI, linters…) are not instructions for an agent: kept as generic rules. */
const PROJECT_FILE = 'agents-md';

/** `TemplateType` → our format id. The format decides the kind (rules or command). */
export const LEGACY_TYPE_FORMATS: Readonly<Record<string, string>> = {
  AGENTS_MD: 'agents-md',
  CLAUDE_MD: 'claude-md',
  // `.cursorrules`, kept for compatibility; CURSOR_RULES and CURSOR_MDC are both `.cursor/rules/*.mdc`.
  CURSORRULES: 'cursorrules',
  CURSOR_RULES: 'cursor-rules',
  CURSOR_MDC: 'cursor-rules',
  // Its files are `.github/copilot-instructions.md` and `.windsurfrules`.
  COPILOT_INSTRUCTIONS: 'copilot-repo-instructions',
  WINDSURF_RULES: 'windsurfrules',
  // Its label is "Antigravity", its file GEMINI.md.
  GEMINI_MD: 'gemini-md',
  CLINE_RULES: 'cline-rules',
  CODEX_MD: 'codex-rules',
  ZED_INSTRUCTIONS: 'zed-rules',
  VOID_CONFIG: 'void-rules',
  TRAE_RULES: 'trae-rules',
  // Project IDX is now Firebase Studio (`.idx/airules.md`).
  IDX_CONFIG: 'firebase-studio-rules',
  ROO_RULES: 'roo-rules',
  CONTINUE_CONFIG: 'continue-rules',
  // Sourcegraph Cody has no format of ours: its instructions are plain Markdown rules.
  CODY_CONFIG: 'agents-md',
  TABNINE_CONFIG: 'tabnine-guidelines',
  AMAZONQ_RULES: 'amazonq-rules',
  AUGMENT_RULES: 'augment-rules',
  KILOCODE_RULES: 'kilocode-rules',
  JUNIE_GUIDELINES: 'junie-guidelines',
  KIRO_STEERING: 'kiro-steering',
  AIDER_MD: 'aider-conventions',
  GOOSEHINTS: 'goose-hints',
  WARP_MD: 'warp-md',
  OPENCODE_JSON: 'opencode-rules',
  OPENHANDS_MD: 'openhands-microagent',
  CURSOR_COMMAND: 'cursor-command',
  CLAUDE_COMMAND: 'claude-command',
  WINDSURF_WORKFLOW: 'windsurf-workflow',
  COPILOT_PROMPT: 'copilot-prompt',
  CONTINUE_PROMPT: 'continue-prompt',
  OPENCODE_COMMAND: 'opencode-command',
  // Free-form instructions: the universal format.
  CUSTOM: 'agents-md',
  LICENSE: PROJECT_FILE,
  FUNDING: PROJECT_FILE,
  GITIGNORE: PROJECT_FILE,
  README: PROJECT_FILE,
  CONTRIBUTING: PROJECT_FILE,
  CODE_OF_CONDUCT: PROJECT_FILE,
  SECURITY: PROJECT_FILE,
  DOCKERFILE: PROJECT_FILE,
  DOCKER_COMPOSE: PROJECT_FILE,
  GITHUB_ACTIONS: PROJECT_FILE,
  GITLAB_CI: PROJECT_FILE,
  EDITORCONFIG: PROJECT_FILE,
  PRETTIER: PROJECT_FILE,
  ESLINT: PROJECT_FILE,
  PRE_COMMIT: PROJECT_FILE,
};

/** Its categories → ours. `saas` ("SaaS & Startups") builds whole products; an `api` is backend work. */
export const LEGACY_CATEGORIES: Readonly<Record<string, string>> = {
  web: 'web',
  fullstack: 'fullstack',
  devops: 'devops',
  mobile: 'mobile',
  saas: 'fullstack',
  data: 'data',
  api: 'backend',
  other: 'other',
};

const typeFormats = new Map(Object.entries(LEGACY_TYPE_FORMATS));
const categories = new Map(Object.entries(LEGACY_CATEGORIES));

/** The format of a legacy `type`; a value newer than 2.1.0 is read as generic rules. */
export function legacyFormat(type: string | null | undefined): string {
  return typeFormats.get((type ?? '').trim().toUpperCase()) ?? 'agents-md';
}

/** Our category for a legacy one: its own vocabulary first, then any of ours it happens to use. */
export function legacyCategory(category: string | null | undefined): string | null {
  const key = (category ?? '').trim().toLowerCase();
  return categories.get(key) ?? knownCategory(key);
}
