export { configureScanning, scanContent, stripHiddenContent } from './bounded-scan';
export { storedScanReport } from './stored-report';
export { ScanTimeoutError } from './scanning.errors';
export { stripInvisibleCharacters } from './invisible-characters';
export type { FindingCategory, FindingConfidence, ScanFinding, ScanOptions, ScanReport } from './scan.types';
export { DEFAULT_MAX_LISTED_FINDINGS } from './scan.types';
export { hiddenInstructionCount } from './hidden-instruction-count';
export { stripHiddenInstructions, type StrippedContent } from './strip-hidden';
