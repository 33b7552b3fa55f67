import fs from 'node:fs';
import path from 'node:path';

/**
 * A small Claude Code plugin written for these tests (not copied from anywhere): a manifest, one subagent, one command,
 * one skill and a hooks file, plus the hook's script, which a plugin import does not store.
 */
export const AUTHORED_PLUGIN: Record<string, string> = {
  '.claude-plugin/plugin.json': `${JSON.stringify(
    {
      name: 'shipit',
      version: '0.3.1',
      description: 'Release helpers: a changelog reviewer, a ship command and a version-bump skill.',
      author: { name: 'LynxPrompt tests' },
      license: 'MIT',
    },
    null,
    2,
  )}\n`,
  'agents/x.md': `---
name: changelog-reviewer
description: Reviews CHANGELOG entries before a release. Use when a pull request edits CHANGELOG.md.
tools: Read, Grep
---

You review changelog entries. Each entry names the user-visible change, links its pull request and sits under the
right heading (Added, Changed, Fixed, Removed). Point out entries that describe code rather than behaviour.
`,
  'commands/y.md': `---
description: Tag and push a release
argument-hint: <version>
---

Check that the working tree is clean, then tag the current commit as v$ARGUMENTS and push the tag.
`,
  'skills/z/SKILL.md': `---
name: version-bump
description: Bumps the version in package.json and the changelog heading together. Use when preparing a release.
---

# Version bump

1. Read the current version from package.json.
2. Pick the next version from the changelog's Unreleased section (breaking changes: major; features: minor).
3. Write it to package.json and rename the Unreleased heading to the new version with today's date.
`,
  'hooks/hooks.json': `${JSON.stringify(
    {
      hooks: {
        PostToolUse: [
          { matcher: 'Edit|Write', hooks: [{ type: 'command', command: '${CLAUDE_PLUGIN_ROOT}/scripts/fmt.sh' }] },
        ],
      },
    },
    null,
    2,
  )}\n`,
  'scripts/fmt.sh': '#!/bin/sh\nnpx prettier --write "$CLAUDE_FILE_PATHS"\n',
};

/** Writes the plugin under `folder`, for a test that chooses it as a folder in the browser. */
export function writeAuthoredPlugin(folder: string): string {
  for (const [file, content] of Object.entries(AUTHORED_PLUGIN)) {
    const target = path.join(folder, file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, content);
  }
  return folder;
}
