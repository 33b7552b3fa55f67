import type { Response } from 'express';
import type { DownloadFile } from './blueprint-reads.service';

/** Sends a file as an attachment, never cached; quotes and line breaks in its name cannot break the header. */
export function sendDownload(response: Response, file: DownloadFile): void {
  response.setHeader('Content-Type', file.mediaType);
  response.setHeader('Content-Disposition', `attachment; filename="${file.fileName.replace(/["\\\r\n]/g, '_')}"`);
  response.setHeader('Cache-Control', 'no-store');
  response.send(typeof file.body === 'string' ? file.body : Buffer.from(file.body));
}
