import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readCredentials, writeCredentials } from './config';
import { normaliseInstance, resolveInstance, tokenFor } from './instance';

describe('instances and stored logins', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'lynxp-config-'));
    env = { LYNXPROMPT_CONFIG_DIR: dir };
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keys an instance by origin and path, without a trailing slash, query or credentials', () => {
    expect(normaliseInstance('https://Lynx.Example/')).toBe('https://lynx.example');
    expect(normaliseInstance('http://127.0.0.1:3000/sub/?x=1#y')).toBe('http://127.0.0.1:3000/sub');
    expect(() => normaliseInstance('ftp://lynx.example')).toThrow(
      expect.objectContaining({ code: 'INVALID_INSTANCE_URL' }),
    );
    expect(() => normaliseInstance('https://me:pw@lynx.example')).toThrow(
      expect.objectContaining({ code: 'INVALID_INSTANCE_URL' }),
    );
    expect(() => normaliseInstance('not a url')).toThrow(expect.objectContaining({ code: 'INVALID_INSTANCE_URL' }));
  });

  it('chooses --instance, then LYNXPROMPT_URL, then the lockfile, then the last login', () => {
    expect(() => resolveInstance({ env })).toThrow(expect.objectContaining({ code: 'INSTANCE_REQUIRED' }));
    writeCredentials({ version: 1, defaultInstance: 'https://default.example', instances: {} }, env);
    expect(resolveInstance({ env })).toBe('https://default.example');
    expect(resolveInstance({ env, fromLockfile: 'https://lock.example/' })).toBe('https://lock.example');
    env.LYNXPROMPT_URL = 'https://env.example';
    expect(resolveInstance({ env, fromLockfile: 'https://lock.example' })).toBe('https://env.example');
    expect(resolveInstance({ env, flag: 'https://flag.example' })).toBe('https://flag.example');
  });

  it('stores tokens per instance, readable by the user alone, and LYNXPROMPT_TOKEN overrides them', () => {
    writeCredentials(
      {
        version: 1,
        instances: {
          'https://a.example': { token: 'lp_a', savedAt: '2026-12-05T00:00:00Z' },
          'https://b.example': { token: 'lp_b', savedAt: '2026-12-05T00:00:00Z' },
        },
      },
      env,
    );
    expect(statSync(path.join(dir, 'credentials.json')).mode & 0o777).toBe(0o600);
    expect(tokenFor('https://a.example', env)).toBe('lp_a');
    expect(tokenFor('https://b.example', env)).toBe('lp_b');
    expect(tokenFor('https://c.example', env)).toBeUndefined();
    expect(tokenFor('https://c.example', { ...env, LYNXPROMPT_TOKEN: 'lp_ci' })).toBe('lp_ci');
    expect(readCredentials(env).instances['https://a.example']?.token).toBe('lp_a');
  });
});
