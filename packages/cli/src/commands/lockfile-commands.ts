import type { Command } from 'commander';

/** pull, sync, check, push, import. */
export function registerLockfileCommands(program: Command): void {
  void program;
}
