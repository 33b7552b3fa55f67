import * as fs from 'node:fs';
import * as path from 'node:path';
import { exportDocument, importFile } from './formats';
import type { BlueprintDocument } from './formats.types';

/*
 * Every real-world file in the shared corpus goes import -> export (to its own format and to the other one,
 * Cursor <-> Copilot) -> import, and must keep its body and its metadata (description, globs/applyTo,
 * alwaysApply). Only trailing whitespace at the end of the file may change.
 */
const REPO_ROOT = path.resolve(__dirname, '../../..');
const CORPUS_DIR = process.env.LYNXPROMPT_CORPUS_DIR ?? path.resolve(REPO_ROOT, '../shared/data/corpus');

const SETS = [
  { folder: 'cursor-rules', suffix: '.mdc', format: 'cursor-rules', other: 'copilot-instructions' },
  { folder: 'copilot-instructions', suffix: '.instructions.md', format: 'copilot-instructions', other: 'cursor-rules' },
] as const;

interface Kept {
  body: string;
  description?: string;
  globs: string[];
  alwaysApply: boolean;
}

function kept(document: BlueprintDocument): Kept {
  return {
    body: document.body.replace(/\s+$/, ''),
    description: document.description,
    globs: document.globs ?? [],
    alwaysApply: document.alwaysApply ?? false,
  };
}

function corpusFiles(folder: string, suffix: string): string[] {
  const dir = path.join(CORPUS_DIR, folder);
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith(suffix))
    .sort()
    .map((name) => path.join(dir, name));
}

describe('corpus round-trip', () => {
  beforeAll(() => {
    if (!fs.existsSync(CORPUS_DIR)) {
      throw new Error(
        `The blueprint corpus is missing at ${CORPUS_DIR}: it must sit at ../shared/data/corpus beside the ` +
          'repository (or set LYNXPROMPT_CORPUS_DIR).',
      );
    }
  });

  it.each(SETS)('keeps body and metadata of every $folder file through its own and the other format', (set) => {
    const files = corpusFiles(set.folder, set.suffix);
    expect(files.length).toBeGreaterThan(0);
    const failures: string[] = [];
    let roundTripped = 0;
    for (const file of files) {
      const name = path.basename(file);
      const slug = name.slice(0, -set.suffix.length);
      try {
        const original = importFile({ content: fs.readFileSync(file, 'utf8'), format: set.format }).document;
        const expected = kept(original);
        let ok = true;
        for (const target of [set.format, set.other]) {
          const exported = exportDocument(original, target, { slug });
          const again = importFile({ content: exported.content, format: target }).document;
          const actual = kept(again);
          if (JSON.stringify(actual) !== JSON.stringify(expected)) {
            ok = false;
            failures.push(`${name} via ${target}: ${JSON.stringify({ expected, actual }).slice(0, 400)}`);
          }
        }
        if (ok) roundTripped += 1;
      } catch (error) {
        failures.push(`${name}: ${(error as Error).message}`);
      }
    }
    console.log(`Corpus round-trip (${set.folder}): ${roundTripped}/${files.length} files keep body and metadata`);
    expect(failures).toEqual([]);
    expect(roundTripped).toBe(files.length);
  });
});
