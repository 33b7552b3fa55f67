import type { Command } from 'commander';

/** convert, scan (offline). */
export function registerLocalCommands(program: Command): void {
  void program;
}
