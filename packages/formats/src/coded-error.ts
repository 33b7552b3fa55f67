/**
 * A failure with a stable, machine-readable code. The formats library throws these; the API maps them to HTTP in its
 * error envelope (its AppError is this class) and the CLI prints the code, so every client switches on `code`.
 */
export class CodedError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'CodedError';
  }
}
