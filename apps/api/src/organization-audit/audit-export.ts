import type { Response } from 'express';
import type { OrganizationAuditEvent } from './organization-audit.dto';
import type { ExportFormat } from './organization-audit.service';

export const CSV_COLUMNS = [
  'occurredAt',
  'action',
  'actorType',
  'actorId',
  'actorHandle',
  'targetType',
  'targetId',
  'ipPrefix',
  'metadata',
] as const;

/**
 * One CSV cell (RFC 4180 quoting). A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return,
 * which some strip first) as a formula, and metadata holds text others typed: such a cell gets a leading apostrophe.
 */
export function csvCell(value: string | null): string {
  if (value === null) return '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(event: OrganizationAuditEvent): string {
  return (
    [
      event.occurredAt,
      event.action,
      event.actor.type,
      event.actor.id,
      event.actor.handle,
      event.target?.type ?? null,
      event.target?.id ?? null,
      event.ipPrefix,
      JSON.stringify(event.metadata),
    ]
      .map(csvCell)
      .join(',') + '\r\n'
  );
}

/**
 * Writes the export as it is read, waiting for the client whenever the socket's buffer is full, so a log of any size
 * costs one chunk of memory. A client that goes away stops the reading.
 */
export async function streamExport(
  response: Response,
  format: ExportFormat,
  events: AsyncGenerator<OrganizationAuditEvent>,
  onError: (error: unknown) => void,
): Promise<void> {
  const write = async (text: string) => {
    if (!response.write(text)) await drainedOrClosed(response);
  };
  try {
    await write(format === 'csv' ? CSV_COLUMNS.join(',') + '\r\n' : '[');
    let first = true;
    for await (const event of events) {
      if (response.destroyed) break;
      await write(format === 'csv' ? csvLine(event) : `${first ? '' : ','}\n${JSON.stringify(event)}`);
      first = false;
    }
    if (!response.destroyed) response.end(format === 'csv' ? '' : '\n]\n');
  } catch (error) {
    onError(error);
    // The status line is already sent: cutting the body short is the only honest signal left (no closing bracket).
    response.destroy();
  } finally {
    await events.return(undefined);
  }
}

/** Resolves when the socket wants more or the client has gone, leaving no listener behind. */
function drainedOrClosed(response: Response): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      response.off('drain', done);
      response.off('close', done);
      resolve();
    };
    response.on('drain', done);
    response.on('close', done);
  });
}
