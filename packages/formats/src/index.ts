export type {
  ArgumentSyntax,
  AttachedFile,
  ConversionChange,
  ConversionReport,
  Detection,
  DetectionConfidence,
  ReadNote,
  BlueprintDocument,
  BlueprintKind,
  ExportedFile,
  ExportOptions,
  FieldEncoding,
  FormatSyntax,
  FormatTarget,
  FrontmatterField,
  FrontmatterMapping,
  ImportResult,
  McpStructure,
  NeutralField,
  SourceSpelling,
} from './formats.types';
export { BLUEPRINT_KINDS } from './formats.types';
export {
  convert,
  detect,
  detectCandidates,
  detectFormat,
  exportDocument,
  getFormat,
  importFile,
  listFormats,
} from './formats';
export { buildZip, zipStream, ZipWriter, type ZipEntry } from './zip';
export {
  canonicalVariableName,
  parseVariables,
  renderTemplate,
  type RenderResult,
  type TemplateVariable,
  type VariableSource,
} from './variables';
export {
  FormatParseError,
  FormatsErrorCode,
  IncompatibleFormatError,
  InvalidSlugError,
  InvalidZipEntryError,
  UnknownFormatError,
  type ParseErrorDetails,
} from './formats.errors';
export { CodedError } from './coded-error';
export { isPlainObject, isSafeSlug } from './text';
