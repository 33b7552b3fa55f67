/*
 * Template variables: `[[NAME]]` and `[[NAME|default]]`. Names are case-insensitive and reported in their canonical
 * UPPER_CASE spelling; a default runs to the closing `]]` on the same line and may itself contain `|`.
 */
const VARIABLE = /\[\[([A-Za-z_][A-Za-z0-9_]*)(?:\|((?:(?!\]\])[^\n])*))?\]\]/g;

export interface TemplateVariable {
  /** Canonical UPPER_CASE name. */
  name: string;
  /** The first default given for the variable, if any occurrence gives one. */
  defaultValue?: string;
  /** Every place the variable appears, 1-based. */
  occurrences: { line: number; column: number }[];
}

export type VariableSource = 'request' | 'saved' | 'default' | 'unresolved';

export interface RenderResult {
  content: string;
  variables: { name: string; source: VariableSource }[];
  /** Canonical names left as placeholders in the output. */
  unresolved: string[];
}

export function canonicalVariableName(name: string): string {
  return name.toUpperCase();
}

export function parseVariables(content: string): TemplateVariable[] {
  const variables = new Map<string, TemplateVariable>();
  const lineStarts = [0];
  for (let index = content.indexOf('\n'); index !== -1; index = content.indexOf('\n', index + 1)) {
    lineStarts.push(index + 1);
  }
  for (const match of content.matchAll(VARIABLE)) {
    const name = canonicalVariableName(match[1] ?? '');
    const offset = match.index;
    let line = lineStarts.length - 1;
    while ((lineStarts[line] ?? 0) > offset) line -= 1;
    const variable = variables.get(name) ?? { name, occurrences: [] };
    if (variable.defaultValue === undefined && match[2] !== undefined) variable.defaultValue = match[2];
    variable.occurrences.push({ line: line + 1, column: offset - (lineStarts[line] ?? 0) + 1 });
    variables.set(name, variable);
  }
  return [...variables.values()];
}

/**
 * Fills variables in one pass: values given in the request, then the user's saved values, then defaults.
 * Values are inserted literally (a value containing `[[X]]` is not expanded again); placeholders with no value
 * stay as written and are reported.
 */
export function renderTemplate(
  content: string,
  sources: { request?: Record<string, string>; saved?: Record<string, string> },
): RenderResult {
  const request = canonicalKeys(sources.request);
  const saved = canonicalKeys(sources.saved);
  const variables = parseVariables(content);
  const resolved = new Map<string, { source: VariableSource; value?: string }>();
  for (const variable of variables) {
    if (request.has(variable.name))
      resolved.set(variable.name, { source: 'request', value: request.get(variable.name) });
    else if (saved.has(variable.name))
      resolved.set(variable.name, { source: 'saved', value: saved.get(variable.name) });
    else if (variable.defaultValue !== undefined) {
      resolved.set(variable.name, { source: 'default', value: variable.defaultValue });
    } else resolved.set(variable.name, { source: 'unresolved' });
  }
  const rendered = content.replace(VARIABLE, (placeholder: string, name: string) => {
    const value = resolved.get(canonicalVariableName(name))?.value;
    return value ?? placeholder;
  });
  return {
    content: rendered,
    variables: variables.map((variable) => ({ name: variable.name, source: resolved.get(variable.name)!.source })),
    unresolved: variables.filter((variable) => resolved.get(variable.name)!.source === 'unresolved').map((v) => v.name),
  };
}

function canonicalKeys(values: Record<string, string> | undefined): Map<string, string> {
  const map = new Map<string, string>();
  for (const [key, value] of Object.entries(values ?? {})) {
    if (typeof value === 'string') map.set(canonicalVariableName(key), value);
  }
  return map;
}
