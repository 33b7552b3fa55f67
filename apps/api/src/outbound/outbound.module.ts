import { Global, Module } from '@nestjs/common';

/** The one SSRF-safe HTTP client every outbound request of the product goes through. */
@Global()
@Module({})
export class OutboundModule {}
