import {
  isCorpusAssembled,
  loadCorpusManifest,
  NOT_ASSEMBLED_NOTE,
  readCorpusFile,
} from '../../../apps/api/test/fixtures/corpus/corpus';
import { detect, importFile } from './formats';

/*
 * Every instruction file of the real-world corpus (test/fixtures/corpus, rebuilt by assemble.mjs) is detected at the
 * path where it sits in its repository and at the path where its tool reads it: always with the right kind, at the
 * tool path as exactly its format, at the repository path as its format or, when the layout fits several tools'
 * formats (a skills/<name>/SKILL.md is read alike by five tools), with its format among the alternatives.
 */
const assembled = isCorpusAssembled();
if (!assembled) console.warn(`${NOT_ASSEMBLED_NOTE}. Skipped.`);
const FILES = assembled ? loadCorpusManifest().files : [];

/** Measured: corpus files that content alone places, and how many of those in the wrong kind. */
const GUESSED = 607;
const WRONG_KIND = 14;

(assembled ? describe : describe.skip)('detection on the real-world corpus', () => {
  it('holds every kind the product imports', () => {
    expect(new Set(FILES.map((entry) => entry.kind))).toEqual(
      new Set(['rules', 'command', 'skill', 'agent', 'mcp-config', 'settings']),
    );
  });

  it.each(FILES.map((entry) => [entry.file, entry] as const))('%s', (_file, entry) => {
    const content = readCorpusFile(entry.file);

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
      const content = readCorpusFile(entry.file);
      const guess = detect({ content });
      if (!guess) continue;
      guessed += 1;
      if (guess.kind !== entry.kind) wrongKind.push(`${entry.file}: ${guess.format} (${guess.reason})`);
    }
    // Without a path, name + description is a skill and a Copilot agent alike: those are guesses, with alternatives.
    expect({ guessed, wrongKind: wrongKind.length }).toEqual({ guessed: GUESSED, wrongKind: WRONG_KIND });
  });
});
