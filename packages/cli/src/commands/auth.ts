import type { Command } from 'commander';

/** login, logout, whoami. */
export function registerAuthCommands(program: Command): void {
  void program;
}
