export type FindingCategory = 'secret' | 'hidden-instruction';
export type FindingConfidence = 'high' | 'low';

/**
 * One problem found in a blueprint's content. Positions are 1-based; columns count UTF-16 code units of their line
 * (what JavaScript strings and the Monaco/CodeMirror editors use) and `endColumn` is exclusive (the column just after
 * the last character).
 */
export interface ScanFinding {
  /** Stable fingerprint: the same finding in unchanged text keeps its id across re-scans, so it can be acknowledged. */
  id: string;
  category: FindingCategory;
  /** Stable rule id, e.g. 'openai-api-key', 'secretlint/aws', 'unicode-tag-characters'. */
  rule: string;
  confidence: FindingConfidence;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  /** Context from the finding's first line; secrets are redacted and invisible characters escaped as <U+200B>. */
  excerpt: string;
  suggestion?: string;
}

export interface ScanReport {
  /**
   * Sorted by position. At most `maxListedFindings` of them (secrets chosen first, high before low, then by
   * position): see `truncated`.
   */
  findings: ScanFinding[];
  /** Exact totals, whether or not every finding is listed. */
  secrets: { high: number; low: number };
  hiddenInstructions: number;
  /** More findings were found than listed: the totals count them all, `findings` names only some. */
  truncated: boolean;
}

export interface ScanOptions {
  /**
   * Key for the finding fingerprints (HMAC-SHA-256). Without it the id is a plain SHA-256 prefix, which lets anyone
   * holding a finding id confirm a guessed low-entropy secret; pass a server-side key when ids leave the owner's hands.
   */
  fingerprintKey?: string;
  /**
   * The most findings the report lists (SCAN_MAX_LISTED_FINDINGS); the totals stay exact. Hostile content can hold
   * tens of thousands of secret-shaped tokens, and the list crosses from the worker thread, is stored with the version
   * and is sent with every detail: the cap keeps each of those small. Default DEFAULT_MAX_LISTED_FINDINGS.
   */
  maxListedFindings?: number;
}

export const DEFAULT_MAX_LISTED_FINDINGS = 200;

/** What a rule reports before positions, excerpts and ids are worked out. Offsets are UTF-16 indexes, end exclusive. */
export interface Detection {
  category: FindingCategory;
  rule: string;
  confidence: FindingConfidence;
  start: number;
  end: number;
  message: string;
  suggestion?: string;
  /** Where the excerpt's line is taken from, when not `start` (e.g. the first line of a comment's text). */
  excerptAt?: number;
}
