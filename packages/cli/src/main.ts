import { Command, CommanderError } from 'commander';
import { registerAuthCommands } from './commands/auth';
import { registerCatalogueCommands } from './commands/catalogue';
import { registerLocalCommands } from './commands/local';
import { registerLockfileCommands } from './commands/lockfile-commands';
import { registerMcpCommand } from './commands/mcp';
import { CliError, ExitCode } from './errors';
import { printable } from './text';
import { VERSION } from './version';

export function buildProgram(): Command {
  const program = new Command('lynxp')
    .description(
      'Pull, sync, check and push AI coding-assistant blueprints; convert and scan instruction files offline',
    )
    .version(VERSION)
    .option('--json', 'print one JSON document as the result (errors too)')
    .option('--instance <url>', 'the LynxPrompt instance (default: LYNXPROMPT_URL, the lockfile, or the last login)')
    .showHelpAfterError()
    .exitOverride();
  registerAuthCommands(program);
  registerCatalogueCommands(program);
  registerLockfileCommands(program);
  registerLocalCommands(program);
  registerMcpCommand(program);
  return program;
}

/** Runs the CLI and returns its exit code (docs/cli.md lists them). */
export async function run(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return process.exitCode === undefined ? ExitCode.Ok : Number(process.exitCode);
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here too, with code 0.
      return error.exitCode === 0 ? ExitCode.Ok : ExitCode.Usage;
    }
    const json = argv.includes('--json');
    const failure =
      error instanceof CliError
        ? error
        : new CliError('INTERNAL_ERROR', error instanceof Error ? error.message : String(error), ExitCode.Remote);
    if (json) {
      process.stdout.write(
        `${JSON.stringify({ error: { code: failure.code, message: failure.message, details: failure.details } }, null, 2)}\n`,
      );
    } else {
      // The message may come from the instance: no escape sequences reach the terminal.
      process.stderr.write(`lynxp: ${printable(failure.message)} [${printable(failure.code)}]\n`);
    }
    return failure.exitCode;
  }
}

if (require.main === module) {
  // `lynxp … | head` closes the pipe early: that is the reader's choice, not a failure worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  void run(process.argv).then((code) => {
    process.exitCode = code;
  });
}
