import type { Command } from 'commander';

/** search, show. */
export function registerCatalogueCommands(program: Command): void {
  void program;
}
