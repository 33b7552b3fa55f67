import { AuditService } from '../../src/audit/audit.service';
import { PrismaService } from '../../src/database/prisma.service';
import { UsersService } from '../../src/users/users.service';
import { startTestApp, type TestApp } from '../support/test-app';

describe('users', () => {
  let testApp: TestApp;
  let users: UsersService;

  beforeAll(async () => {
    testApp = await startTestApp();
    users = testApp.app.nest.get(UsersService);
  });
  afterAll(() => testApp.close());

  it('treats email addresses case-insensitively', async () => {
    const created = await users.create({ email: 'Ada@Example.ORG', handle: 'ada', displayName: 'Ada' });
    expect(created.email).toBe('ada@example.org');
    expect((await users.findByEmail('ADA@example.org'))?.id).toBe(created.id);
    await expect(
      users.create({ email: 'ada@EXAMPLE.org', handle: 'ada2', displayName: 'Other' }),
    ).rejects.toMatchObject({
      code: 'USER_EMAIL_TAKEN',
      status: 409,
    });
  });

  it('rejects taken and malformed handles with their own codes', async () => {
    await users.create({ email: 'grace@example.org', handle: 'grace', displayName: 'Grace' });
    await expect(users.create({ email: 'g2@example.org', handle: 'grace', displayName: 'G' })).rejects.toMatchObject({
      code: 'USER_HANDLE_TAKEN',
    });
    for (const handle of ['-lead', 'trail-', 'dou--ble', 'UPPER', 'x', 'a'.repeat(40)]) {
      await expect(
        users.create({ email: `${handle.length}@example.org`, handle, displayName: 'x' }),
      ).rejects.toMatchObject({
        code: 'USER_HANDLE_INVALID',
      });
    }
  });
});

describe('provisioning from a verified sign-in', () => {
  let testApp: TestApp;
  let users: UsersService;

  beforeAll(async () => {
    testApp = await startTestApp();
    users = testApp.app.nest.get(UsersService);
  });
  afterAll(() => testApp.close());

  const policy = { registrationEnabled: true, adminEmail: undefined };

  it('keeps a provider avatar only when it is an https URL', async () => {
    const https = await users.provisionForVerifiedEmail(
      'pic@example.org',
      { avatarUrl: 'https://avatars.example/u/1.png' },
      policy,
    );
    expect(https.user.avatarUrl).toBe('https://avatars.example/u/1.png');
    const http = await users.provisionForVerifiedEmail(
      'nopic@example.org',
      { avatarUrl: 'http://tracker.example/p.png' },
      policy,
    );
    expect(http.user.avatarUrl).toBeNull();
  });

  it('numbers a handle that is taken', async () => {
    const first = await users.provisionForVerifiedEmail('dup@one.example', { handleHint: 'Dup Name' }, policy);
    const second = await users.provisionForVerifiedEmail('dup@two.example', { handleHint: 'Dup Name' }, policy);
    expect(first.user.handle).toBe('dup-name');
    expect(second.user.handle).toBe('dup-name-2');
  });
});

describe('audit trail', () => {
  let testApp: TestApp;
  let audit: AuditService;
  let prisma: PrismaService;

  beforeAll(async () => {
    testApp = await startTestApp();
    audit = testApp.app.nest.get(AuditService);
    prisma = testApp.app.nest.get(PrismaService);
  });
  afterAll(() => testApp.close());

  it('records an event with a truncated address and the request id', async () => {
    const actorId = '7f2b1c1e-3a52-4a0e-9b7b-0c2f1d3e4a5b';
    await audit.record(
      { type: 'user', id: actorId },
      'session.sign_in',
      { type: 'session', id: 's1' },
      { ip: '203.0.113.77', userAgent: 'jest', requestId: 'req-1' },
      { method: 'magic_link' },
    );
    const [event] = await audit.recentForActor(actorId);
    expect(event).toMatchObject({
      actorType: 'user',
      action: 'session.sign_in',
      targetType: 'session',
      targetId: 's1',
      ipPrefix: '203.0.113.0/24',
      userAgent: 'jest',
      requestId: 'req-1',
      metadata: { method: 'magic_link' },
    });
  });

  it('cannot be changed or erased, even with direct SQL', async () => {
    const { id } = await audit.record({ type: 'system' }, 'instance.started', null);
    await expect(
      prisma.$executeRaw`UPDATE audit_events SET action = 'tampered' WHERE id = ${id}::uuid`,
    ).rejects.toThrow(/append-only/);
    await expect(prisma.$executeRaw`DELETE FROM audit_events WHERE id = ${id}::uuid`).rejects.toThrow(/append-only/);
    await expect(prisma.$executeRawUnsafe('TRUNCATE audit_events')).rejects.toThrow(/append-only/);
    const still = await prisma.auditEvent.findUnique({ where: { id } });
    expect(still?.action).toBe('instance.started');
  });
});
