import { CodedError } from './coded-error';

/** Stable codes for everything the formats library rejects; the HTTP layer maps them through AppError.status. */
export const FormatsErrorCode = {
  UnknownFormat: 'UNKNOWN_FORMAT',
  ParseFailed: 'FORMAT_PARSE_FAILED',
  Incompatible: 'FORMAT_INCOMPATIBLE',
  InvalidSlug: 'INVALID_EXPORT_SLUG',
  InvalidZipEntry: 'INVALID_ZIP_ENTRY',
} as const;

export class UnknownFormatError extends CodedError {
  constructor(format: string, reason = 'is not a known format id') {
    super(FormatsErrorCode.UnknownFormat, `Format '${format}' ${reason}.`, 400, { format });
    this.name = 'UnknownFormatError';
  }
}

/** Where in the input the parser gave up: 1-based line and column in the whole file, when known. */
export interface ParseErrorDetails {
  format: string;
  part: 'frontmatter' | 'json' | 'yaml' | 'toml' | 'document';
  line?: number;
  column?: number;
  key?: string;
}

export class FormatParseError extends CodedError {
  declare readonly details: ParseErrorDetails;

  constructor(message: string, details: ParseErrorDetails) {
    super(FormatsErrorCode.ParseFailed, message, 422, details);
    this.name = 'FormatParseError';
  }
}

export class IncompatibleFormatError extends CodedError {
  constructor(kind: string, format: string, supportedKinds: readonly string[]) {
    super(
      FormatsErrorCode.Incompatible,
      `A '${kind}' blueprint cannot be exported as '${format}', which holds: ${supportedKinds.join(', ')}.`,
      422,
      { kind, format, supportedKinds },
    );
    this.name = 'IncompatibleFormatError';
  }
}

export class InvalidSlugError extends CodedError {
  constructor(slug: string) {
    super(
      FormatsErrorCode.InvalidSlug,
      'The export slug must be 1-128 characters of letters, digits, dot, underscore or hyphen, and no path.',
      400,
      { slug },
    );
    this.name = 'InvalidSlugError';
  }
}

export class InvalidZipEntryError extends CodedError {
  constructor(path: string, reason: string) {
    super(FormatsErrorCode.InvalidZipEntry, `Zip entry '${path}' ${reason}.`, 400, { path });
    this.name = 'InvalidZipEntryError';
  }
}
