import { AuditService } from '../../src/audit/audit.service';
import { PrismaService } from '../../src/database/prisma.service';
import { createOrganization, signInTeam } from '../support/organizations';
import { createApiToken, signInAs, TestSignInModule, type SignedIn } from '../support/sign-in';
import { startTestApp, type TestApp } from '../support/test-app';

interface AuditEventView {
  id: string;
  occurredAt: string;
  action: string;
  actor: { type: string; id: string | null; handle: string | null };
  target: { type: string; id: string } | null;
  metadata: Record<string, unknown>;
  ipPrefix: string | null;
}

interface AuditPage {
  events: AuditEventView[];
  nextCursor: string | null;
}

const AUDIT = '/api/v1/organizations/acme/audit';

/** Parses RFC 4180 CSV (quoted cells, doubled quotes, CRLF), independently of the exporter. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += char;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

describe('Organization audit log', () => {
  let testApp: TestApp;
  let prisma: PrismaService;
  let audit: AuditService;
  let owner: SignedIn;
  let admin: SignedIn;
  let member: SignedIn;
  let viewer: SignedIn;
  let outsider: SignedIn;
  let organizationId: string;
  let otherOrganizationId: string;

  beforeAll(async () => {
    testApp = await startTestApp({ extraImports: [TestSignInModule] });
    prisma = testApp.app.nest.get(PrismaService);
    audit = testApp.app.nest.get(AuditService);
    ({ organizationId: organizationId, owner, admin, member, viewer } = await signInTeam(testApp, 'acme'));
    outsider = await signInAs(testApp, 'outsider@else.test');
    otherOrganizationId = await createOrganization(testApp, outsider.userId, 'elsewhere');
  });
  afterAll(() => testApp.close());

  async function readAll(who: SignedIn, query: Record<string, string> = {}): Promise<AuditEventView[]> {
    const events: AuditEventView[] = [];
    let cursor: string | null = null;
    do {
      const response = await who.agent.get(AUDIT).query({ ...query, ...(cursor ? { cursor } : {}) });
      expect(response.status).toBe(200);
      const page = response.body as AuditPage;
      events.push(...page.events);
      cursor = page.nextCursor;
    } while (cursor);
    return events;
  }

  it('shows token events to Owners and Admins, newest first, with the actor’s handle and the network only', async () => {
    const created = await admin.agent
      .post('/api/v1/organizations/acme/tokens')
      .set(admin.writeHeaders)
      .send({ name: 'Deploy', scopes: ['blueprints:read'], environment: 'production' })
      .expect(201);
    await admin.agent
      .delete(`/api/v1/organizations/acme/tokens/${created.body.id}`)
      .set(admin.writeHeaders)
      .expect(204);
    // Another organization's event and an event outside any organization never show here.
    await audit.record(
      { type: 'user', id: outsider.userId },
      'organization_token.created',
      null,
      {},
      {},
      otherOrganizationId,
    );
    await audit.record({ type: 'user', id: owner.userId }, 'api_token.created', null);

    for (const who of [owner, admin]) {
      const response = await who.agent.get(AUDIT).expect(200);
      const page = response.body as AuditPage;
      expect(page.nextCursor).toBeNull();
      expect(page.events.map((event) => event.action)).toEqual([
        'organization_token.revoked',
        'organization_token.created',
      ]);
      expect(page.events[1]).toEqual({
        id: expect.any(String),
        occurredAt: expect.any(String),
        action: 'organization_token.created',
        actor: { type: 'user', id: admin.userId, handle: 'admin' },
        target: { type: 'api_token', id: created.body.id },
        metadata: {
          name: 'Deploy',
          prefix: created.body.prefix,
          scopes: ['blueprints:read'],
          environment: 'production',
          expiresAt: null,
        },
        ipPrefix: expect.any(String),
      });
      expect(Object.keys(page.events[0]!)).not.toContain('userAgent');
    }
  });

  it('is for Owners and Admins: Members and Viewers get 403, outsiders and anonymous callers 404 and 401', async () => {
    for (const who of [member, viewer]) {
      for (const path of [AUDIT, `${AUDIT}/export?format=csv`]) {
        const response = await who.agent.get(path);
        expect(response.status).toBe(403);
        expect(response.body.error.code).toBe('ORGANIZATION_ROLE_REQUIRED');
      }
    }
    for (const path of [AUDIT, `${AUDIT}/export?format=json`, '/api/v1/organizations/nothing-here/audit']) {
      const response = await outsider.agent.get(path);
      expect(response.status).toBe(404);
      expect(response.body.error.code).toBe('ORGANIZATION_NOT_FOUND');
    }
    expect((await testApp.http.get(AUDIT)).status).toBe(401);
    const personal = await createApiToken(owner, ['blueprints:read']);
    const viaToken = await testApp.http.get(AUDIT).set('Authorization', `Bearer ${personal}`);
    expect(viaToken.status).toBe(403);
    expect(viaToken.body.error.code).toBe('SESSION_REQUIRED');
  });

  it('pages with a cursor, without gaps or repeats, even for events in the same millisecond', async () => {
    const at = new Date('2026-06-01T12:00:00.000Z');
    await prisma.auditEvent.createMany({
      data: Array.from({ length: 7 }, (_, i) => ({
        actorType: 'system',
        action: `paging.event${i}`,
        organizationId,
        occurredAt: at,
        metadata: { i },
      })),
    });
    const pages: AuditPage[] = [];
    let cursor: string | undefined;
    do {
      const response = await owner.agent
        .get(AUDIT)
        .query({ action: 'paging.', limit: '3', ...(cursor ? { cursor } : {}) });
      expect(response.status).toBe(200);
      pages.push(response.body as AuditPage);
      cursor = (response.body as AuditPage).nextCursor ?? undefined;
    } while (cursor);
    expect(pages.map((page) => page.events.length)).toEqual([3, 3, 1]);
    const actions = pages.flatMap((page) => page.events.map((event) => event.action));
    expect(new Set(actions).size).toBe(7);
    expect(actions.sort()).toEqual(Array.from({ length: 7 }, (_, i) => `paging.event${i}`));
    expect(pages.flatMap((page) => page.events.map((event) => event.actor))).toContainEqual({
      type: 'system',
      id: null,
      handle: null,
    });
  });

  it('filters by action prefix and date range, and refuses bad paging input with stable codes', async () => {
    const days = ['2025-01-10', '2025-02-10', '2025-03-10'];
    await prisma.auditEvent.createMany({
      data: days.map((day) => ({
        actorType: 'user',
        actorId: owner.userId,
        action: `range.${day}`,
        organizationId,
        occurredAt: new Date(`${day}T08:00:00.000Z`),
      })),
    });
    const inFebruary = await readAll(owner, { action: 'range.', from: '2025-02-01', to: '2025-03-01T00:00:00Z' });
    expect(inFebruary.map((event) => event.action)).toEqual(['range.2025-02-10']);
    const fromFebruary = await readAll(owner, { action: 'range.', from: '2025-02-01' });
    expect(fromFebruary.map((event) => event.action)).toEqual(['range.2025-03-10', 'range.2025-02-10']);

    const bad: Array<[Record<string, string>, string]> = [
      [{ cursor: 'not-a-cursor' }, 'INVALID_CURSOR'],
      [{ cursor: Buffer.from('2025-01-01T00:00:00.000Z|x').toString('base64url') }, 'INVALID_CURSOR'],
      [{ limit: '0' }, 'INVALID_LIMIT'],
      [{ limit: '201' }, 'INVALID_LIMIT'],
      [{ limit: 'ten' }, 'INVALID_LIMIT'],
      [{ from: 'yesterday' }, 'INVALID_DATE_RANGE'],
      [{ from: '2025-03-01', to: '2025-02-01' }, 'INVALID_DATE_RANGE'],
    ];
    for (const [query, code] of bad) {
      const response = await owner.agent.get(AUDIT).query(query);
      expect({ query, status: response.status, code: response.body.error?.code }).toEqual({ query, status: 400, code });
    }
  });

  it('exports CSV as an attachment, quoted and guarded against spreadsheet formulas', async () => {
    await audit.record(
      { type: 'user', id: owner.userId },
      'export.hostile',
      { type: '=cmd|"/c calc"!A1', id: '@SUM(1+1)' },
      {},
      { note: 'a, "quoted"\nmultiline value' },
      organizationId,
    );
    await audit.record({ type: 'system' }, 'export.plain', { type: '+plus', id: '-minus' }, {}, {}, organizationId);
    const response = await admin.agent.get(`${AUDIT}/export`).query({ format: 'csv', action: 'export.' });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="acme-audit-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(response.headers['cache-control']).toBe('no-store');
    const rows = parseCsv(response.text);
    expect(rows[0]).toEqual([
      'occurredAt',
      'action',
      'actorType',
      'actorId',
      'actorHandle',
      'targetType',
      'targetId',
      'ipPrefix',
      'metadata',
    ]);
    expect(rows).toHaveLength(3);
    const [plain, hostile] = [rows[1]!, rows[2]!];
    expect(plain.slice(1, 8)).toEqual(['export.plain', 'system', '', '', "'+plus", "'-minus", '']);
    expect(hostile.slice(1, 7)).toEqual([
      'export.hostile',
      'user',
      owner.userId,
      'owner',
      `'=cmd|"/c calc"!A1`,
      "'@SUM(1+1)",
    ]);
    expect(JSON.parse(hostile[8]!)).toEqual({ note: 'a, "quoted"\nmultiline value' });
    // No cell of the file starts a formula.
    expect(rows.flat().filter((cell) => /^[=+\-@]/.test(cell))).toEqual([]);
  });

  it('exports the whole log as JSON, read in chunks, the same events the pages show', async () => {
    await prisma.auditEvent.createMany({
      data: Array.from({ length: 1203 }, (_, i) => ({
        actorType: 'system',
        action: 'bulk.event',
        organizationId,
        occurredAt: new Date(Date.UTC(2024, 0, 1, 0, 0, 0, i % 50)),
        metadata: { i },
      })),
    });
    const response = await owner.agent
      .get(`${AUDIT}/export`)
      .query({ format: 'json', action: 'bulk.' })
      .buffer(true)
      .parse((res, done) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => done(null, text));
      });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="acme-audit-[\d-]+\.json"$/);
    const exported = JSON.parse(response.body as string) as AuditEventView[];
    expect(exported).toHaveLength(1203);
    expect(new Set(exported.map((event) => (event.metadata as { i: number }).i)).size).toBe(1203);
    const occurred = exported.map((event) => Date.parse(event.occurredAt));
    expect(occurred).toEqual([...occurred].sort((a, b) => b - a));

    const paged = await readAll(owner, { action: 'bulk.', limit: '200' });
    expect(paged.map((event) => event.id)).toEqual(exported.map((event) => event.id));
    expect(paged[0]).toEqual(exported[0]);
  });

  it('refuses an unknown export format before sending anything', async () => {
    const response = await owner.agent.get(`${AUDIT}/export`).query({ format: 'xlsx' });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('UNSUPPORTED_EXPORT_FORMAT');
    const missing = await owner.agent.get(`${AUDIT}/export`);
    expect(missing.status).toBe(400);
  });

  it('stays append-only: the database refuses to change or remove an event', async () => {
    const [event] = await prisma.auditEvent.findMany({ where: { organizationId }, take: 1 });
    await expect(
      prisma.auditEvent.update({ where: { id: event!.id }, data: { action: 'tampered' } }),
    ).rejects.toThrow();
    await expect(prisma.auditEvent.delete({ where: { id: event!.id } })).rejects.toThrow();
  });
});
