import fs from 'node:fs';
import path from 'node:path';

/** Real files at repository paths (see test/fixtures/import-batch/SOURCES.md). */
export const IMPORT_FIXTURES = path.join(__dirname, '..', 'fixtures', 'import-batch');

export const FIXTURE_PATHS = {
  cursorRule: '.cursor/rules/go.mdc',
  copilotInstructions: '.github/instructions/a11y.instructions.md',
  pluginAgent: 'plugins/systems-programming/agents/c-pro.md',
  skill: '.claude/skills/skill-creator/SKILL.md',
  skillReference: '.claude/skills/skill-creator/references/schemas.md',
  skillLicense: '.claude/skills/skill-creator/LICENSE.txt',
  readme: 'README.md',
} as const;

export function fixture(relativePath: string): string {
  return fs.readFileSync(path.join(IMPORT_FIXTURES, relativePath), 'utf8');
}

/** The fixtures as an import request's files. */
export function fixtureFiles(paths: readonly string[] = Object.values(FIXTURE_PATHS)) {
  return paths.map((file) => ({ path: file, content: fixture(file) }));
}
