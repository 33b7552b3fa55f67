// Suggestions name the template variable after whatever the secret was assigned to, so `apiKey: "sk-…"` suggests
// [[API_KEY]] and a bare key falls back to the rule's usual name.

const ASSIGNMENT_BEFORE_VALUE = /([A-Za-z_][A-Za-z0-9_.-]*)["'\]]?\s*(?::=|=>|=|:)\s*["'`]?$/;

// A name worth reusing says what it holds; `stripe: sk_live_…` or a bare `key:` are better served by the rule's
// name (STRIPE_SECRET_KEY).
const DESCRIPTIVE_NAME = /key|token|secret|passw|pwd|credential|auth|url|uri|dsn|conn/i;
const GENERIC_NAME = /^(?:key|token|secret|password|url|uri|auth|value)$/i;

/**
 * The name a value at `offset` is assigned to on its line (`NAME=`, `name: `, `"name": "`), if it describes a
 * credential.
 */
export function assignedNameBefore(content: string, lineStart: number, offset: number): string | undefined {
  const before = content.slice(Math.max(lineStart, offset - 120), offset);
  const match = ASSIGNMENT_BEFORE_VALUE.exec(before);
  if (!match) return undefined;
  const name = match[1]!.split('.').pop()!;
  return DESCRIPTIVE_NAME.test(name) && !GENERIC_NAME.test(name) ? name : undefined;
}

/** `apiKey`, `api-key` and `API_KEY` all become `API_KEY`. */
export function toVariableName(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase();
}

export function templateVariableSuggestion(name: string): string {
  return `Replace it with a template variable: [[${toVariableName(name)}]]`;
}
