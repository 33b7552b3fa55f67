import * as fs from 'node:fs';
import * as path from 'node:path';
import { exportDocument, importFile, listFormats } from './formats';
import type { BlueprintDocument, ConversionChange, ExportedFile } from './formats.types';
import { activationOf, isDefaultValue, NEUTRAL_FIELDS } from './metadata';
import { sameValue } from './spelling';
import {
  isCorpusAssembled,
  loadCorpusManifest,
  NOT_ASSEMBLED_NOTE,
  readCorpusFile,
} from '../../../apps/api/test/fixtures/corpus/corpus';

/*
 * Real files of the repository corpus (apps/api/test/fixtures/corpus; assemble.mjs builds the copies) keep their
 * meaning:
 * (a) through the codec to their own format: the same keys, value types, values and body (and how many come back
 *     byte for byte);
 * (b) through chains of three formats: whatever a step loses (a field, a key, a changed value, a changed body) is in
 *     that step's report. The counts per chain and step are compared with golden/loss-table.json (UPDATE_GOLDEN=1
 *     rewrites it; review the diff).
 */
const GOLDEN = path.join(__dirname, 'golden', 'loss-table.json');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

const assembled = isCorpusAssembled();
if (!assembled) console.warn(`${NOT_ASSEMBLED_NOTE}. Skipped.`);

/** Each chain starts from files of its first format. */
const CHAINS: readonly (readonly string[])[] = [
  ['claude-agent', 'copilot-agent', 'claude-agent'],
  ['claude-agent', 'copilot-agent', 'gemini-agent'],
  ['copilot-agent', 'claude-agent', 'copilot-agent'],
  ['cursor-rules', 'copilot-instructions', 'windsurf-rules'],
  ['copilot-instructions', 'cursor-rules', 'claude-rules'],
  ['cursor-rules', 'windsurf-rules', 'kiro-steering'],
  ['cursor-rules', 'augment-rules', 'agents-md'],
  ['claude-command', 'copilot-prompt', 'gemini-command'],
  ['copilot-prompt', 'claude-command', 'cursor-command'],
  ['claude-skill', 'copilot-skill', 'claude-skill'],
  ['copilot-skill', 'claude-skill', 'copilot-skill'],
  // Targets other work adds: each chain runs once its formats are in the registry.
  ['copilot-chatmode', 'copilot-agent', 'claude-agent'],
  ['gemini-agent', 'claude-agent', 'copilot-agent'],
  ['gemini-command', 'claude-command', 'copilot-prompt'],
  ['gemini-skill', 'claude-skill', 'codex-skill'],
  ['codex-skill', 'copilot-skill', 'gemini-skill'],
];

/** The slug the product would export a file under: its name in the tool's own path. */
function slugOf(toolPath: string): string {
  const parts = toolPath.split('/');
  const file = parts[parts.length - 1] === 'SKILL.md' ? parts[parts.length - 2]! : parts[parts.length - 1]!;
  const slug = file.replace(/\.(agent|prompt|instructions|chatmode)\.md$|\.(md|mdc|toml)$/, '');
  return /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/.test(slug) && !slug.includes('..') ? slug : 'file';
}

/** What `after` no longer says of what `before` said: neutral fields, extra keys and the body. */
function lost(before: BlueprintDocument, after: BlueprintDocument, exported: ExportedFile): string[] {
  const fields: string[] = [];
  for (const field of NEUTRAL_FIELDS) {
    const a = field === 'alwaysApply' ? (before.alwaysApply ?? false) : before[field];
    const b = field === 'alwaysApply' ? (after.alwaysApply ?? false) : after[field];
    if (a === undefined || (Array.isArray(a) && a.length === 0) || isDefaultValue(field, a)) continue;
    // A command's or agent's name may be its file name.
    if (field === 'name' && b === undefined && exported.path.includes(`/${String(a)}`)) continue;
    if (!sameValue(a, b)) fields.push(field);
  }
  for (const [key, value] of Object.entries(before.extra ?? {})) {
    if (!sameValue(value, after.extra?.[key])) fields.push(key);
  }
  if (before.kind === 'rules' && activationOf(before) !== activationOf(after)) fields.push('activation');
  if (before.body.replace(/\s+$/, '') !== after.body.replace(/\s+$/, '')) fields.push('body');
  return fields;
}

type Table = Record<
  string,
  { files: number; lossless: number; changes: Record<string, number>; unreported: Record<string, number> }
>;

function count(record: Record<string, number>, key: string): void {
  record[key] = (record[key] ?? 0) + 1;
}

function sorted<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}

(assembled ? describe : describe.skip)('meaning through the codec, on the repository corpus', () => {
  const source = 'apps/api/test/fixtures/corpus/manifest.json';
  const known = new Set(listFormats().map((format) => format.id));
  const readable = (assembled ? loadCorpusManifest().files : [])
    .filter((entry) => known.has(entry.format))
    .map((entry) => {
      const content = readCorpusFile(entry.file);
      try {
        return { entry, content, document: importFile({ content, format: entry.format }).document };
      } catch {
        return { entry, content, document: undefined };
      }
    });

  it('gives back the same keys, value types, values and body through the same format', () => {
    const failures: string[] = [];
    const byFormat: Record<string, { files: number; meaning: number; bytes: number; unreadable: number }> = {};
    for (const { entry, content, document } of readable) {
      const stats = (byFormat[entry.format] ??= { files: 0, meaning: 0, bytes: 0, unreadable: 0 });
      stats.files += 1;
      if (!document) {
        stats.unreadable += 1;
        continue;
      }
      const exported = exportDocument(document, entry.format, { slug: slugOf(entry.toolPath) });
      const again = importFile({ content: exported.content, format: entry.format }).document;
      // The file's own metadata as parsed (keys, order, types, values) and the neutral document read from it.
      const meaningOf = (read: BlueprintDocument) => {
        const { spelling, ...neutral } = read;
        return { neutral, values: spelling?.values, keys: Object.keys(spelling?.values ?? {}) };
      };
      const before = meaningOf(document);
      const after = meaningOf(again);
      if (sameValue(before, after) && exported.report.changes.every((change) => change.change !== 'dropped')) {
        stats.meaning += 1;
      } else {
        failures.push(`${entry.repositoryPath}: ${JSON.stringify({ before, after }).slice(0, 300)}`);
      }
      if (exported.content === content) stats.bytes += 1;
    }
    console.log(`Same-format round trip over ${source}:\n${JSON.stringify(sorted(byFormat), null, 1)}`);
    expect(failures).toEqual([]);
  });

  it('reports everything a chain of three formats loses, as golden/loss-table.json records', () => {
    const table: Table = {};
    const unreported: string[] = [];
    const counted = new Set<string>();
    for (const chain of CHAINS) {
      if (!chain.every((format) => known.has(format))) continue;
      for (const { entry, document } of readable) {
        if (entry.format !== chain[0] || !document) continue;
        let current = document;
        for (let step = 1; step < chain.length; step += 1) {
          const key = `${chain.slice(0, step + 1).join(' → ')}`;
          const exported = exportDocument(current, chain[step]!, { slug: slugOf(entry.toolPath) });
          const next = importFile({ content: exported.content, format: chain[step]! }).document;
          // Chains that share their first steps count each shared step once.
          if (counted.has(`${key}\0${entry.file}`)) {
            current = next;
            continue;
          }
          counted.add(`${key}\0${entry.file}`);
          const row = (table[key] ??= { files: 0, lossless: 0, changes: {}, unreported: {} });
          row.files += 1;
          if (exported.report.lossless) row.lossless += 1;
          for (const change of exported.report.changes) count(row.changes, `${change.field}: ${change.change}`);
          const reported = new Set(exported.report.changes.map((change: ConversionChange) => change.field));
          for (const field of lost(current, next, exported)) {
            // A rule's activation is told by the fields that make it up.
            const fields =
              field === 'activation'
                ? ['activation', 'alwaysApply', 'globs', 'description']
                : field === 'alwaysApply'
                  ? ['alwaysApply', 'activation']
                  : [field];
            if (fields.some((entry) => reported.has(entry))) continue;
            count(row.unreported, field);
            unreported.push(`${entry.repositoryPath} ${key}: ${field}`);
          }
          current = next;
        }
      }
    }
    const result = Object.fromEntries(
      Object.entries(table).map(([key, row]) => [
        key,
        { ...row, changes: sorted(row.changes), unreported: sorted(row.unreported) },
      ]),
    );
    const golden = { corpus: source, files: readable.length, chains: result };
    if (UPDATE) {
      fs.mkdirSync(path.dirname(GOLDEN), { recursive: true });
      fs.writeFileSync(GOLDEN, `${JSON.stringify(golden, null, 2)}\n`);
    }
    expect(unreported.slice(0, 20)).toEqual([]);
    expect(golden).toEqual(JSON.parse(fs.readFileSync(GOLDEN, 'utf8')));
  });
});
