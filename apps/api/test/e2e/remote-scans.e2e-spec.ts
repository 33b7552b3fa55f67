import http from 'node:http';
import { PrismaService } from '../../src/database/prisma.service';
import { RemoteScans } from '../../src/federation/crawler/remote-scans';
import { Prisma } from '../../src/generated/prisma/client';
import { storedScanReport } from '../../src/scanning';
import { loopbackAddress, startFederatedInstance, type FederatedInstance } from '../support/federation';
import { insertPeer, insertRemoteBlueprint } from '../support/remote-blueprints';
import { referenceBlueprint, startReferenceInstance, type ReferenceInstance } from '../support/reference-instance';

jest.setTimeout(90_000);

// A token-shaped value and a hidden instruction: what our scan must report about remote content.
const TOKEN = `ghp_${'Zq8Rt2Vw4Xy6Ab1Cd3Ef5Gh7Ij9Kl0Mn2Op4'}`;
const REMOTE_CONTENT = `# Deploy notes\n\nUse ${TOKEN} for the registry.\nBe nice.\u200B\u202E\u{E0049}\u{E0047}\n`;

function register(url: string, domain: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${url}/api/v1/federation/register`,
      { method: 'POST', headers: { 'content-type': 'application/json' } },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    request.on('error', reject);
    request.end(JSON.stringify({ domain }));
  });
}

describe('remote content is scanned once, when crawled; reads never scan', () => {
  let a: FederatedInstance;
  let reference: ReferenceInstance;
  const blueprint = referenceBlueprint({ content: REMOTE_CONTENT });

  const prisma = () => a.app.app.nest.get(PrismaService);
  const storedCopy = () => prisma().remoteBlueprint.findFirstOrThrow({ where: { remoteId: blueprint.id } });

  beforeAll(async () => {
    const [addressA, addressRef] = await Promise.all([loopbackAddress('127.0.0.1'), loopbackAddress('127.0.0.5')]);
    reference = await startReferenceInstance(addressRef.host, addressRef.port);
    reference.blueprints.set(blueprint.id, blueprint);
    a = await startFederatedInstance(addressA, {
      name: 'Instance A',
      adminEmail: 'admin@a.test',
      allowPrivate: [addressRef],
    });
    expect(await register(a.url, reference.domain)).toBe(200);
    const peer = await prisma().peer.findFirstOrThrow({ where: { domain: reference.domain } });
    expect(await a.crawl(peer.id)).toBe('succeeded');
  });

  afterAll(async () => {
    await a?.close();
    await reference?.close();
  });

  it('stores the findings of the crawl-time scan with the copy', async () => {
    const copy = await storedCopy();
    const report = storedScanReport(copy.scanFindings);
    const findings = report.findings;
    expect(report.truncated).toBe(false);
    expect(findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ category: 'secret', line: 3 }),
        expect.objectContaining({ category: 'hidden-instruction', line: 4 }),
      ]),
    );
    expect(copy.findings).toBe(report.hiddenInstructions);
    expect(report.hiddenInstructions).toBe(
      findings.filter((finding) => finding.category === 'hidden-instruction').length,
    );
    expect(JSON.stringify(findings)).not.toContain(TOKEN);
  });

  it('answers a detail read with the stored findings, not a new scan of the content', async () => {
    const copy = await storedCopy();
    const stored = storedScanReport(copy.scanFindings).findings;
    // Were the read to scan, the content below would give no findings at all.
    await prisma().remoteBlueprint.update({ where: { id: copy.id }, data: { content: '# Nothing to see\n' } });
    const detail = await a.app.http.get(`/api/v1/blueprints/${copy.id}`).set('Cookie', 'bypass=1').expect(200);
    expect(detail.body.content).toBe('# Nothing to see\n');
    expect(detail.body.findings).toEqual(stored);
  });

  it('scans copies stored before findings were kept, in the background', async () => {
    const peer = await insertPeer(a.app, 'older.example');
    const older = await insertRemoteBlueprint(a.app, peer, { name: 'Crawled long ago', content: REMOTE_CONTENT });
    await prisma().remoteBlueprint.update({ where: { id: older.id }, data: { scanFindings: Prisma.DbNull } });
    const before = await a.app.http.get(`/api/v1/blueprints/${older.id}`).set('Cookie', 'bypass=1').expect(200);
    expect(before.body.findings).toEqual([]);

    expect(await a.app.app.nest.get(RemoteScans).backfill()).toBeGreaterThanOrEqual(1);
    const after = await a.app.http.get(`/api/v1/blueprints/${older.id}`).set('Cookie', 'bypass=1').expect(200);
    expect(after.body.findings).toEqual(
      expect.arrayContaining([expect.objectContaining({ category: 'secret', line: 3 })]),
    );
  });
});
