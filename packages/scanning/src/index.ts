// The secret and hidden-instruction scanners: pure TypeScript, no Nest, no database. The API runs them on worker
// threads within a time budget; the CLI and the web editor call them directly.
export { scanContentInProcess } from './scan-content';
export { storedScanReport } from './stored-report';
export { codePointLabel, stripInvisibleCharacters } from './invisible-characters';
export type { FindingCategory, FindingConfidence, ScanFinding, ScanOptions, ScanReport } from './scan.types';
export { DEFAULT_MAX_LISTED_FINDINGS } from './scan.types';
export { hiddenInstructionCount } from './hidden-instruction-count';
export { stripHiddenInstructions, type StrippedContent } from './strip-hidden';
