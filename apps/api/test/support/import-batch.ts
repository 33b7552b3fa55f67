import fs from 'node:fs';
import path from 'node:path';

/**
 * The files of a small repository for the batch-import tests, at the repository paths the import must understand.
 * The Cursor rule and the Copilot instructions are read at test time from the shared corpus (real files written
 * outside this project, which we may read but not copy in); the subagent, the skill folder and the README are ours,
 * written here to exercise what the corpus does not hold (a plugin layout, attachments, a lenient frontmatter).
 */

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');

/** The shared corpus: `../shared/data/corpus` beside the repository, or `LYNXPROMPT_CORPUS_DIR`. */
export const CORPUS_DIR = process.env.LYNXPROMPT_CORPUS_DIR
  ? path.resolve(process.env.LYNXPROMPT_CORPUS_DIR)
  : path.resolve(REPO_ROOT, '../shared/data/corpus');

export const FIXTURE_PATHS = {
  cursorRule: '.cursor/rules/go.mdc',
  copilotInstructions: '.github/instructions/a11y.instructions.md',
  pluginAgent: 'plugins/systems-programming/agents/c-pro.md',
  skill: '.claude/skills/release-notes/SKILL.md',
  skillReference: '.claude/skills/release-notes/references/style.md',
  skillLicense: '.claude/skills/release-notes/LICENSE.txt',
  readme: 'README.md',
} as const;

/** Repository path → file of the shared corpus it is read from. */
const FROM_CORPUS: Record<string, string> = {
  [FIXTURE_PATHS.cursorRule]: 'cursor-rules/go.mdc',
  [FIXTURE_PATHS.copilotInstructions]: 'copilot-instructions/a11y.instructions.md',
};

// The description holds ": ", which strict YAML refuses and the tools read as plain text (a LENIENT_FRONTMATTER note).
const C_PRO_AGENT = `---
name: c-pro
description: C systems programmer. Use when: a change touches manual memory management, pointer arithmetic or POSIX system calls.
tools: Read, Edit, Grep, Bash
model: sonnet
---

You write and review C for code that runs close to the operating system.

## How you work

- Every allocation has one owner; free it on every path, including the error paths.
- Check the result of every system call and report \`errno\` with \`strerror\` where it helps the reader.
- Prefer fixed-size buffers with explicit bounds over pointer arithmetic you cannot check.
- Build with \`-Wall -Wextra -Werror\` and run the tests under AddressSanitizer before you say a change is done.

## What you hand back

A short summary of the change, the commands you ran and their output, and any undefined behaviour you saw but did
not fix.
`;

const RELEASE_NOTES_SKILL = `---
name: release-notes
description: Drafts release notes from the pull requests merged since the last tag. Use when preparing a release.
---

# Release notes

1. List the pull requests merged since the last tag (\`git log --merges <last-tag>..HEAD\`).
2. Group them under Added, Changed, Fixed and Removed; leave out changes to tests and CI.
3. Write one line per change, in the voice described in [references/style.md](references/style.md).
4. End with the upgrade steps, if a change needs any.
`;

const RELEASE_NOTES_STYLE = `# Style of the release notes

- Say what changed for the user, not how it was built: "Exports keep the skill's attachments", not "Refactor exporter".
- Present tense, no exclamation marks, no emoji.
- Name settings and commands exactly as the user types them, in code spans.
- Link the pull request at the end of the line: \`(#123)\`.
`;

const RELEASE_NOTES_LICENSE = `Copyright 2026 the LynxPrompt authors.

This skill is test data of the LynxPrompt test suite and is licensed under the GNU General Public License,
version 3 only (GPL-3.0-only). The full text is in the LICENSE file at the root of the LynxPrompt repository.
`;

// A project README: no frontmatter, no tool path, nothing a format recognises.
const README = `# Ledgerline

A small command-line tool that reconciles bank exports with a plain-text ledger.

## Install

\`\`\`sh
make && sudo make install
\`\`\`

## Use

\`\`\`sh
ledgerline reconcile --ledger books.journal --export bank-2026-11.csv
\`\`\`

Unmatched lines are printed with the closest ledger entry, so you can fix the ledger and run it again.

## Licence

GPL-3.0-only.
`;

const AUTHORED: Record<string, string> = {
  [FIXTURE_PATHS.pluginAgent]: C_PRO_AGENT,
  [FIXTURE_PATHS.skill]: RELEASE_NOTES_SKILL,
  [FIXTURE_PATHS.skillReference]: RELEASE_NOTES_STYLE,
  [FIXTURE_PATHS.skillLicense]: RELEASE_NOTES_LICENSE,
  [FIXTURE_PATHS.readme]: README,
};

function readCorpusFile(relativePath: string): string {
  const file = path.join(CORPUS_DIR, relativePath);
  if (!fs.existsSync(file)) {
    throw new Error(
      `The shared corpus file ${file} is missing: the corpus must sit at ../shared/data/corpus beside the repository ` +
        '(or set LYNXPROMPT_CORPUS_DIR).',
    );
  }
  return fs.readFileSync(file, 'utf8');
}

/** The content of one fixture, by its repository path. */
export function fixture(repositoryPath: string): string {
  const corpusFile = FROM_CORPUS[repositoryPath];
  if (corpusFile !== undefined) return readCorpusFile(corpusFile);
  const authored = AUTHORED[repositoryPath];
  if (authored === undefined) throw new Error(`No import fixture at ${repositoryPath}`);
  return authored;
}

/** The fixtures as an import request's files. */
export function fixtureFiles(paths: readonly string[] = Object.values(FIXTURE_PATHS)) {
  return paths.map((file) => ({ path: file, content: fixture(file) }));
}

/** Writes every fixture under `folder` at its repository path, for tests that need a real folder or zip on disk. */
export function writeFixtureTree(folder: string): string {
  for (const { path: file, content } of fixtureFiles()) {
    const target = path.join(folder, file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, content);
  }
  return folder;
}
