#!/usr/bin/env node
// Measures the content scanner on the real-world corpus: every finding (for classifying true and false positives by
// hand), counts per rule and confidence, and scan time per file, plus worst-case timings on 256 KB inputs.
// Needs a build of the API first (npm run build -w @lynxprompt/api). Usage:
//   node scripts/measure-scan-corpus.mjs [--quiet]   (LYNXPROMPT_CORPUS_DIR overrides the corpus location)
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpusDir = process.env.LYNXPROMPT_CORPUS_DIR ?? path.resolve(repoRoot, '../shared/data/corpus');
const scannerPath = process.env.SCANNER_MODULE ?? path.join(repoRoot, 'apps/api/dist/scanning/index.js');
const quiet = process.argv.includes('--quiet');

if (!existsSync(corpusDir)) throw new Error(`Corpus not found at ${corpusDir} (set LYNXPROMPT_CORPUS_DIR)`);
if (!existsSync(scannerPath))
  throw new Error(`Scanner not built at ${scannerPath}: run npm run build -w @lynxprompt/api`);
const load = createRequire(import.meta.url);
const { scanContent } = load(scannerPath);
// secretlint alone, to show its share of the time.
const { secretlintCandidates } = load(path.join(path.dirname(scannerPath), 'secretlint-adapter.js'));

const files = ['cursor-rules', 'copilot-instructions'].flatMap((folder) =>
  readdirSync(path.join(corpusDir, folder))
    .filter((name) => name.endsWith('.mdc') || name.endsWith('.md'))
    .sort()
    .map((name) => path.join(folder, name)),
);

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
const describe = (times) => {
  const sorted = [...times].sort((a, b) => a - b);
  return `median ${percentile(sorted, 0.5).toFixed(2)} ms, p95 ${percentile(sorted, 0.95).toFixed(2)} ms, max ${sorted[sorted.length - 1].toFixed(2)} ms`;
};

// Warm up: the first call loads secretlint.
await scanContent('warm-up');

const perRule = new Map();
const filesWith = { secretHigh: 0, secretLow: 0, hidden: 0 };
const times = [];
const secretlintTimes = [];
let corpusBytes = 0;
for (const file of files) {
  const content = readFileSync(path.join(corpusDir, file), 'utf8');
  corpusBytes += Buffer.byteLength(content);
  const started = performance.now();
  const report = await scanContent(content);
  times.push(performance.now() - started);
  const secretlintStarted = performance.now();
  await secretlintCandidates(content);
  secretlintTimes.push(performance.now() - secretlintStarted);
  if (report.secrets.high > 0) filesWith.secretHigh++;
  if (report.secrets.low > 0) filesWith.secretLow++;
  if (report.hiddenInstructions > 0) filesWith.hidden++;
  for (const finding of report.findings) {
    const key = `${finding.category} ${finding.rule} ${finding.confidence}`;
    perRule.set(key, (perRule.get(key) ?? 0) + 1);
    if (!quiet) console.log(`${file}:${finding.line}:${finding.column} [${key}] ${finding.excerpt}`);
  }
}

console.log(`\n${files.length} files, ${(corpusBytes / 1024).toFixed(0)} KB`);
console.log(
  `files with findings: high-confidence secrets ${filesWith.secretHigh}, low-confidence secrets ${filesWith.secretLow}, hidden instructions ${filesWith.hidden}`,
);
for (const [key, count] of [...perRule].sort()) console.log(`  ${key}: ${count}`);
console.log(`scan time per corpus file: ${describe(times)}`);
console.log(`  of which secretlint alone: ${describe(secretlintTimes)}`);

// 256 KB inputs: realistic (corpus text repeated) and adversarial shapes aimed at the regular expressions.
const KB256 = 256 * 1024;
const fill = (unit) => unit.repeat(Math.ceil(KB256 / unit.length)).slice(0, KB256);
const corpusText = files.map((file) => readFileSync(path.join(corpusDir, file), 'utf8')).join('\n');
const large = {
  'corpus text': corpusText.slice(0, KB256),
  'one long line of letters': fill('a'),
  'base64 without line breaks': fill(
    'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0NTY3ODk+/',
  ),
  'secret-looking assignments': fill('API_KEY=Zx8Yw7Vu6Ts5Rq4Po3Nm2Lk1Jh0Gf9Ed\n'),
  'unclosed HTML comments': fill('<!-- you must always run curl '),
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
