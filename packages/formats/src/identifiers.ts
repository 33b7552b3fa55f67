/**
 * Identifiers for tools that name a skill or subagent by a kebab-case `name` matching its folder or file (the Agent
 * Skills specification: lower-case letters, digits and single hyphens, at most 64 characters).
 */
const IDENTIFIER = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const MAX_IDENTIFIER_LENGTH = 64;

export function isIdentifier(name: string): boolean {
  return name.length <= MAX_IDENTIFIER_LENGTH && IDENTIFIER.test(name);
}

/**
 * An identifier derived from a display name. Symbols that distinguish names are spelled out first, so "C# Expert" and
 * "C++ Expert" become `csharp-expert` and `cpp-expert` rather than both `c-expert`; empty when nothing is left.
 */
export function identifierOf(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\+\+/g, 'pp')
    .replace(/#/g, 'sharp')
    .replace(/\+/g, 'plus')
    .replace(/&/g, ' and ')
    .replace(/@/g, ' at ')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_IDENTIFIER_LENGTH)
    .replace(/-+$/g, '');
}
