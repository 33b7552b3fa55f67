import { AppError } from '../common/errors/app-error';

/** Stable codes for a batch the import routes refuse as a whole; per-item failures carry their own codes. */
export const ImportsErrorCode = {
  TooManyFiles: 'IMPORT_TOO_MANY_FILES',
  FileTooLarge: 'IMPORT_FILE_TOO_LARGE',
  TotalTooLarge: 'IMPORT_TOTAL_TOO_LARGE',
  InvalidPath: 'IMPORT_INVALID_PATH',
  DuplicatePath: 'IMPORT_DUPLICATE_PATH',
  InvalidEncoding: 'IMPORT_INVALID_ENCODING',
  UnknownItem: 'IMPORT_UNKNOWN_ITEM',
  NothingToImport: 'IMPORT_NOTHING_TO_IMPORT',
} as const;

export class ImportTooManyFilesError extends AppError {
  constructor(count: number, limit: number) {
    super(ImportsErrorCode.TooManyFiles, `A batch holds at most ${limit} files, not ${count}`, 413, { count, limit });
  }
}

export class ImportFileTooLargeError extends AppError {
  constructor(path: string, sizeBytes: number, limitBytes: number) {
    super(ImportsErrorCode.FileTooLarge, `${path} is ${sizeBytes} bytes; a file may have at most ${limitBytes}`, 413, {
      path,
      sizeBytes,
      limitBytes,
    });
  }
}

export class ImportTotalTooLargeError extends AppError {
  constructor(sizeBytes: number, limitBytes: number) {
    super(
      ImportsErrorCode.TotalTooLarge,
      `The files add up to ${sizeBytes} bytes; a batch may have ${limitBytes}`,
      413,
      {
        sizeBytes,
        limitBytes,
      },
    );
  }
}

export class ImportInvalidPathError extends AppError {
  constructor(path: string, reason: string) {
    super(ImportsErrorCode.InvalidPath, `File path '${path}' is not usable: ${reason}`, 400, { path });
  }
}

export class ImportDuplicatePathError extends AppError {
  constructor(path: string) {
    super(ImportsErrorCode.DuplicatePath, `Two files have the path ${path}`, 400, { path });
  }
}

export class ImportInvalidEncodingError extends AppError {
  constructor(path: string, reason: string) {
    super(ImportsErrorCode.InvalidEncoding, `${path}: ${reason}`, 400, { path });
  }
}

export class ImportUnknownItemError extends AppError {
  constructor(path: string) {
    super(ImportsErrorCode.UnknownItem, `No importable item has the path ${path}; preview the files again`, 400, {
      path,
    });
  }
}

export class ImportNothingToImportError extends AppError {
  constructor() {
    super(ImportsErrorCode.NothingToImport, 'Every item is skipped: there is nothing to import', 400);
  }
}
