// The API's entry to @lynxprompt/scanning: every scan on the request path goes through the bounded, off-loop
// wrappers here; the pure parts are re-exported so callers have one import.
export { configureScanning, scanContent, stripHiddenContent } from './bounded-scan';
export { ScanTimeoutError } from './scanning.errors';
export {
  DEFAULT_MAX_LISTED_FINDINGS,
  hiddenInstructionCount,
  storedScanReport,
  stripHiddenInstructions,
  stripInvisibleCharacters,
  type FindingCategory,
  type FindingConfidence,
  type ScanFinding,
  type ScanOptions,
  type ScanReport,
  type StrippedContent,
} from '@lynxprompt/scanning';
