import { PrismaService } from '../../src/database/prisma.service';
import { storedScanReport } from '../../src/scanning';
import { randomString, seededRandom, UPPER_ALPHANUMERIC } from '@lynxprompt/scanning/test-samples';
import { createBlueprint, ifMatch, type BlueprintBody } from '../support/blueprints';
import { signInAs, TestSignInModule, type SignedIn } from '../support/sign-in';
import { startTestApp, type TestApp } from '../support/test-app';

const LISTED = 10;
// Seeded, and redrawn where a value reads as a placeholder (which the scanner rightly skips), so every one counts.
const random = seededRandom(20261205);

/** AWS access key ids: the scanner reports each as a low-confidence secret, to acknowledge before sharing. */
const awsKeyIds = (count: number) =>
  Array.from({ length: count }, () => `AKIA${randomString(random, 16, UPPER_ALPHANUMERIC)}`);
const rule = (lines: string[]) => `# Cloud rules\n\n${lines.map((line) => `- key ${line}`).join('\n')}\n`;

interface Finding {
  id: string;
  category: string;
  confidence: string;
  line: number;
}

/**
 * Issue 10's event-loop budget: content with thousands of secret-shaped tokens made a multi-megabyte list of findings
 * that the event loop copied from the worker, stored and sent. The list is capped at SCAN_MAX_LISTED_FINDINGS (here
 * 10) in the worker, the totals stay exact, and the secret policy is decided on the totals.
 */
describe('the listed findings are capped, the totals and the secret policy exact', () => {
  let testApp: TestApp;
  let owner: SignedIn;

  beforeAll(async () => {
    testApp = await startTestApp({ extraImports: [TestSignInModule], env: { SCAN_MAX_LISTED_FINDINGS: `${LISTED}` } });
    owner = await signInAs(testApp, 'findings.cap@example.org');
  });
  afterAll(() => testApp.close());

  it('answers a scan with at most the cap of findings, secrets first, and exact counts', async () => {
    const response = await owner.agent
      .post('/api/v1/scan')
      .set(owner.writeHeaders)
      .send({ content: rule(awsKeyIds(30)) })
      .expect(200);
    expect(response.body.findings).toHaveLength(LISTED);
    expect(response.body.secrets).toEqual({ high: 0, low: 30 });
    expect(response.body.truncated).toBe(true);
    const lines = (response.body.findings as Finding[]).map((finding) => finding.line);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));

    // A high-confidence secret after the cap is still listed: secrets that block sharing are chosen first.
    const withToken = rule([...awsKeyIds(30), `ghp_${randomString(random, 36)}`]);
    const mixed = await owner.agent.post('/api/v1/scan').set(owner.writeHeaders).send({ content: withToken });
    expect(mixed.body.secrets).toEqual({ high: 1, low: 30 });
    expect(mixed.body.findings).toHaveLength(LISTED);
    expect(mixed.body.findings).toContainEqual(expect.objectContaining({ confidence: 'high', line: 33 }));
  });

  it('keeps such content private, storing and showing the capped list with the exact totals', async () => {
    const created = await createBlueprint(owner, { content: rule(awsKeyIds(30)), visibility: 'private' });
    expect(created.findings).toHaveLength(LISTED);
    expect(created.findingTotals).toEqual({ secrets: { high: 0, low: 30 }, hiddenInstructions: 0, truncated: true });

    const version = await owner.agent.get(`/api/v1/blueprints/${created.id}/versions/1`).expect(200);
    expect(version.body.findings).toHaveLength(LISTED);
    expect(version.body.findingTotals.truncated).toBe(true);

    const stored = await testApp.app.nest
      .get(PrismaService)
      .blueprintVersion.findFirstOrThrow({ where: { blueprintId: created.id, number: 1 } });
    const report = storedScanReport(stored.findings);
    expect(report.findings).toHaveLength(LISTED);
    expect(report.secrets).toEqual({ high: 0, low: 30 });
  });

  it('refuses to share more possible secrets than can be acknowledged, whatever is acknowledged', async () => {
    const content = rule(awsKeyIds(30));
    const scan = await owner.agent.post('/api/v1/scan').set(owner.writeHeaders).send({ content }).expect(200);
    const listedIds = (scan.body.findings as Finding[]).map((finding) => finding.id);

    const refused = await createBlueprint(
      owner,
      { content, visibility: 'public', publish: true, acknowledgedFindings: listedIds },
      422,
    );
    expect((refused as unknown as { error: { code: string; details: unknown } }).error).toMatchObject({
      code: 'FINDINGS_TOO_MANY',
      details: { secrets: { high: 0, low: 30 }, listed: LISTED },
    });

    // Private first, then opened up: refused too, and the blueprint stays private.
    const kept = await createBlueprint(owner, { content, visibility: 'private', publish: true });
    const opened = await owner.agent
      .patch(`/api/v1/blueprints/${kept.id}`)
      .set(owner.writeHeaders)
      .set(ifMatch(kept))
      .send({ visibility: 'public', acknowledgedFindings: listedIds })
      .expect(422);
    expect(opened.body.error.code).toBe('FINDINGS_TOO_MANY');
    const after = (await owner.agent.get(`/api/v1/blueprints/${kept.id}`).expect(200)).body as BlueprintBody;
    expect(after.visibility).toBe('private');
  });

  it('still lets every possible secret be acknowledged when they fit in the list', async () => {
    const content = rule(awsKeyIds(LISTED));
    const scan = await owner.agent.post('/api/v1/scan').set(owner.writeHeaders).send({ content }).expect(200);
    expect(scan.body.truncated).toBe(false);
    const ids = (scan.body.findings as Finding[]).map((finding) => finding.id);
    const shared = await createBlueprint(owner, {
      content,
      visibility: 'public',
      publish: true,
      acknowledgedFindings: ids,
    });
    expect(shared.findingTotals).toEqual({
      secrets: { high: 0, low: LISTED },
      hiddenInstructions: 0,
      truncated: false,
    });
  });
});
