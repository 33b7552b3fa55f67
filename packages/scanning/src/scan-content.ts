import { buildExcerpt, type SecretSpan } from './excerpts';
import { findingFingerprint } from './fingerprint';
import { hiddenInstructionDetections } from './hidden-instructions';
import { findInvisibleRuns } from './invisible-characters';
import {
  DEFAULT_MAX_LISTED_FINDINGS,
  type Detection,
  type ScanFinding,
  type ScanOptions,
  type ScanReport,
} from './scan.types';
import type { SecretCandidate } from './secret-candidates';
import { ownSecretCandidates } from './secret-rules';
import { secretlintCandidates } from './secretlint-adapter';
import { DisjointSpans } from './spans';
import { LineIndex } from './text-positions';
import { assignedNameBefore, templateVariableSuggestion } from './variable-names';

/**
 * Scans blueprint content for secrets (secretlint's recommended preset plus our rules) and hidden instructions.
 * Pure: no I/O beyond loading secretlint once. Findings never contain a secret, only its position and a redacted
 * excerpt. Linear in the content, but CPU-bound: the server calls it through `scanContent`, on a worker thread.
 */
export async function scanContentInProcess(content: string, options: ScanOptions = {}): Promise<ScanReport> {
  const lines = new LineIndex(content);
  const secrets = keepStrongestOfOverlapping([
    ...(await secretlintCandidates(content)),
    ...ownSecretCandidates(content),
  ]);
  const secretSpans = new DisjointSpans<SecretSpan>();
  for (const secret of secrets.all) {
    secretSpans.addIfFree({ start: secret.secretStart, end: secret.secretEnd, publicPrefix: secret.publicPrefix });
  }
  const detections: Detection[] = [
    ...secrets.all.map((secret) => secretDetection(content, lines, secret)),
    ...hiddenInstructionDetections(content, lines, findInvisibleRuns(content), (start, end) =>
      secrets.overlaps(start, end),
    ),
  ].sort((a, b) => a.start - b.start || a.end - b.end);

  const occurrences = new Map<string, number>();
  const findings = detections.map((detection): ScanFinding => {
    const matched = content.slice(detection.start, detection.end);
    const occurrenceKey = `${detection.rule}\u0000${matched}`;
    const occurrence = occurrences.get(occurrenceKey) ?? 0;
    occurrences.set(occurrenceKey, occurrence + 1);
    const start = lines.position(detection.start);
    const end = lines.position(detection.end);
    const finding: ScanFinding = {
      id: findingFingerprint(detection.rule, matched, occurrence, options.fingerprintKey),
      category: detection.category,
      rule: detection.rule,
      confidence: detection.confidence,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      message: detection.message,
      excerpt: buildExcerpt(content, lines, detection.excerptAt ?? detection.start, detection.end, secretSpans),
    };
    if (detection.suggestion) finding.suggestion = detection.suggestion;
    return finding;
  });

  const secretFindings = findings.filter((finding) => finding.category === 'secret');
  const maxListed = options.maxListedFindings ?? DEFAULT_MAX_LISTED_FINDINGS;
  return {
    findings: findings.length > maxListed ? listedFirst(findings, maxListed) : findings,
    secrets: {
      high: secretFindings.filter((finding) => finding.confidence === 'high').length,
      low: secretFindings.filter((finding) => finding.confidence === 'low').length,
    },
    hiddenInstructions: findings.length - secretFindings.length,
    truncated: findings.length > maxListed,
  };
}

/**
 * The `max` findings worth listing, back in position order: secrets before hidden instructions and high before low,
 * so that as long as the secrets fit, every low-confidence one can be acknowledged by id.
 */
function listedFirst(findings: readonly ScanFinding[], max: number): ScanFinding[] {
  const weight = (finding: ScanFinding) =>
    finding.category === 'secret' ? (finding.confidence === 'high' ? 0 : 1) : 2;
  const chosen = new Set(
    findings
      .map((finding, index) => ({ finding, index }))
      .sort((a, b) => weight(a.finding) - weight(b.finding) || a.index - b.index)
      .slice(0, max)
      .map(({ finding }) => finding),
  );
  return findings.filter((finding) => chosen.has(finding));
}

/**
 * Several rules often match one secret (secretlint's and ours, or a key format and the entropy rule): keep one per
 * place, ranked as below, then the earlier rule (secretlint first).
 */
function keepStrongestOfOverlapping(candidates: SecretCandidate[]): DisjointSpans<SecretCandidate> {
  const ranked = candidates
    .map((candidate, priority) => ({ candidate, priority }))
    .sort((a, b) => rank(a.candidate) - rank(b.candidate) || a.priority - b.priority);
  const kept = new DisjointSpans<SecretCandidate>();
  for (const { candidate } of ranked) kept.addIfFree(candidate);
  return kept;
}

const URL_CREDENTIAL_RULES = new Set([
  'connection-string-password',
  'secretlint/basicauth',
  'secretlint/database-connection-string',
]);

/**
 * Key formats outrank credentials found in URLs (a GitHub token in a git remote is reported as a GitHub token), and
 * both outrank the entropy heuristic whatever its confidence: it cannot tell a test key from a live one.
 */
const rank = (candidate: SecretCandidate) => {
  if (candidate.rule === 'secret-assignment') return 4;
  return (candidate.confidence === 'high' ? 0 : 2) + (URL_CREDENTIAL_RULES.has(candidate.rule) ? 1 : 0);
};

function secretDetection(content: string, lines: LineIndex, secret: SecretCandidate): Detection {
  const name = assignedNameBefore(content, lines.lineBounds(secret.start).start, secret.start) ?? secret.defaultName;
  return {
    category: 'secret',
    rule: secret.rule,
    confidence: secret.confidence,
    start: secret.start,
    end: secret.end,
    message:
      secret.confidence === 'high'
        ? `${secret.description}. Anyone who can read this blueprint could use it: remove it and rotate it.`
        : `Possible ${lowerFirst(secret.description)}. If it is a real credential, replace it; otherwise acknowledge this finding.`,
    suggestion: templateVariableSuggestion(name),
  };
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}
