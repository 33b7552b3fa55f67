import * as fs from 'node:fs';
import * as path from 'node:path';
import { detect, importFile } from './formats';

/*
 * Every instruction file of the real-world corpus (test/fixtures/corpus, rebuilt by assemble.mjs) is detected at the
 * path where it sits in its repository and at the path where its tool reads it: always with the right kind, at the
 * tool path as exactly its format, at the repository path as its format or, when the layout fits several tools'
 * formats (a skills/<name>/SKILL.md is read alike by five tools), with its format among the alternatives.
 */
const CORPUS_DIR = process.env.LYNXPROMPT_REAL_CORPUS_DIR ?? path.resolve(__dirname, '../../test/fixtures/corpus');

interface ManifestFile {
  file: string;
  repositoryPath: string;
  toolPath: string;
  format: string;
  kind: string;
}

function manifest(): ManifestFile[] {
  const files = (
    JSON.parse(fs.readFileSync(path.join(CORPUS_DIR, 'manifest.json'), 'utf8')) as { files: ManifestFile[] }
  ).files;
  const missing = files.find((entry) => !fs.existsSync(path.join(CORPUS_DIR, entry.file)));
  if (missing) {
    throw new Error(`Corpus file ${missing.file} is missing: run node apps/api/test/fixtures/corpus/assemble.mjs`);
  }
  return files;
}

const FILES = manifest();

/** Measured: corpus files that content alone places, and how many of those in the wrong kind. */
const GUESSED = 607;
const WRONG_KIND = 14;

describe('detection on the real-world corpus', () => {
  it('holds every kind the product imports', () => {
    expect(new Set(FILES.map((entry) => entry.kind))).toEqual(
      new Set(['rules', 'command', 'skill', 'agent', 'mcp-config', 'settings']),
    );
  });

  it.each(FILES.map((entry) => [entry.file, entry] as const))('%s', (_file, entry) => {
    const content = fs.readFileSync(path.join(CORPUS_DIR, entry.file), 'utf8');

    const atToolPath = importFile({ content, path: entry.toolPath });
    expect({ format: atToolPath.detection.format, kind: atToolPath.document.kind }).toEqual({
      format: entry.format,
      kind: entry.kind,
    });

    const atRepositoryPath = importFile({ content, path: entry.repositoryPath });
    const detection = atRepositoryPath.detection;
    expect({ kind: detection.kind, documentKind: atRepositoryPath.document.kind }).toEqual({
      kind: entry.kind,
      documentKind: entry.kind,
    });
    expect([detection.format, ...detection.alternatives]).toContain(entry.format);
  });

  it('content alone: a guess is of the right kind in all but a measured few files (recorded in docs/formats.md)', () => {
    let guessed = 0;
    const wrongKind: string[] = [];
    for (const entry of FILES) {
      const content = fs.readFileSync(path.join(CORPUS_DIR, entry.file), 'utf8');
      const guess = detect({ content });
      if (!guess) continue;
      guessed += 1;
      if (guess.kind !== entry.kind) wrongKind.push(`${entry.file}: ${guess.format} (${guess.reason})`);
    }
    // Without a path, name + description is a skill and a Copilot agent alike: those are guesses, with alternatives.
    expect({ guessed, wrongKind: wrongKind.length }).toEqual({ guessed: GUESSED, wrongKind: WRONG_KIND });
  });
});
