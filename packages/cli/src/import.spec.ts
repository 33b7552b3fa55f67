import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findFormatFiles } from './import';

describe('finding instruction files to import', () => {
  let dir: string;
  const write = (file: string, content: string | Buffer) => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), content);
  };
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'lynxp-import-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('finds known formats by path, skips node_modules and .git, and leaves other files alone', () => {
    write('AGENTS.md', '# Agents\n');
    write('packages/web/.cursor/rules/react.mdc', '---\ndescription: React\n---\n# React\n');
    write('.github/copilot-instructions.md', '# Copilot\n');
    write('node_modules/pkg/AGENTS.md', '# Not ours\n');
    write('.git/AGENTS.md', '# Not ours either\n');
    write('README.md', '# Project\n');
    write('docs/guide.md', '# Guide\n');
    expect(findFormatFiles(dir).map((file) => [file.path, file.format])).toEqual([
      ['.github/copilot-instructions.md', 'copilot-repo-instructions'],
      ['AGENTS.md', 'agents-md'],
      ['packages/web/.cursor/rules/react.mdc', 'cursor-rules'],
    ]);
  });

  it('sends a skill’s folder with it as attachments, binary files in base64, and not as items of their own', () => {
    const skill = '---\nname: pdf\ndescription: Reads PDF files.\n---\n\nSee references/api.md.\n';
    write('.claude/skills/pdf/SKILL.md', skill);
    write('.claude/skills/pdf/references/api.md', '# API\n');
    write('.claude/skills/pdf/assets/logo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff]));
    const found = findFormatFiles(dir);
    expect(found).toHaveLength(1);
    expect(found[0]).toEqual(
      expect.objectContaining({ path: '.claude/skills/pdf/SKILL.md', format: 'claude-skill', content: skill }),
    );
    expect([...found[0]!.attachments].sort((a, b) => a.path.localeCompare(b.path))).toEqual([
      { path: '.claude/skills/pdf/assets/logo.png', content: 'iVBORwD/', encoding: 'base64' },
      { path: '.claude/skills/pdf/references/api.md', content: '# API\n', encoding: 'utf8' },
    ]);
  });
});
