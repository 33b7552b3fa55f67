// Everything but the zip writer (node:zlib): the web app imports this file's sources through a Vite alias, so no
// Node built-in reaches the browser. index.ts adds the zip writer for the API and the CLI.
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
export {
  isValidTag,
  MAX_TAG_INPUT_LENGTH,
  MAX_TAG_LENGTH,
  MAX_TAGS,
  normaliseTag,
  tagsFromInput,
  type TagListProblem,
} from './tags';
export { isPlainObject, isSafeSlug } from './text';
