export { scanContent } from './scan-content';
export { stripInvisibleCharacters } from './invisible-characters';
export type { FindingCategory, FindingConfidence, ScanFinding, ScanOptions, ScanReport } from './scan.types';
export { hiddenInstructionCount } from './hidden-instruction-count';
export { stripHiddenInstructions, type StrippedContent } from './strip-hidden';
