import pc from 'picocolors';

/**
 * Where a command's results go. With --json, the command's single result document is printed to stdout at the end
 * and nothing else is (progress and notes go to stderr, and only on a TTY); otherwise lines for a person, coloured
 * only when stdout is a terminal and NO_COLOR is unset.
 */
export class Output {
  readonly colour: boolean;

  constructor(
    readonly json: boolean,
    private readonly stdout: NodeJS.WriteStream = process.stdout,
    private readonly stderr: NodeJS.WriteStream = process.stderr,
  ) {
    this.colour = !json && Boolean(stdout.isTTY) && !process.env.NO_COLOR;
  }

  /** A line of the human-readable result (ignored with --json, where `result` carries it). */
  line(text = ''): void {
    if (!this.json) this.stdout.write(`${text}\n`);
  }

  /** The command's result: printed as JSON with --json; otherwise `human` prints it. */
  result<T>(value: T, human?: (value: T) => void): void {
    if (this.json) this.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
    else human?.(value);
  }

  /** A note for the person at the terminal, on stderr so that piped output stays clean. */
  note(text: string): void {
    if (!this.json) this.stderr.write(`${text}\n`);
  }

  warn(text: string): void {
    this.stderr.write(`${this.paint(pc.yellow, 'warning:')} ${text}\n`);
  }

  /** A progress bar on stderr for long work; silent unless stderr is a terminal. */
  progress(label: string, total: number): { tick(step?: number): void; done(): void } {
    const live = Boolean(this.stderr.isTTY) && !this.json && total > 1;
    let count = 0;
    const draw = () => {
      const width = 24;
      const filled = Math.round((count / total) * width);
      this.stderr.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${count}/${total}`);
    };
    return {
      tick: (step = 1) => {
        count = Math.min(total, count + step);
        if (live) draw();
      },
      done: () => {
        if (live) this.stderr.write('\r\x1b[2K');
      },
    };
  }

  bold = (text: string) => this.paint(pc.bold, text);
  dim = (text: string) => this.paint(pc.dim, text);
  green = (text: string) => this.paint(pc.green, text);
  red = (text: string) => this.paint(pc.red, text);
  yellow = (text: string) => this.paint(pc.yellow, text);
  cyan = (text: string) => this.paint(pc.cyan, text);

  private paint(colour: (text: string) => string, text: string): string {
    return this.colour ? colour(text) : text;
  }
}
