import { Writable } from 'node:stream';
import { createLogger } from './logger';
import { throttledWarning } from './throttled-warning';

describe('throttledWarning', () => {
  it('logs once per interval and says how many it held back', () => {
    const lines: Array<Record<string, unknown>> = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
        done();
      },
    });
    let clock = 0;
    const warn = throttledWarning(createLogger('info', sink), 'redis unreachable', 1000, () => clock);
    for (let i = 0; i < 5; i++) warn(new Error('ECONNREFUSED'), { connection: 'kv' });
    clock = 999;
    warn(new Error('ECONNREFUSED'));
    clock = 1000;
    warn(new Error('ECONNREFUSED'));
    expect(lines.map((line) => [line.msg, line.suppressed])).toEqual([
      ['redis unreachable', 0],
      ['redis unreachable', 5],
    ]);
    expect(lines[0]).toMatchObject({ connection: 'kv', level: 'warn' });
  });
});
