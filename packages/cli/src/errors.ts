/**
 * Exit codes, documented in docs/cli.md. A script switches on these and on the error's `code` (the API's own code
 * when the instance refused, e.g. PRECONDITION_FAILED), never on wording.
 */
export const ExitCode = {
  Ok: 0,
  /**
   * `lynxp check` found drift, newer versions or findings; `lynxp scan` found something at or above --fail-on; `pull`
   * or `sync` held back a file hiding instructions from its reader.
   */
  CheckFailed: 1,
  /** Bad flags or arguments, or a local file that cannot be read or parsed. */
  Usage: 2,
  /** The instance answered with an error, or could not be reached. */
  Remote: 3,
  /** Signed out, or the token lacks a scope. */
  Unauthenticated: 4,
  /** `lynxp sync` left files alone because they were edited by hand, or a merge had conflicts. */
  Conflict: 5,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export class CliError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly exitCode: ExitCode = ExitCode.Usage,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** What the instance said when it refused: its envelope's code and message, and the HTTP status. */
export class RemoteError extends CliError {
  constructor(
    code: string,
    message: string,
    readonly status: number,
    details?: unknown,
  ) {
    super(code, message, status === 401 || status === 403 ? ExitCode.Unauthenticated : ExitCode.Remote, details);
    this.name = 'RemoteError';
  }
}
