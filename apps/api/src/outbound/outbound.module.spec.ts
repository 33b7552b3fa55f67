import type { Logger } from 'pino';
import type { AppConfig } from '../config/config';
import { OutboundHttpClient } from './outbound-http-client';
import { outboundClientFactory } from './outbound.module';

describe('outboundClientFactory', () => {
  const config = (allowPrivate: string[]) =>
    ({
      outbound: { allowPrivate, allowHttp: false, connectTimeoutMs: 1_000, timeoutMs: 5_000 },
      instance: { version: '1.2.3' },
      http: { appUrl: 'https://lynx.example' },
    }) as unknown as AppConfig;
  const logger = () =>
    ({ warn: jest.fn(), info: jest.fn(), debug: jest.fn() }) as unknown as Logger & {
      warn: jest.Mock;
    };

  it('warns once while private destinations are allowed', () => {
    const log = logger();
    expect(outboundClientFactory(config(['localhost:3000']), log)).toBeInstanceOf(OutboundHttpClient);
    expect(log.warn).toHaveBeenCalledTimes(1);
    expect(log.warn).toHaveBeenCalledWith(
      { allowPrivate: ['localhost:3000'] },
      'outbound requests may reach private addresses',
    );
  });

  it('stays quiet otherwise', () => {
    const log = logger();
    outboundClientFactory(config([]), log);
    expect(log.warn).not.toHaveBeenCalled();
  });
});
