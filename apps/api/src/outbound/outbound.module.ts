import { Global, Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { LOGGER } from '../common/logging/logging.module';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { createOutboundClient, OutboundHttpClient } from './outbound-http-client';

/** Builds the client from configuration, with the real resolver; warns once while private destinations are allowed. */
export function outboundClientFactory(config: AppConfig, logger: Logger): OutboundHttpClient {
  const { allowPrivate, allowHttp, connectTimeoutMs, timeoutMs } = config.outbound;
  if (allowPrivate.length > 0) {
    logger.warn({ allowPrivate }, 'outbound requests may reach private addresses');
  }
  return createOutboundClient({
    allowPrivate,
    allowHttp,
    connectTimeoutMs,
    timeoutMs,
    userAgent: `LynxPrompt/${config.instance.version} (+${config.http.appUrl})`,
    logger,
  });
}

/** The one SSRF-safe HTTP client every outbound request of the product goes through. */
@Global()
@Module({
  providers: [{ provide: OutboundHttpClient, useFactory: outboundClientFactory, inject: [APP_CONFIG, LOGGER] }],
  exports: [OutboundHttpClient],
})
export class OutboundModule {}
