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
const VSCODE_INPUT_ARGS = /\$\{input:args(?::[^}\n]{0,500})?\}/g;
const DOLLAR_ARGUMENTS = /\$ARGUMENTS\b(?!\[)/g;
const POSITIONAL = /\$(?:ARGUMENTS\[\d+\]|[1-9])(?![\w])/g;
const VSCODE_INPUT_NAMED = /\$\{input:(?!args[:}])[A-Za-z_][\w-]{0,100}(?::[^}\n]{0,500})?\}/g;
const VSCODE_EDITOR_VARIABLES =
  /\$\{(?:workspaceFolder|workspaceFolderBasename|file|fileBasename|fileDirname|fileBasenameNoExtension|selection|selectedText)\}/g;

/**
 * Shell injection: Claude Code (and OpenCode) run "!`command`" and put its output in the prompt; Gemini CLI spells it
 * `!{command}` (braces inside balanced). The neutral body uses Claude's spelling.
 */
const NEUTRAL_SHELL = /!`([^`\n]+)`/g;
const GEMINI_FILE = /@\{[^}\n]{1,500}\}/g;

/** Each Gemini `!{…}` with balanced braces on one line, as [whole, command]. */
function geminiShell(body: string): Array<[string, string]> {
  const found: Array<[string, string]> = [];
  let from = 0;
  for (let start = body.indexOf('!{', from); start !== -1; start = body.indexOf('!{', from)) {
    let depth = 0;
    let end = -1;
    for (let index = start + 1; index < body.length && body[index] !== '\n'; index += 1) {
      if (body[index] === '{') depth += 1;
      else if (body[index] === '}' && --depth === 0) {
        end = index;
        break;
      }
    }
    if (end === -1) {
      // Unbalanced to the end of its line: nothing later on that line can close, so go on from the next one.
      const lineEnd = body.indexOf('\n', start);
      if (lineEnd === -1) break;
      from = lineEnd + 1;
      continue;
    }
    found.push([body.slice(start, end + 1), body.slice(start + 2, end)]);
    from = end + 1;
  }
  return found;
}

function balanced(text: string): boolean {
  let depth = 0;
  for (const char of text) {
    if (char === '{') depth += 1;
    else if (char === '}' && --depth < 0) return false;
  }
  return depth === 0;
}

export function toNeutralArguments(body: string, syntax: ArgumentSyntax | undefined): string {
  switch (syntax) {
    case 'gemini-args': {
      let text = body.replace(GEMINI_ARGS, NEUTRAL_ARGUMENTS);
      for (const [whole, command] of geminiShell(text)) {
        if (!command.includes('`')) text = text.replace(whole, `!\`${command}\``);
      }
      return text;
    }
    case 'vscode-input':
      return body.replace(VSCODE_INPUT_ARGS, NEUTRAL_ARGUMENTS);
    default:
      return body;
  }
}

export function fromNeutralArguments(body: string, syntax: ArgumentSyntax | undefined): string {
  switch (syntax) {
    case 'gemini-args':
      return body
        .replace(DOLLAR_ARGUMENTS, '{{args}}')
        .replace(NEUTRAL_SHELL, (whole, command: string) => (balanced(command) ? `!{${command}}` : whole));
    case 'vscode-input':
      return body.replace(DOLLAR_ARGUMENTS, '${input:args}');
    default:
      return body;
  }
}

/** How each syntax spells "all the arguments", and which other placeholder families it reads. */
const SPELLING: Record<
  ArgumentSyntax,
  { all?: string; positional: boolean; vscodeVariables: boolean; shell?: string; geminiFiles?: boolean }
> = {
  'dollar-arguments': { all: '$ARGUMENTS', positional: true, vscodeVariables: false, shell: '!`…`' },
  'gemini-args': { all: '{{args}}', positional: false, vscodeVariables: false, shell: '!{…}', geminiFiles: true },
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
  /** The body as the source wrote it, when it differs from the neutral one. */
  writtenBody?: string,
): ConversionChange[] {
  // A file read by a tool without placeholders means its `$ARGUMENTS` literally; nothing to translate or report.
  if (sourceSyntax === undefined || sourceSyntax === 'appended') return [];
  const target = SPELLING[targetSyntax ?? 'appended'];
  const source = SPELLING[sourceSyntax];
  const changes: ConversionChange[] = [];
  // `${input:args:hint}`: the hint text VS Code shows has no place in another tool's placeholder.
  const hints =
    sourceSyntax === 'vscode-input' && targetSyntax !== 'vscode-input'
      ? ((writtenBody ?? '').match(VSCODE_INPUT_ARGS) ?? [])
      : [];
  const withHint = [...new Set(hints.filter((hint) => hint.startsWith('${input:args:')))];
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
  if (withHint.length) {
    changes.push({
      field: 'body',
      change: 'changed',
      message: `${names.target} shows no placeholder text for the arguments: ${withHint.slice(0, 3).join(', ')} became ${target.all ?? 'text'} without it.`,
      from: withHint.slice(0, 3).join(' '),
    });
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
  const shell = [...new Set(neutralBody.match(NEUTRAL_SHELL) ?? [])];
  if (source.shell && shell.length) {
    if (target.shell && target.shell !== source.shell) {
      changes.push({
        field: 'body',
        change: 'translated',
        message: `Shell commands whose output goes into the prompt are written ${target.shell}, as ${names.target} spells them.`,
        from: source.shell,
        to: target.shell,
      });
    } else if (!target.shell) {
      changes.push({
        field: 'body',
        change: 'changed',
        message: `${names.target} runs no shell command from the prompt text: ${shell.slice(0, 3).join(', ')}${shell.length > 3 ? '…' : ''} stay${shell.length === 1 ? 's' : ''} in the text as written.`,
        from: source.shell,
      });
    }
  }
  const geminiLeft = source.geminiFiles
    ? [...new Set([...(neutralBody.match(GEMINI_FILE) ?? []), ...geminiShell(neutralBody).map(([whole]) => whole)])]
    : [];
  if (geminiLeft.length && !target.geminiFiles) {
    changes.push({
      field: 'body',
      change: 'changed',
      message: `${names.target} does not read Gemini CLI's @{…} file and !{…} shell injections: ${geminiLeft.slice(0, 3).join(', ')}${geminiLeft.length > 3 ? '…' : ''} stay${geminiLeft.length === 1 ? 's' : ''} in the text as written.`,
      from: geminiLeft.slice(0, 3).join(' '),
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
