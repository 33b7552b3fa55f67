import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Response } from 'express';
import type { Logger } from 'pino';
import type { DownloadFile } from './blueprint-reads.service';
import {
  ATTACHED_FILES_HEADER,
  attachedFilesHeader,
  CONVERSION_REPORT_HEADER,
  conversionHeader,
} from './conversion-report';

/** Hidden-instruction findings in the file as sent (after stripping, when asked). */
export const HIDDEN_INSTRUCTIONS_HEADER = 'X-Hidden-Instructions';
/** With strip=hidden: what was removed, e.g. `invisible-characters=12, html-comments=1`. */
export const HIDDEN_REMOVED_HEADER = 'X-Hidden-Instructions-Removed';

/** The headers above, for the API contract. */
export const EXPORT_HIDDEN_HEADERS = {
  [HIDDEN_INSTRUCTIONS_HEADER]: {
    description:
      'Hidden-instruction findings in the file as sent: the scan of the version, or what is left after strip=hidden',
    schema: { type: 'integer', minimum: 0 },
  },
  [HIDDEN_REMOVED_HEADER]: {
    description: 'With strip=hidden: what was removed, e.g. "invisible-characters=12, html-comments=1"',
    schema: { type: 'string' },
  },
};

/** The conversion report header, for every download, export and archive. */
export const CONVERSION_HEADERS = {
  [CONVERSION_REPORT_HEADER]: {
    description:
      'What the conversion lost, compactly: "lossless", or e.g. "dropped=model,allowedTools; derived=name" ' +
      '(changes by kind: dropped, changed, derived, translated; "lossless; derived=name" when only derived or ' +
      'translated). Zips carry the details in CONVERSION.md; render returns them as conversion',
    schema: { type: 'string' },
  },
};

/** Every header of a single blueprint's export or download. */
export const EXPORT_HEADERS = {
  ...EXPORT_HIDDEN_HEADERS,
  ...CONVERSION_HEADERS,
  [ATTACHED_FILES_HEADER]: {
    description:
      'Without archive=zip, for a skill with attached files: "<count>; <path>,<path>…" (repository paths, ' +
      'percent-encoded, capped at 2000 characters). The response is the main file only; archive=zip gives the folder',
    schema: { type: 'string' },
  },
};

/** A download produced as it is sent, so its size never has to fit in memory. */
export interface StreamedDownload {
  fileName: string;
  mediaType: string;
  /** The X-Conversion-Report value, known before the first byte. */
  conversion?: string;
  chunks: AsyncIterable<Uint8Array>;
}

function setDownloadHeaders(response: Response, file: { fileName: string; mediaType: string }): void {
  response.setHeader('Content-Type', file.mediaType);
  response.setHeader('Content-Disposition', `attachment; filename="${file.fileName.replace(/["\\\r\n]/g, '_')}"`);
  response.setHeader('Cache-Control', 'no-store');
}

/** Sends a file as an attachment, never cached; quotes and line breaks in its name cannot break the header. */
export function sendDownload(response: Response, file: DownloadFile): void {
  setDownloadHeaders(response, file);
  if (file.conversion) response.setHeader(CONVERSION_REPORT_HEADER, conversionHeader(file.conversion));
  if (file.attachedFiles && file.attachedFiles.length > 0) {
    response.setHeader(ATTACHED_FILES_HEADER, attachedFilesHeader(file.attachedFiles));
  }
  if (file.hidden) {
    // For scripts and the CLI: the same warning the web page gives before a download.
    response.setHeader(HIDDEN_INSTRUCTIONS_HEADER, String(file.hidden.findings));
    if (file.hidden.removed) {
      const { invisibleCharacters, htmlComments } = file.hidden.removed;
      response.setHeader(
        HIDDEN_REMOVED_HEADER,
        `invisible-characters=${invisibleCharacters}, html-comments=${htmlComments}`,
      );
    }
  }
  response.send(typeof file.body === 'string' ? file.body : Buffer.from(file.body));
}

/**
 * Streams a download with backpressure: the next chunk is produced only when the response has drained. A client
 * that goes away stops the producer (its generators' `finally` blocks run); a failure after the first byte cannot
 * become an error response any more, so the connection is cut and the client sees an incomplete transfer rather
 * than a file that merely looks complete.
 */
export async function streamDownload(response: Response, file: StreamedDownload, logger: Logger): Promise<void> {
  setDownloadHeaders(response, file);
  if (file.conversion) response.setHeader(CONVERSION_REPORT_HEADER, file.conversion);
  try {
    await pipeline(Readable.from(file.chunks, { objectMode: false, highWaterMark: 64 * 1024 }), response);
  } catch (error) {
    const clientGone = (error as NodeJS.ErrnoException).code === 'ERR_STREAM_PREMATURE_CLOSE';
    // Nothing sent yet: the error envelope can still say what went wrong.
    if (!clientGone && !response.headersSent) throw error;
    if (clientGone) {
      logger.info({ fileName: file.fileName }, 'download stopped: the client went away');
    } else {
      logger.error({ err: error, fileName: file.fileName }, 'download failed after it started');
    }
    response.destroy();
  }
}
