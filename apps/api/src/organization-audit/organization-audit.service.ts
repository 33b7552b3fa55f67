import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { OrganizationLookupService } from '../organizations/organization-lookup.service';
import type {
  OrganizationAuditEvent,
  OrganizationAuditFilters,
  OrganizationAuditQuery,
} from './organization-audit.dto';
import {
  InvalidAuditCursorError,
  InvalidAuditDateError,
  InvalidAuditLimitError,
  UnsupportedAuditExportFormatError,
} from './organization-audit.errors';

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 200;
/** Rows read per query while exporting: memory stays bounded whatever the log's size. */
const EXPORT_CHUNK = 500;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type ExportFormat = 'csv' | 'json';

type LogRow = Awaited<ReturnType<AuditService['organizationLog']>>[number];

/** An organization's audit log, for its Owners and Admins (`organization.audit`): pages and full exports. */
@Injectable()
export class OrganizationAuditService {
  constructor(
    private readonly organizations: OrganizationLookupService,
    private readonly audit: AuditService,
  ) {}

  async page(slug: string, principal: Principal, query: OrganizationAuditQuery) {
    const organization = await this.organizations.resolve(slug, principal, 'organization.audit');
    const limit = parseLimit(query.limit);
    const rows = await this.audit.organizationLog({
      organizationId: organization.id,
      ...parseFilters(query),
      after: query.cursor === undefined ? undefined : decodeCursor(query.cursor),
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      events: page.map(toView),
      nextCursor: rows.length > limit && last ? encodeCursor(last) : null,
    };
  }

  /**
   * Checks access and the request before anything is sent (errors still get their envelope), then hands back the
   * events as a stream read from the database a chunk at a time.
   */
  async export(slug: string, principal: Principal, query: OrganizationAuditFilters & { format: string }) {
    const organization = await this.organizations.resolve(slug, principal, 'organization.audit');
    if (query.format !== 'csv' && query.format !== 'json') throw new UnsupportedAuditExportFormatError();
    const filters = parseFilters(query);
    const audit = this.audit;
    async function* events(): AsyncGenerator<OrganizationAuditEvent> {
      let after: { occurredAt: Date; id: string } | undefined;
      for (;;) {
        const rows = await audit.organizationLog({
          organizationId: organization.id,
          ...filters,
          after,
          limit: EXPORT_CHUNK,
        });
        for (const row of rows) yield toView(row);
        const last = rows.at(-1);
        if (rows.length < EXPORT_CHUNK || !last) return;
        after = { occurredAt: last.occurredAt, id: last.id };
      }
    }
    return { organization, format: query.format as ExportFormat, events: events() };
  }
}

function toView(row: LogRow): OrganizationAuditEvent {
  return {
    id: row.id,
    occurredAt: row.occurredAt.toISOString(),
    action: row.action,
    actor: { type: row.actorType, id: row.actorId, handle: row.actorHandle },
    target: row.targetType && row.targetId ? { type: row.targetType, id: row.targetId } : null,
    metadata: (row.metadata ?? {}) as Record<string, unknown>,
    ipPrefix: row.ipPrefix,
  };
}

function parseLimit(value: string | undefined): number {
  if (value === undefined) return DEFAULT_LIMIT;
  const limit = /^\d{1,4}$/.test(value) ? Number(value) : NaN;
  if (!(limit >= 1 && limit <= MAX_LIMIT)) throw new InvalidAuditLimitError(MAX_LIMIT);
  return limit;
}

function parseDate(field: 'from' | 'to', value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const date = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(date.getTime())) {
    throw new InvalidAuditDateError(field, 'not an ISO 8601 date or date-time');
  }
  return date;
}

function parseFilters(query: OrganizationAuditFilters) {
  const from = parseDate('from', query.from);
  const to = parseDate('to', query.to);
  if (from && to && from >= to) throw new InvalidAuditDateError('to', 'must be after from');
  return { actionPrefix: query.action || undefined, from, to };
}

// The cursor is the last event seen, (occurredAt, id): the order is by both, so events in one millisecond page right.
function encodeCursor(row: { occurredAt: Date; id: string }): string {
  return Buffer.from(`${row.occurredAt.toISOString()}|${row.id}`).toString('base64url');
}

function decodeCursor(cursor: string): { occurredAt: Date; id: string } {
  const [at, id, extra] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const occurredAt = new Date(at ?? '');
  if (extra !== undefined || !id || !UUID.test(id) || Number.isNaN(occurredAt.getTime())) {
    throw new InvalidAuditCursorError();
  }
  return { occurredAt, id };
}
