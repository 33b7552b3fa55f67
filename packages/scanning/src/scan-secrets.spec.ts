import { performance } from 'node:perf_hooks';
import { scanContentInProcess, type ScanFinding, type ScanReport } from './index';
import { connectionStringSamples, privateKeySamples, randomString, secretSamples, seededRandom } from './test-samples';

/** The report must not contain the secret, nor any 8-character piece of its private part. */
function expectNoLeak(report: ScanReport, secret: string, publicPrefix = ''): void {
  const serialized = JSON.stringify(report);
  expect(serialized).not.toContain(secret);
  const hidden = secret.slice(publicPrefix.length);
  for (let i = 0; i + 8 <= hidden.length; i++) {
    const piece = hidden.slice(i, i + 8);
    if (!serialized.includes(piece)) continue;
    throw new Error(`report leaks "${piece}" of the secret: ${serialized}`);
  }
}

const secretFindings = (report: ScanReport): ScanFinding[] =>
  report.findings.filter((finding) => finding.category === 'secret');

function lineAndColumnOf(content: string, needle: string): { line: number; column: number } {
  const offset = content.indexOf(needle);
  const before = content.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

describe('scanContentInProcess: secrets', () => {
  const random = seededRandom(20_240_611);

  describe.each(secretSamples(random).map((sample) => [sample.label, sample] as const))('%s', (_label, sample) => {
    const content = ['# Deployment notes', '', 'Configure the service:', '', sample.line, '', 'Then restart.'].join(
      '\n',
    );
    let report: ScanReport;
    beforeAll(async () => {
      report = await scanContentInProcess(content);
    });

    it(`is found once, with ${sample.confidence} confidence, at the secret's position`, () => {
      const found = secretFindings(report);
      expect(found).toHaveLength(1);
      const [finding] = found as [ScanFinding];
      expect(sample.rules).toContain(finding.rule);
      expect(finding.confidence).toBe(sample.confidence);
      expect(finding.line).toBe(5);
      expect(finding.endLine).toBe(5);
      // The finding covers the secret (connection strings and assignments may start a little earlier).
      const secretStart = lineAndColumnOf(content, sample.secret).column;
      expect(finding.column).toBeLessThanOrEqual(secretStart);
      expect(finding.endColumn).toBeGreaterThanOrEqual(secretStart + sample.secret.length);
      expect(report.secrets).toEqual({
        high: sample.confidence === 'high' ? 1 : 0,
        low: sample.confidence === 'low' ? 1 : 0,
      });
    });

    it('never shows the secret, only its public prefix and length', () => {
      expectNoLeak(report, sample.secret, sample.publicPrefix);
      const [finding] = secretFindings(report) as [ScanFinding];
      expect(finding.excerpt).toContain('[redacted ');
      // The excerpt keeps the context just before the secret.
      const before = sample.line.slice(0, sample.line.indexOf(sample.secret)).slice(-10);
      expect(finding.excerpt).toContain(before);
    });

    it(`suggests the template variable [[${sample.variable}]]`, () => {
      const [finding] = secretFindings(report) as [ScanFinding];
      expect(finding.suggestion).toContain(`[[${sample.variable}]]`);
    });
  });

  describe.each(connectionStringSamples(random).map((sample) => [sample.label, sample] as const))(
    'connection string: %s',
    (_label, sample) => {
      it(`reports the password with ${sample.confidence} confidence and hides only the password`, async () => {
        const report = await scanContentInProcess(`Connect with:\n\n${sample.line}\n`);
        const found = secretFindings(report);
        expect(found).toHaveLength(1);
        const [finding] = found as [ScanFinding];
        expect(finding.confidence).toBe(sample.confidence);
        expect(finding.line).toBe(3);
        expect(finding.suggestion).toContain(`[[${sample.variable}]]`);
        expectNoLeak(report, sample.password);
        // The user and host stay visible: they help find the string, and they are not the secret.
        const host = /@([^/:?]+)/.exec(sample.line)![1]!;
        expect(finding.excerpt).toContain(host);
        expect(finding.excerpt).toContain(`…[redacted ${sample.password.length} chars]@`);
      });
    },
  );

  describe('private keys', () => {
    const { pem, json } = privateKeySamples();
    const body = pem.split('\n').slice(1, -1).join('\n');

    it('reports a PEM key block with high confidence and shows only its header', async () => {
      const content = `Deploy key:\n\n\`\`\`\n${pem}\n\`\`\`\n`;
      const report = await scanContentInProcess(content);
      const [finding, ...others] = secretFindings(report);
      expect(others).toHaveLength(0);
      expect(finding).toMatchObject({
        confidence: 'high',
        line: 4,
        column: 1,
        endLine: 4 + pem.split('\n').length - 1,
      });
      expect(finding!.excerpt).toBe('-----BEGIN RSA PRIVATE KEY-----');
      for (const line of body.split('\n')) expectNoLeak(report, line);
    });

    it('reports a key embedded as an escaped JSON string (service-account files)', async () => {
      const report = await scanContentInProcess(`{\n  "type": "service_account",\n${json}\n}\n`);
      const found = secretFindings(report);
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ rule: expect.stringMatching(/private-?key/), confidence: 'high', line: 3 });
      for (const line of body.split('\n')) expectNoLeak(report, line);
    });

    it('ignores a documentation example with an elided body', async () => {
      const report = await scanContentInProcess(
        '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg...\n-----END PRIVATE KEY-----\n',
      );
      expect(secretFindings(report)).toHaveLength(0);
    });
  });

  describe('placeholders are not findings', () => {
    const placeholders = [
      'OPENAI_API_KEY=[[OPENAI_API_KEY]]',
      'OPENAI_API_KEY=[[OPENAI_API_KEY|sk-your-key]]',
      'const apiKey = process.env.OPENAI_API_KEY;',
      'api_key = os.environ["ANTHROPIC_API_KEY"]',
      'token: ${GITHUB_TOKEN}',
      'token: ${{ secrets.GITHUB_TOKEN }}',
      'export STRIPE_SECRET_KEY=$STRIPE_SECRET_KEY',
      'apiKey: "<your-api-key>"',
      'API_KEY=your-api-key-here',
      'OPENAI_API_KEY=sk-...',
      'OPENAI_API_KEY=sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'STRIPE_SECRET_KEY=sk_live_xxxxxxxxxxxxxxxxxxxxxxxx',
      'const API_KEY = "sk_live_abc123xyz789";',
      'password: "********"',
      'JWT_SECRET=changeme-changeme-changeme',
      'CLIENT_SECRET=replace_with_your_client_secret',
      'aws_access_key_id = AKIAIOSFODNN7EXAMPLE',
      'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      'DATABASE_URL=postgres://user:password@localhost:5432/app',
      'DATABASE_URL=postgres://[[DB_USER]]:[[DB_PASSWORD]]@db.acme.io/app',
      'DATABASE_URL=postgres://app:${DB_PASSWORD}@db.acme.io/app',
      'redis://:your_redis_password@cache.acme.io:6379',
      'Authorization: Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
      'SLACK_WEBHOOK=https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX',
      'ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      // Code that reads a secret, not a secret.
      'const token = credential.get_token("https://example/.default")',
      'cancellationToken: cancellationToken',
      'secretName: my-app-tls-secret',
      'primaryKey: user_id_and_tenant_id_2',
      'POSTGRES_PASSWORD_FILE: /run/secrets/db_password',
    ];

    it.each(placeholders)('%s', async (line) => {
      const report = await scanContentInProcess(`Setup:\n\n${line}\n`);
      expect(secretFindings(report)).toEqual([]);
    });
  });

  // Seen on real files (issue 12): each is quiet, while a real secret in the same place is still found.
  describe('false alarms seen on real files, next to the real secrets they resemble', () => {
    const random3 = seededRandom(12);
    const r = (length: number, alphabet?: string) => randomString(random3, length, alphabet);
    const hex = (length: number) => r(length, '0123456789abcdef');
    const quiet: Array<[string, string]> = [
      // github/awesome-copilot agents/se-gitops-ci-specialist.agent.md, under "# .env (DO NOT commit)".
      ['documented anti-example', 'API_KEY=actual_secret_key_12345'],
      ['anti-example without a counting sequence', 'API_KEY=actual_secret_key_98765'],
      ['fixture password that names itself', 'TEST_DB_PASSWORD=test_password_2024'],
      ['.NET strong name', 'Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089'],
      [
        '.NET strong name in XML',
        '<add assembly="System.Web.Mvc, Version=5.2.3.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35" />',
      ],
      // wshobson/commands tools/api-scaffold.md, a CI job's test database.
      ['postgres image defaults', '        DATABASE_URL: postgresql://postgres:postgres@localhost:5432/test_db'],
      ['test fixture database', '  test_database: "postgresql://test:test@localhost:5432/test_db"'],
      ['RabbitMQ defaults', 'ConnectionStrings__messaging=amqp://guest:guest@localhost:5672'],
      ['scaffold database', 'DATABASE_URL=postgresql://user:pass@localhost:5432/db'],
      // github/awesome-copilot skills/data-breach-blast-radius: the "VULNERABLE" half of a fix pattern.
      ['sample password with an @', 'DATABASE_URL = "postgresql://user:p@ssw0rd@prod-db.example.com/mydb"'],
      ['design-token label', 'Figma Token: "Desktop/Title/H1"'],
    ];

    it.each(quiet)('%s is not a finding', async (_label, line) => {
      const report = await scanContentInProcess(`Setup:\n\n${line}\n`);
      expect(secretFindings(report)).toEqual([]);
    });

    const random = r(24);
    const randomLong = r(40);
    const password = r(16);
    const at = `Xk2@${r(12)}`;
    // [label, confidence, line, secret whose length the excerpt shows and which must not leak ('' when not checked)]
    const found: Array<[string, 'high' | 'low', string, string]> = [
      ['random key where the anti-example was', 'high', `API_KEY=${randomLong}`, randomLong],
      ['shorter random key', 'low', `API_KEY=${random}`, random],
      ['random key behind a word', 'low', `API_KEY=actual_${random}`, `actual_${random}`],
      ['hex token under a secret name', 'low', `SessionToken=${hex(16)}`, ''],
      [
        'real password on a real host',
        'high',
        `DB: postgresql://postgres:${password}@db.prod.acme.io:5432/app`,
        password,
      ],
      // The user name is shown in the excerpt, so only the length is checked.
      ['stock password on a real host', 'low', 'DB: postgresql://postgres:postgres@db.prod.acme.io:5432/app', ''],
      [
        'real password on localhost',
        'low',
        `test_database: "postgresql://test:${password}@localhost:5432/t"`,
        password,
      ],
      ['real password with an @', 'high', `DATABASE_URL = "postgresql://user:${at}@prod-db.acme.io/mydb"`, at],
      ['random value with slashes', 'high', `Figma Token: "${r(20)}/${r(20)}"`, ''],
    ];

    it.each(found)('%s is found with %s confidence', async (_label, confidence, line, secret) => {
      const report = await scanContentInProcess(`Setup:\n\n${line}\n`);
      const [finding, ...others] = secretFindings(report);
      expect(others).toEqual([]);
      expect(finding).toMatchObject({ line: 3, confidence });
      if (secret) {
        expect(finding!.excerpt).toContain(`[redacted ${secret.length} chars]`);
        expectNoLeak(report, secret);
      }
    });

    it('shows the host after the last @ when the password holds one', async () => {
      const report = await scanContentInProcess(`postgresql://user:${at}@prod-db.acme.io/mydb`);
      expect(secretFindings(report)[0]!.excerpt).toBe(
        `postgresql://user:…[redacted ${at.length} chars]@prod-db.acme.io/mydb`,
      );
    });
  });

  it('does not let a secretlint-disable comment switch scanning off', async () => {
    const token = `ghp_${'Zq8Xw2Lm4Np6Rs1Tv3Yb5Cd7Ef9Gh0Jk2Mn4P'.slice(0, 36)}`;
    const report = await scanContentInProcess(
      `<!-- secretlint-disable -->\nGITHUB_TOKEN=${token}\n<!-- secretlint-enable -->\n`,
    );
    expect(report.secrets.high).toBe(1);
  });

  it('reports every secret on a line and redacts all of them in each excerpt', async () => {
    const random2 = seededRandom(7);
    const [first, second] = secretSamples(random2).filter((sample) => sample.confidence === 'high');
    const content = `A=${first!.secret} B=${second!.secret}`;
    const report = await scanContentInProcess(content);
    expect(report.secrets.high).toBe(2);
    for (const finding of report.findings) expect(finding.excerpt.match(/\[redacted/g)).toHaveLength(2);
    expectNoLeak(report, first!.secret, first!.publicPrefix);
    expectNoLeak(report, second!.secret, second!.publicPrefix);
  });

  describe('positions', () => {
    const key = `sk_live_${'Q7v9Xk2Lm4Np8Rs3Tw6Yz1Ab'}`;

    it('counts columns in UTF-16 code units after emoji and CJK text', async () => {
      const line = `密钥 🔑👩‍💻 «clé»: ${key} ✓`;
      const content = `# 设置\n\n${line}\n`;
      const report = await scanContentInProcess(content);
      const [finding] = secretFindings(report) as [ScanFinding];
      expect(finding.line).toBe(3);
      expect(finding.column).toBe(line.indexOf(key) + 1);
      expect(finding.endColumn).toBe(line.indexOf(key) + key.length + 1);
      expect(finding.excerpt).toBe(`密钥 🔑👩‍💻 «clé»: sk_live_…[redacted 24 chars] ✓`);
    });

    it('treats \\r\\n and a lone \\r as line breaks', async () => {
      const report = await scanContentInProcess(`one\r\ntwo\rthree\r\n  STRIPE=${key}\r\n`);
      const [finding] = secretFindings(report) as [ScanFinding];
      expect(finding).toMatchObject({ line: 4, column: 10, endLine: 4, endColumn: 10 + key.length });
    });
  });

  describe('finding ids', () => {
    const key = `sk_live_${'Q7v9Xk2Lm4Np8Rs3Tw6Yz1Ab'}`;
    const other = `sk_live_${'R8w0Yl3Mn5Oq9St4Ux7Za2Bc'}`;

    it('stay the same when the rest of the document changes', async () => {
      const before = await scanContentInProcess(`KEY=${key}\n`);
      const after = await scanContentInProcess(`# New heading\n\nSome new text.\n\nKEY=${key}\n`);
      expect(after.findings[0]!.id).toBe(before.findings[0]!.id);
      expect(after.findings[0]!.line).not.toBe(before.findings[0]!.line);
    });

    it('change when the secret changes, and differ between repeated occurrences', async () => {
      const one = await scanContentInProcess(`KEY=${key}\n`);
      const changed = await scanContentInProcess(`KEY=${other}\n`);
      expect(changed.findings[0]!.id).not.toBe(one.findings[0]!.id);
      const twice = await scanContentInProcess(`KEY=${key}\nAGAIN=${key}\n`);
      expect(new Set(twice.findings.map((finding) => finding.id)).size).toBe(2);
      expect(twice.findings[0]!.id).toBe(one.findings[0]!.id);
    });

    it('depend on the fingerprint key when one is given', async () => {
      const plain = await scanContentInProcess(`KEY=${key}\n`);
      const keyed = await scanContentInProcess(`KEY=${key}\n`, { fingerprintKey: 'server-side key' });
      const keyedAgain = await scanContentInProcess(`KEY=${key}\n`, { fingerprintKey: 'server-side key' });
      expect(keyed.findings[0]!.id).not.toBe(plain.findings[0]!.id);
      expect(keyedAgain.findings[0]!.id).toBe(keyed.findings[0]!.id);
      expect(keyed.findings[0]!.id).toMatch(/^[0-9a-f]{16}$/);
    });
  });

  it('leaves no performance marks behind (secretlint profiles every run)', async () => {
    await scanContentInProcess('warm-up');
    const before = performance.getEntriesByType('mark').length;
    for (let i = 0; i < 20; i++) await scanContentInProcess(`KEY=sk_live_${'Q7v9Xk2Lm4Np8Rs3Tw6Yz1Ab'}\n`);
    expect(performance.getEntriesByType('mark').length).toBe(before);
  });
});
