#!/usr/bin/env node
// Measures the content scanner on the real-world corpora: every finding (for classifying true and false positives by
// hand), counts per rule and confidence, and scan time per file, plus worst-case timings on 256 KB inputs. Two corpora:
// "shared" (../shared/data/corpus: Cursor rules and Copilot instructions, the first figures) and "repositories"
// (apps/api/test/fixtures/corpus: instruction files and their skills' attachments from public repositories, listed by
// its manifest.json and assembled by its assemble.mjs). A corpus that is not there is skipped with a note.
// Needs a build of the API first (npm run build -w @lynxprompt/api). Usage:
//   node scripts/measure-scan-corpus.mjs [--quiet]
//   (LYNXPROMPT_CORPUS_DIR and LYNXPROMPT_REAL_CORPUS_DIR override the two locations)
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sharedDir = process.env.LYNXPROMPT_CORPUS_DIR ?? path.resolve(repoRoot, '../shared/data/corpus');
const fixtureDir = path.join(repoRoot, 'apps/api/test/fixtures/corpus');
const repositoriesDir = process.env.LYNXPROMPT_REAL_CORPUS_DIR ?? fixtureDir;
const scannerPath = process.env.SCANNER_MODULE ?? path.join(repoRoot, 'packages/scanning/dist/index.js');
const quiet = process.argv.includes('--quiet');

if (!existsSync(scannerPath))
  throw new Error(`Scanner not built at ${scannerPath}: run npm run build -w @lynxprompt/scanning`);
const load = createRequire(import.meta.url);
const { scanContentInProcess: scanContent } = load(scannerPath);
// secretlint alone, to show its share of the time.
const { secretlintCandidates } = load(path.join(path.dirname(scannerPath), 'secretlint-adapter.js'));

/** Files as absolute paths, each corpus's text files only. */
function sharedFiles() {
  return ['cursor-rules', 'copilot-instructions'].flatMap((folder) =>
    readdirSync(path.join(sharedDir, folder))
      .filter((name) => name.endsWith('.mdc') || name.endsWith('.md'))
      .sort()
      .map((name) => path.join(sharedDir, folder, name)),
  );
}

/** Every instruction file of the manifest and every text attachment of its skill, as the import would scan them. */
function repositoryFiles() {
  const manifest = JSON.parse(readFileSync(path.join(fixtureDir, 'manifest.json'), 'utf8'));
  return manifest.files
    .flatMap((entry) => [
      entry.file,
      ...(entry.attachments ?? []).map((attachment) => path.posix.join(path.posix.dirname(entry.file), attachment)),
    ])
    .map((name) => path.join(repositoriesDir, name))
    .filter((file) => !readFileSync(file, 'utf8').includes('\u0000'));
}

const corpora = [
  { name: 'shared', dir: sharedDir, present: existsSync(sharedDir), list: sharedFiles },
  {
    name: 'repositories',
    dir: repositoriesDir,
    present: existsSync(path.join(repositoriesDir, 'anthropics+claude-plugins-official')),
    list: repositoryFiles,
  },
];
for (const corpus of corpora.filter((c) => !c.present)) {
  console.log(
    `(${corpus.name} corpus not found at ${corpus.dir}: skipped${corpus.name === 'repositories' ? '; node apps/api/test/fixtures/corpus/assemble.mjs builds it' : ''})`,
  );
}
if (!corpora.some((c) => c.present))
  throw new Error('No corpus found (see LYNXPROMPT_CORPUS_DIR, LYNXPROMPT_REAL_CORPUS_DIR)');

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
const describe = (times) => {
  const sorted = [...times].sort((a, b) => a - b);
  return `median ${percentile(sorted, 0.5).toFixed(2)} ms, p95 ${percentile(sorted, 0.95).toFixed(2)} ms, max ${sorted[sorted.length - 1].toFixed(2)} ms`;
};

// Warm up: the first call loads secretlint.
await scanContent('warm-up');

let allFiles = [];
for (const corpus of corpora.filter((c) => c.present)) {
  const files = corpus.list();
  allFiles = allFiles.concat(files);
  const perRule = new Map();
  const filesWith = { secretHigh: 0, secretLow: 0, hiddenHigh: 0, hiddenLow: 0 };
  const times = [];
  const secretlintTimes = [];
  let corpusBytes = 0;
  for (const file of files) {
    const content = readFileSync(file, 'utf8');
    corpusBytes += Buffer.byteLength(content);
    const started = performance.now();
    const report = await scanContent(content);
    times.push(performance.now() - started);
    const secretlintStarted = performance.now();
    await secretlintCandidates(content);
    secretlintTimes.push(performance.now() - secretlintStarted);
    const has = (category, confidence) =>
      report.findings.some((finding) => finding.category === category && finding.confidence === confidence);
    if (has('secret', 'high')) filesWith.secretHigh++;
    if (has('secret', 'low')) filesWith.secretLow++;
    if (has('hidden-instruction', 'high')) filesWith.hiddenHigh++;
    if (has('hidden-instruction', 'low')) filesWith.hiddenLow++;
    for (const finding of report.findings) {
      const key = `${finding.category} ${finding.rule} ${finding.confidence}`;
      perRule.set(key, (perRule.get(key) ?? 0) + 1);
      if (!quiet) {
        console.log(`${path.relative(corpus.dir, file)}:${finding.line}:${finding.column} [${key}] ${finding.excerpt}`);
      }
    }
  }

  console.log(`\n${corpus.name} corpus: ${files.length} files, ${(corpusBytes / 1024).toFixed(0)} KB`);
  console.log(
    `files with findings: secrets high ${filesWith.secretHigh}, low ${filesWith.secretLow}; hidden instructions high ${filesWith.hiddenHigh}, low ${filesWith.hiddenLow}`,
  );
  for (const [key, count] of [...perRule].sort()) console.log(`  ${key}: ${count}`);
  console.log(`scan time per file: ${describe(times)}`);
  console.log(`  of which secretlint alone: ${describe(secretlintTimes)}\n`);
}

// 256 KB inputs: realistic (corpus text repeated) and adversarial shapes aimed at the regular expressions.
const KB256 = 256 * 1024;
const fill = (unit) => unit.repeat(Math.ceil(KB256 / unit.length)).slice(0, KB256);
const corpusText = allFiles.map((file) => readFileSync(file, 'utf8')).join('\n');
const large = {
  'corpus text': corpusText.slice(0, KB256),
  'one long line of letters': fill('a'),
  'base64 without line breaks': fill(
    'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0NTY3ODk+/',
  ),
  'secret-looking assignments': fill('API_KEY=Zx8Yw7Vu6Ts5Rq4Po3Nm2Lk1Jh0Gf9Ed\n'),
  'unclosed HTML comments': fill('<!-- you must always run curl '),
  'credential URLs full of @': fill('pg://u:p@h@'),
  'zero-width characters between letters': fill('a\u200b'),
  'backticks of many lengths': fill('` `` ``` x '),
};
for (const [name, content] of Object.entries(large)) {
  const runs = [];
  let findings = 0;
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    findings = (await scanContent(content)).findings.length;
    runs.push(performance.now() - started);
  }
  console.log(`256 KB, ${name}: ${describe(runs)} over 3 runs (${findings} findings)`);
}
const secretlintRuns = [];
for (let i = 0; i < 3; i++) {
  const started = performance.now();
  await secretlintCandidates(large['corpus text']);
  secretlintRuns.push(performance.now() - started);
}
console.log(`256 KB, corpus text, secretlint alone: ${describe(secretlintRuns)} over 3 runs`);
