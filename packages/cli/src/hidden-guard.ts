import { scanContentInProcess } from '@lynxprompt/scanning';
import { CliError, ExitCode } from './errors';

/** Where the scanner found text an agent reads but a person does not see. */
export interface HiddenFinding {
  line: number;
  column: number;
  rule: string;
  message: string;
}

/** The hidden-instruction findings in text about to be written where agents read it. */
export async function hiddenInstructionsIn(content: string): Promise<{ total: number; findings: HiddenFinding[] }> {
  const report = await scanContentInProcess(content);
  const findings = report.findings
    .filter((finding) => finding.category === 'hidden-instruction')
    .map(({ line, column, rule, message }) => ({ line, column, rule, message }));
  return { total: report.hiddenInstructions, findings };
}

/**
 * Pulled files land where coding agents read them, so one hiding instructions from its reader (invisible characters,
 * hidden HTML, bidirectional tricks) is not written unless the person said they looked (`--allow-hidden`).
 */
export async function refuseHiddenInstructions(file: string, content: string, allowed: boolean): Promise<void> {
  if (allowed) return;
  const { total, findings } = await hiddenInstructionsIn(content);
  if (total === 0) return;
  const first = findings[0];
  throw new CliError(
    'HIDDEN_INSTRUCTIONS',
    `${file}: ${total} hidden instruction${total === 1 ? '' : 's'} (text an agent reads but you do not see` +
      (first ? `, first at line ${first.line}: ${first.message}` : '') +
      '); nothing was written. Read it with lynxp show, and pass --allow-hidden if you trust it',
    ExitCode.CheckFailed,
    { path: file, total, findings },
  );
}
