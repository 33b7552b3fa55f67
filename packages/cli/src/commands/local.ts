import { lstatSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync, type Stats } from 'node:fs';
import path from 'node:path';
import {
  CodedError,
  exportDocument,
  importFile,
  listFormats,
  type ConversionReport,
  type ReadNote,
} from '@lynxprompt/formats';
import { scanContentInProcess, type ScanFinding } from '@lynxprompt/scanning';
import { Option, type Command } from 'commander';
import { withContext, type CommandContext } from '../context';
import { CliError, ExitCode } from '../errors';
import { githubAnnotation } from '../github-annotations';
import { IGNORED_DIRECTORIES } from '../ignored-directories';
import { printable } from '../text';

/** Files larger than this are not converted or scanned: instruction files are small (the API's limit is 256 KiB). */
export const MAX_LOCAL_FILE_BYTES = 1024 * 1024;
/** A scan of a huge tree stops here rather than running for hours. */
export const MAX_SCANNED_FILES = 20_000;

export type FailOn = 'secrets' | 'hidden' | 'any';

export interface FileScan {
  path: string;
  findings: ScanFinding[];
  secrets: { high: number; low: number };
  hiddenInstructions: number;
  truncated: boolean;
}

export interface ScanSummary {
  files: FileScan[];
  scanned: number;
  skipped: Array<{ path: string; reason: 'too-large' | 'binary' | 'unreadable' | 'limit' }>;
  totals: { secrets: { high: number; low: number }; hiddenInstructions: number };
  failOn: FailOn | null;
  failed: boolean;
}

/** convert, scan and formats: offline, with the same libraries the instance runs. */
export function registerLocalCommands(program: Command): void {
  program
    .command('convert')
    .description("convert an instruction file to another tool's format, offline (the loss report goes to stderr)")
    .argument('<file>', 'the file to convert (- for stdin, with --from)')
    .requiredOption('--to <format>', 'target format id (lynxp formats lists them)')
    .option('--from <format>', 'source format id (default: detected from the path and content)')
    .option('--out <path>', "where to write the result; '-' for stdout (the default)")
    .action(
      withContext((context, file: string, options: { to: string; from?: string; out?: string }) =>
        convertFile(context, file, options),
      ),
    );

  program
    .command('scan')
    .description('scan files or folders for secrets and hidden instructions, offline')
    .argument('<paths...>', 'files or folders (folders are walked, skipping node_modules, .git and build output)')
    .addOption(
      new Option('--fail-on <what>', 'exit with code 1 when this is found').choices(['secrets', 'hidden', 'any']),
    )
    .addOption(new Option('--format <format>', 'report style').choices(['human', 'github']).default('human'))
    .action(
      withContext((context, paths: string[], options: { failOn?: FailOn; format: 'human' | 'github' }) =>
        scanPaths(context, paths, options),
      ),
    );

  program
    .command('formats')
    .description('list the format ids convert, pull and push understand')
    .option('--kind <kind>', 'only formats that hold this kind (rules, command, skill, …)')
    .action(withContext((context, options: { kind?: string }) => printFormats(context, options)));
}

async function convertFile(
  context: CommandContext,
  file: string,
  options: { to: string; from?: string; out?: string },
): Promise<void> {
  const fromStdin = file === '-';
  const content = fromStdin ? readStdin() : readLocalFile(path.resolve(context.cwd, file));
  const converted = withCodes(() => {
    const imported = importFile({ content, format: options.from, path: fromStdin ? undefined : file });
    const slug = slugOf(imported.document.name ?? (fromStdin ? 'blueprint' : path.parse(file).name));
    return {
      imported,
      exported: exportDocument(imported.document, options.to, { slug, name: imported.document.name }),
    };
  });
  const { imported, exported } = converted;
  const out = options.out ?? '-';
  if (out !== '-') {
    const target = path.resolve(context.cwd, out);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, exported.content);
  }
  const result = {
    from: imported.format.id,
    to: exported.format,
    detection: imported.detection,
    notes: imported.notes,
    report: exported.report,
    // Where the target tool reads the file from, relative to a repository's root.
    toolPath: exported.path,
    out,
    ...(out === '-' ? { content: exported.content } : {}),
  };
  if (context.output.json) {
    context.output.result(result);
    return;
  }
  if (out === '-') process.stdout.write(exported.content);
  else context.output.note(`Wrote ${out} (${exported.format}; the tool reads it at ${exported.path})`);
  printLossReport(context, exported.report, imported.notes);
}

function printLossReport(context: CommandContext, report: ConversionReport, notes: ReadNote[]): void {
  const { output } = context;
  for (const note of notes) output.note(output.dim(`note: ${printable(note.message)}`));
  if (report.lossless && report.changes.length === 0) {
    output.note(output.dim(`${report.from} → ${report.to}: nothing lost`));
    return;
  }
  output.note(
    `${report.from} → ${report.to}: ${report.lossless ? 'meaning kept' : output.yellow('some meaning lost')}`,
  );
  for (const change of report.changes) {
    const colour = change.change === 'dropped' ? output.red : change.change === 'changed' ? output.yellow : output.dim;
    output.note(`  ${colour(change.change.padEnd(10))} ${printable(change.field)}: ${printable(change.message)}`);
  }
}

async function scanPaths(
  context: CommandContext,
  paths: string[],
  options: { failOn?: FailOn; format: 'human' | 'github' },
): Promise<void> {
  const skipped: ScanSummary['skipped'] = [];
  const files = collectFiles(context.cwd, paths, skipped);
  const progress = context.output.progress('Scanning', files.length);
  const scans: FileScan[] = [];
  for (const file of files) {
    const content = readScannable(file, skipped, context.cwd);
    progress.tick();
    if (content === undefined) continue;
    const report = await scanContentInProcess(content);
    scans.push({ path: relative(context.cwd, file), ...report });
  }
  progress.done();
  const totals = {
    secrets: {
      high: sum(scans.map((scan) => scan.secrets.high)),
      low: sum(scans.map((scan) => scan.secrets.low)),
    },
    hiddenInstructions: sum(scans.map((scan) => scan.hiddenInstructions)),
  };
  const secrets = totals.secrets.high + totals.secrets.low;
  const failed =
    (options.failOn === 'secrets' && secrets > 0) ||
    (options.failOn === 'hidden' && totals.hiddenInstructions > 0) ||
    (options.failOn === 'any' && secrets + totals.hiddenInstructions > 0);
  const withFindings = scans.filter((scan) => scan.findings.length > 0 || scan.truncated);
  const summary: ScanSummary = {
    files: withFindings,
    scanned: scans.length,
    skipped,
    totals,
    failOn: options.failOn ?? null,
    failed,
  };
  if (context.output.json) context.output.result(summary);
  else if (options.format === 'github') printAnnotations(summary, options.failOn);
  else printScan(context, summary);
  if (failed) process.exitCode = ExitCode.CheckFailed;
}

/** Every regular file under the given paths, in a stable order; a path that does not exist is a usage error. */
function collectFiles(cwd: string, paths: string[], skipped: ScanSummary['skipped']): string[] {
  const found: string[] = [];
  const visit = (file: string, stats: Stats, given: boolean) => {
    if (stats.isFile()) {
      if (found.length >= MAX_SCANNED_FILES) skipped.push({ path: relative(cwd, file), reason: 'limit' });
      else found.push(file);
      return;
    }
    if (!stats.isDirectory() || (!given && IGNORED_DIRECTORIES.has(path.basename(file)))) return;
    let entries: string[];
    try {
      entries = readdirSync(file).sort();
    } catch {
      skipped.push({ path: relative(cwd, file), reason: 'unreadable' });
      return;
    }
    for (const entry of entries) {
      const child = path.join(file, entry);
      let childStats: Stats;
      try {
        // lstat: symbolic links are not followed, so a link loop or a link out of the tree is never walked.
        childStats = lstatSync(child);
      } catch {
        continue;
      }
      visit(child, childStats, false);
    }
  };
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    let stats: Stats;
    try {
      stats = statSync(absolute);
    } catch {
      throw new CliError('PATH_NOT_FOUND', `${given} does not exist`, ExitCode.Usage);
    }
    visit(absolute, stats, true);
  }
  return [...new Set(found)];
}

/** The file's text, or undefined (and a skipped entry) when it is too large, binary or unreadable. */
function readScannable(file: string, skipped: ScanSummary['skipped'], cwd: string): string | undefined {
  const shown = relative(cwd, file);
  let bytes: Buffer;
  try {
    if (statSync(file).size > MAX_LOCAL_FILE_BYTES) {
      skipped.push({ path: shown, reason: 'too-large' });
      return undefined;
    }
    bytes = readFileSync(file);
  } catch {
    skipped.push({ path: shown, reason: 'unreadable' });
    return undefined;
  }
  if (bytes.subarray(0, 8192).includes(0)) {
    skipped.push({ path: shown, reason: 'binary' });
    return undefined;
  }
  return bytes.toString('utf8');
}

function printScan(context: CommandContext, summary: ScanSummary): void {
  const { output } = context;
  for (const file of summary.files) {
    output.line(output.bold(printable(file.path)));
    for (const finding of file.findings) {
      const label =
        finding.category === 'secret'
          ? finding.confidence === 'high'
            ? output.red('secret')
            : output.yellow('secret?')
          : output.yellow('hidden');
      output.line(
        `  ${`${finding.line}:${finding.column}`.padEnd(8)} ${label}  ${printable(finding.message)} ` +
          output.dim(`(${finding.rule})`),
      );
      if (finding.excerpt) output.line(output.dim(`           ${printable(finding.excerpt)}`));
    }
    if (file.truncated) output.line(output.dim('  … more findings than listed'));
  }
  const { totals } = summary;
  const found = totals.secrets.high + totals.secrets.low + totals.hiddenInstructions;
  output.line(
    `${summary.scanned} file${summary.scanned === 1 ? '' : 's'} scanned: ` +
      (found === 0
        ? output.green('nothing found')
        : `${totals.secrets.high} secrets, ${totals.secrets.low} possible secrets, ` +
          `${totals.hiddenInstructions} hidden instructions`) +
      (summary.skipped.length ? output.dim(` (${summary.skipped.length} skipped)`) : ''),
  );
}

/** GitHub Actions workflow commands: one annotation per finding, shown on the pull request's diff. */
function printAnnotations(summary: ScanSummary, failOn: FailOn | undefined): void {
  for (const file of summary.files) {
    for (const finding of file.findings) {
      // What fails the run is an error; without --fail-on, only a certain secret is.
      const fails = failOn
        ? failOn === 'any' || (failOn === 'secrets') === (finding.category === 'secret')
        : finding.category === 'secret' && finding.confidence === 'high';
      const level = fails ? 'error' : 'warning';
      const place = {
        file: file.path,
        line: finding.line,
        col: finding.column,
        endLine: finding.endLine,
        endColumn: finding.endColumn,
        title: `lynxp scan: ${finding.rule}`,
      };
      process.stdout.write(`${githubAnnotation(level, place, finding.message)}\n`);
    }
  }
}

function printFormats(context: CommandContext, options: { kind?: string }): void {
  const formats = listFormats().filter(
    (format) => !options.kind || (format.kinds as readonly string[]).includes(options.kind),
  );
  const items = formats.map(({ id, tool, toolName, label, kinds, path: filePath, syntax }) => ({
    id,
    tool,
    toolName,
    label,
    kinds: [...kinds],
    path: filePath,
    syntax,
  }));
  context.output.result({ items }, ({ items: all }) => {
    const width = Math.max(...all.map((item) => item.id.length), 2);
    for (const item of all) {
      context.output.line(`${item.id.padEnd(width)}  ${context.output.dim(`${item.kinds.join(',')}  ${item.path}`)}`);
    }
  });
}

function readLocalFile(file: string): string {
  let stats: Stats;
  try {
    stats = statSync(file);
  } catch {
    throw new CliError('PATH_NOT_FOUND', `${file} does not exist`, ExitCode.Usage);
  }
  if (!stats.isFile()) throw new CliError('NOT_A_FILE', `${file} is not a file`, ExitCode.Usage);
  if (stats.size > MAX_LOCAL_FILE_BYTES) {
    throw new CliError(
      'FILE_TOO_LARGE',
      `${file} is ${stats.size} bytes; instruction files over ${MAX_LOCAL_FILE_BYTES} bytes are not converted`,
      ExitCode.Usage,
    );
  }
  return readFileSync(file, 'utf8');
}

function readStdin(): string {
  const bytes = readFileSync(0);
  if (bytes.length > MAX_LOCAL_FILE_BYTES) {
    throw new CliError('FILE_TOO_LARGE', `stdin holds more than ${MAX_LOCAL_FILE_BYTES} bytes`, ExitCode.Usage);
  }
  return bytes.toString('utf8');
}

/** The formats library's refusals keep their codes (UNKNOWN_FORMAT, FORMAT_PARSE_FAILED…) as usage errors. */
function withCodes<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof CodedError) throw new CliError(error.code, error.message, ExitCode.Usage, error.details);
    throw error;
  }
}

/** A slug the exporter accepts, from a name or file name. */
function slugOf(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 128);
  return slug || 'blueprint';
}

function relative(cwd: string, file: string): string {
  const shown = path.relative(cwd, file) || path.basename(file);
  return shown.split(path.sep).join('/');
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
