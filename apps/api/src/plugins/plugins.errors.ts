import { AppError } from '../common/errors/app-error';

/** Stable codes for everything a plugin import or export refuses. */
export const PluginsErrorCode = {
  TooManyFiles: 'PLUGIN_TOO_MANY_FILES',
  FileTooLarge: 'PLUGIN_FILE_TOO_LARGE',
  TooLarge: 'PLUGIN_TOO_LARGE',
  PathInvalid: 'PLUGIN_PATH_INVALID',
  FileEncoding: 'PLUGIN_FILE_ENCODING',
  ManifestMissing: 'PLUGIN_MANIFEST_MISSING',
  ManifestInvalid: 'PLUGIN_MANIFEST_INVALID',
  MemberRejected: 'PLUGIN_MEMBER_REJECTED',
  UnknownTool: 'PLUGIN_UNKNOWN_TOOL',
} as const;

export class PluginTooManyFilesError extends AppError {
  constructor(count: number, limit: number) {
    super(PluginsErrorCode.TooManyFiles, `A plugin import takes at most ${limit} files, not ${count}.`, 413, {
      count,
      limit,
    });
  }
}

export class PluginFileTooLargeError extends AppError {
  constructor(path: string, sizeBytes: number, limit: number) {
    super(PluginsErrorCode.FileTooLarge, `'${path}' is ${sizeBytes} bytes; a plugin file may be ${limit}.`, 413, {
      path,
      sizeBytes,
      limit,
    });
  }
}

export class PluginTooLargeError extends AppError {
  constructor(sizeBytes: number, limit: number) {
    super(PluginsErrorCode.TooLarge, `The plugin's files add up to ${sizeBytes} bytes; the limit is ${limit}.`, 413, {
      sizeBytes,
      limit,
    });
  }
}

export class PluginPathInvalidError extends AppError {
  constructor(path: string, reason: string) {
    super(PluginsErrorCode.PathInvalid, `File path '${path.slice(0, 200)}' ${reason}.`, 400, {
      path: path.slice(0, 512),
      reason,
    });
  }
}

export class PluginFileEncodingError extends AppError {
  constructor(path: string, reason: string) {
    super(PluginsErrorCode.FileEncoding, `'${path}' ${reason}.`, 400, { path, reason });
  }
}

export class PluginManifestMissingError extends AppError {
  constructor() {
    super(
      PluginsErrorCode.ManifestMissing,
      'No plugin manifest found: expected .claude-plugin/plugin.json, .cursor-plugin/plugin.json or .codex-plugin/plugin.json, or a marketplace.json listing plugins.',
      422,
    );
  }
}

export class PluginManifestInvalidError extends AppError {
  constructor(path: string, reason: string) {
    super(PluginsErrorCode.ManifestInvalid, `Manifest '${path}' ${reason}.`, 422, { path, reason });
  }
}

/** A member the formats library or the blueprint rules refused: the cause's code and details are kept. */
export class PluginMemberRejectedError extends AppError {
  constructor(path: string, cause: { code: string; message: string; details?: unknown }) {
    super(PluginsErrorCode.MemberRejected, `'${path}' was refused: ${cause.message}`, 422, {
      path,
      cause: { code: cause.code, message: cause.message, ...(cause.details ? { details: cause.details } : {}) },
    });
  }
}

export class PluginUnknownToolError extends AppError {
  constructor(tool: string, tools: readonly string[]) {
    super(PluginsErrorCode.UnknownTool, `'${tool}' has no plugin format here; use one of: ${tools.join(', ')}.`, 400, {
      tool,
      tools,
    });
  }
}
