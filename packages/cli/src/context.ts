import type { Command } from 'commander';
import { ApiClient } from './api-client';
import { CliError, ExitCode } from './errors';
import { resolveInstance, tokenFor } from './instance';
import { Output } from './output';

/** The options every command takes (declared on the program in main.ts). */
export interface GlobalOptions {
  json?: boolean;
  instance?: string;
}

/** What a command's action gets: where to print, and how to reach the chosen instance. */
export class CommandContext {
  readonly output: Output;

  constructor(
    readonly options: GlobalOptions,
    readonly env: NodeJS.ProcessEnv = process.env,
    readonly cwd: string = process.cwd(),
  ) {
    this.output = new Output(Boolean(options.json));
  }

  /** The chosen instance (see resolveInstance); `fromLockfile` is the lockfile's, for commands that read one. */
  instance(fromLockfile?: string): string {
    return resolveInstance({ flag: this.options.instance, fromLockfile, env: this.env });
  }

  /** A client for the instance, signed in when a token is known; `required` refuses to go on without one. */
  client(options: { required?: boolean; instance?: string } = {}): ApiClient {
    const instance = options.instance ?? this.instance();
    const token = tokenFor(instance, this.env);
    if (options.required && !token) {
      throw new CliError(
        'UNAUTHENTICATED',
        `Not logged in to ${instance}: run lynxp login --instance ${instance} (or set LYNXPROMPT_TOKEN)`,
        ExitCode.Unauthenticated,
      );
    }
    return new ApiClient(instance, token);
  }
}

/** Wraps a command's action so that it receives a CommandContext built from the global options. */
export function withContext<A extends unknown[]>(
  action: (context: CommandContext, ...args: A) => Promise<void> | void,
): (...args: A) => Promise<void> {
  return async (...args: A) => {
    const command = args[args.length - 1] as Command;
    await action(new CommandContext(command.optsWithGlobals<GlobalOptions>()), ...args);
  };
}
