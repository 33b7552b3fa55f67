import type { ScanFinding } from './api/blueprint-types';

/**
 * The rules whose findings "Strip invisible characters" (POST …/strip-invisible) removes: the scanner's four
 * invisible-character rules (packages/scanning/src/invisible-characters.ts). Every other finding needs an edit.
 */
export const INVISIBLE_CHARACTER_RULES: ReadonlySet<string> = new Set([
  'unicode-tag-characters',
  'zero-width-characters',
  'bidi-control',
  'variation-selector-sequence',
]);

export function isInvisibleCharacterFinding(finding: Pick<ScanFinding, 'rule'>): boolean {
  return INVISIBLE_CHARACTER_RULES.has(finding.rule);
}

export function hiddenInstructionFindings(findings: readonly ScanFinding[]): ScanFinding[] {
  return findings.filter((finding) => finding.category === 'hidden-instruction');
}

export function secretFindings(findings: readonly ScanFinding[]): ScanFinding[] {
  return findings.filter((finding) => finding.category === 'secret');
}
