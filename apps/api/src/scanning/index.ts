export { scanContent, stripHiddenContent } from './bounded-scan';
export { ScanTimeoutError } from './scanning.errors';
export { stripInvisibleCharacters } from './invisible-characters';
export type { FindingCategory, FindingConfidence, ScanFinding, ScanOptions, ScanReport } from './scan.types';
export { hiddenInstructionCount } from './hidden-instruction-count';
export { stripHiddenInstructions, type StrippedContent } from './strip-hidden';
