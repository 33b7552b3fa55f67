import type { ArgumentSyntax } from './formats.types';

/**
 * The neutral placeholder for "whatever the user typed after the command" is Claude Code's `$ARGUMENTS`
 * (also OpenCode's and Codex's). Gemini CLI spells it `{{args}}`; VS Code prompt files take input variables,
 * `${input:args}` or `${input:args:placeholder text}`.
 */
export const NEUTRAL_ARGUMENTS = '$ARGUMENTS';

const GEMINI_ARGS = /\{\{\s*args\s*\}\}/g;
const VSCODE_INPUT_ARGS = /\$\{input:args(?::[^}]*)?\}/g;
const DOLLAR_ARGUMENTS = /\$ARGUMENTS\b/g;

export function toNeutralArguments(body: string, syntax: ArgumentSyntax | undefined): string {
  switch (syntax) {
    case 'gemini-args':
      return body.replace(GEMINI_ARGS, NEUTRAL_ARGUMENTS);
    case 'vscode-input':
      return body.replace(VSCODE_INPUT_ARGS, NEUTRAL_ARGUMENTS);
    default:
      return body;
  }
}

export function fromNeutralArguments(body: string, syntax: ArgumentSyntax | undefined): string {
  switch (syntax) {
    case 'gemini-args':
      return body.replace(DOLLAR_ARGUMENTS, '{{args}}');
    case 'vscode-input':
      return body.replace(DOLLAR_ARGUMENTS, '${input:args}');
    default:
      return body;
  }
}
