import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inspect } from 'node:util';
import { ConfigError, loadConfig } from './config';
import { configVariables, variableNames } from './config.variables';

const key = Buffer.alloc(32, 7).toString('base64');
const productionEnv = {
  NODE_ENV: 'production',
  APP_URL: 'https://prompts.example.org',
  DATABASE_URL: 'postgres://app:pw@db:5432/lynx',
  REDIS_URL: 'redis://cache:6379',
  SESSION_SECRET: 's'.repeat(40),
  ENCRYPTION_KEY: key,
};

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
  throw new Error('expected the configuration to be rejected');
}

describe('loadConfig', () => {
  it('accepts a complete production environment', () => {
    const config = loadConfig(productionEnv);
    expect(config.isProduction).toBe(true);
    expect(config.instance.domain).toBe('prompts.example.org');
    expect(config.http.trustProxy).toBe(false);
    expect(config.mode).toBe('all');
  });

  it('refuses to start in production without its secrets, naming every missing one', () => {
    const problems = problemsOf({ NODE_ENV: 'production' });
    for (const name of ['SESSION_SECRET', 'ENCRYPTION_KEY', 'DATABASE_URL', 'REDIS_URL', 'APP_URL']) {
      expect(problems).toContain(`${name}: required when NODE_ENV=production`);
    }
  });

  it('lists every invalid variable at once, without echoing secret values', () => {
    const problems = problemsOf({
      ...productionEnv,
      PORT: 'eighty',
      LP_MODE: 'both',
      ENCRYPTION_KEY: 'c2hvcnQ=',
      SESSION_SECRET: 'tooshort-but-secret-value',
      TRUST_PROXY: 'everyone',
    });
    expect(problems.map((problem) => problem.split(':')[0]).sort()).toEqual(
      ['ENCRYPTION_KEY', 'LP_MODE', 'PORT', 'SESSION_SECRET', 'TRUST_PROXY'].sort(),
    );
    expect(problems.join('\n')).not.toContain('tooshort-but-secret-value');
  });

  it('outside production, generates secrets once under DATA_DIR and reuses them', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lp-config-'));
    try {
      const first = loadConfig({ DATA_DIR: dataDir });
      const second = loadConfig({ DATA_DIR: dataDir });
      expect(first.secrets.sessionSecret).toHaveLength(43);
      expect(second.secrets.sessionSecret).toBe(first.secrets.sessionSecret);
      expect(second.secrets.encryptionKey.equals(first.secrets.encryptionKey)).toBe(true);
      expect(fs.statSync(path.join(dataDir, 'dev-secrets.json')).mode & 0o777).toBe(0o600);
      expect(first.http.appUrl).toBe('http://localhost:3000');
      expect(first.database.url).toBeUndefined();
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('parses TRUST_PROXY forms for Express', () => {
    expect(loadConfig({ ...productionEnv, TRUST_PROXY: '2' }).http.trustProxy).toBe(2);
    expect(loadConfig({ ...productionEnv, TRUST_PROXY: 'loopback' }).http.trustProxy).toBe('loopback');
    expect(loadConfig({ ...productionEnv, TRUST_PROXY: '10.0.0.0/8, 192.168.1.1' }).http.trustProxy).toEqual([
      '10.0.0.0/8',
      '192.168.1.1',
    ]);
  });

  it('never prints secrets when the config object is logged', () => {
    const config = loadConfig(productionEnv);
    const printed = JSON.stringify(config) + inspect(config, { depth: 5 });
    expect(printed).not.toContain('s'.repeat(40));
    expect(printed).not.toContain(key);
    expect(printed).toContain('[redacted]');
  });
});

describe('docs/configuration.md', () => {
  const doc = fs.readFileSync(path.resolve(__dirname, '../../../../docs/configuration.md'), 'utf8');
  const documented = [...doc.matchAll(/^\|\s*`([A-Z][A-Z0-9_]+)`\s*\|/gm)].map((match) => match[1]);

  it('documents every variable the config schema reads, and no other', () => {
    expect([...documented].sort()).toEqual([...variableNames].sort());
  });

  it('marks exactly the production-required variables as required', () => {
    const required = [...doc.matchAll(/^\|\s*`([A-Z][A-Z0-9_]+)`\s*\|[^|]*\|\s*yes\s*\|/gm)].map((match) => match[1]);
    const expected = variableNames.filter(
      (name) => 'requiredInProduction' in configVariables[name] && configVariables[name].requiredInProduction,
    );
    expect(required.sort()).toEqual([...expected].sort());
  });
});
