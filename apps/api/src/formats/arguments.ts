import type { ArgumentSyntax, ConversionChange } from './formats.types';

/**
 * The neutral placeholder for "whatever the user typed after the command" is Claude Code's `$ARGUMENTS`
 * (also OpenCode's and Codex's). Gemini CLI spells it `{{args}}`; VS Code prompt files take input variables,
 * `${input:args}` or `${input:args:placeholder text}`. Placeholders with no neutral spelling stay in the body as
 * written: positional `$1`..`$9` (Claude Code, OpenCode, Codex), other VS Code input variables (`${input:topic}`) and
 * VS Code's editor variables (`${selection}`, `${file}`...).
 */
export const NEUTRAL_ARGUMENTS = '$ARGUMENTS';

const GEMINI_ARGS = /\{\{\s*args\s*\}\}/g;
const VSCODE_INPUT_ARGS = /\$\{input:args(?::[^}]*)?\}/g;
const DOLLAR_ARGUMENTS = /\$ARGUMENTS\b(?!\[)/g;
const POSITIONAL = /\$(?:ARGUMENTS\[\d+\]|[1-9])(?![\w])/g;
const VSCODE_INPUT_NAMED = /\$\{input:(?!args[:}])[A-Za-z_][\w-]*(?::[^}]*)?\}/g;
const VSCODE_EDITOR_VARIABLES =
  /\$\{(?:workspaceFolder|workspaceFolderBasename|file|fileBasename|fileDirname|fileBasenameNoExtension|selection|selectedText)\}/g;

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

/** How each syntax spells "all the arguments", and which other placeholder families it reads. */
const SPELLING: Record<ArgumentSyntax, { all?: string; positional: boolean; vscodeVariables: boolean }> = {
  'dollar-arguments': { all: '$ARGUMENTS', positional: true, vscodeVariables: false },
  'gemini-args': { all: '{{args}}', positional: false, vscodeVariables: false },
  'vscode-input': { all: '${input:args}', positional: false, vscodeVariables: true },
  appended: { positional: false, vscodeVariables: false },
};

/**
 * What happens to the argument placeholders of a neutral body written for `target`: each placeholder family found
 * is `translated` where the target has an equivalent and `changed` (left in the text as written, where the target
 * does not read it) where it has none. `sourceSyntax` is how the source tool spelled them.
 */
export function argumentChanges(
  neutralBody: string,
  sourceSyntax: ArgumentSyntax | undefined,
  targetSyntax: ArgumentSyntax | undefined,
  names: { source: string; target: string },
): ConversionChange[] {
  // A file read by a tool without placeholders means its `$ARGUMENTS` literally; nothing to translate or report.
  if (sourceSyntax === undefined || sourceSyntax === 'appended') return [];
  const target = SPELLING[targetSyntax ?? 'appended'];
  const source = SPELLING[sourceSyntax];
  const changes: ConversionChange[] = [];
  if (source.all && neutralBody.search(DOLLAR_ARGUMENTS) !== -1) {
    if (target.all && target.all !== source.all) {
      changes.push({
        field: 'body',
        change: 'translated',
        message: `The argument placeholder ${source.all} is written ${target.all}, as ${names.target} spells it.`,
        from: source.all,
        to: target.all,
      });
    } else if (!target.all) {
      changes.push({
        field: 'body',
        change: 'changed',
        message:
          `${names.target} substitutes no argument placeholder (it appends what the user types after the command): ` +
          `${source.all} stays in the text as written.`,
        from: source.all,
      });
    }
  }
  const positional = [...new Set(neutralBody.match(POSITIONAL) ?? [])];
  if (positional.length && source.positional && !target.positional) {
    changes.push({
      field: 'body',
      change: 'changed',
      message: `${names.target} has no positional arguments: ${positional.join(', ')} stay${positional.length === 1 ? 's' : ''} in the text as written${target.all ? `; ${target.all} holds all the arguments` : ''}.`,
      from: positional.join(' '),
    });
  }
  if (source.vscodeVariables && !target.vscodeVariables) {
    const inputs = [...new Set(neutralBody.match(VSCODE_INPUT_NAMED) ?? [])];
    const editor = [...new Set(neutralBody.match(VSCODE_EDITOR_VARIABLES) ?? [])];
    for (const [found, what] of [
      [inputs, 'input variables'],
      [editor, 'editor variables'],
    ] as const) {
      if (!found.length) continue;
      changes.push({
        field: 'body',
        change: 'changed',
        message: `${names.target} does not read VS Code ${what}: ${found.join(', ')} stay${found.length === 1 ? 's' : ''} in the text as written.`,
        from: found.join(' '),
      });
    }
  }
  return changes;
}
