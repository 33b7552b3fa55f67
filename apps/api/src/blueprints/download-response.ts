import type { Response } from 'express';
import type { DownloadFile } from './blueprint-reads.service';

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

/** Sends a file as an attachment, never cached; quotes and line breaks in its name cannot break the header. */
export function sendDownload(response: Response, file: DownloadFile): void {
  response.setHeader('Content-Type', file.mediaType);
  response.setHeader('Content-Disposition', `attachment; filename="${file.fileName.replace(/["\\\r\n]/g, '_')}"`);
  response.setHeader('Cache-Control', 'no-store');
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
