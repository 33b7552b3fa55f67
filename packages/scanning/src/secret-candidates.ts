import type { FindingConfidence } from './scan.types';

/** A secret some rule matched, before placeholder filtering, de-duplication and positions. Offsets into the content. */
export interface SecretCandidate {
  rule: string;
  confidence: FindingConfidence;
  /** The whole match. */
  start: number;
  end: number;
  /** The part to hide; `publicPrefix` leading characters of it are the key type's fixed prefix (e.g. 'sk_live_'). */
  secretStart: number;
  secretEnd: number;
  publicPrefix: number;
  /** What was found, without the value. */
  description: string;
  /** Template variable name to suggest when the value is not assigned to a name. */
  defaultName: string;
}
