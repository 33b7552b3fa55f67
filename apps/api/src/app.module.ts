import { Module, type DynamicModule, type ModuleMetadata } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { throttlerOptions } from './common/http/rate-limit';
import { HttpCacheModule } from './http-cache/http-cache.module';
import type { Logger } from 'pino';
import { AuditModule } from './audit/audit.module';
import { BlueprintsModule } from './blueprints/blueprints.module';
import { PluginsModule } from './plugins/plugins.module';
import { McpModule } from './mcp/mcp.module';
import { PluginMarketplaceModule } from './plugin-marketplace/plugin-marketplace.module';
import { ProfilesModule } from './profiles/profiles.module';
import { ImportsModule } from './imports/imports.module';
import { AccessModule } from './access/access.module';
import { AuthModule } from './auth/auth.module';
import { MagicLinkModule } from './auth/magic-link/magic-link.module';
import { OAuthModule } from './auth/oauth/oauth.module';
import { PasskeysModule } from './auth/passkeys/passkeys.module';
import { TwoStepModule } from './auth/two-step/two-step.module';
import { ApiTokensModule } from './auth/api-tokens/api-tokens.module';
import { DeviceModule } from './auth/device/device.module';
import { OrganizationTokensModule } from './organization-tokens/organization-tokens.module';
import { OrganizationAuditModule } from './organization-audit/organization-audit.module';
import { BillingModule } from './billing/billing.module';
import { AccountModule } from './account/account.module';
import { OrganizationsModule } from './organizations/organizations.module';
import { MailModule } from './mail/mail.module';
import { CryptoModule } from './common/crypto/crypto.module';
import { LoggingModule } from './common/logging/logging.module';
import { RoutePolicyGuard } from './common/security/route-policy';
import type { AppConfig } from './config/config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import type { JobsBackend } from './jobs/job-queue';
import { JobsModule } from './jobs/jobs.module';
import { HealthModule } from './health/health.module';
import type { KeyValueStore } from './kv/key-value-store';
import { KeyValueModule } from './kv/kv.module';
import { RateLimitCounters } from './kv/rate-limit-counters';
import { MetricsModule } from './metrics/metrics.module';
import { UsersModule } from './users/users.module';
import { WellKnownModule } from './well-known/well-known.module';
import { OutboundModule } from './outbound/outbound.module';
import { InstanceKeysModule } from './federation/keys/instance-keys.module';
import { FederationCatalogueModule } from './federation/catalogue/federation-catalogue.module';
import { RemoteBlueprintsModule } from './federation/remote-blueprints/remote-blueprints.module';
import { PeersModule } from './federation/peers/peers.module';
import { CrawlerModule } from './federation/crawler/crawler.module';
import { WorkerPoolModule } from './worker-pool/worker-pool.module';
import { PlanLimitsModule } from './billing/plan-limits.module';
import { PlanRateLimitGuard } from './billing/plan-rate-limits';

export interface AppModuleOptions {
  readonly config: AppConfig;
  readonly logger: Logger;
  readonly database: { readonly url: string; readonly embedded: boolean };
  readonly keyValueStore: KeyValueStore;
  readonly jobsBackend: JobsBackend;
  /** Test-only additions (e.g. a probe controller); production passes none. */
  readonly extraImports?: ModuleMetadata['imports'];
}

@Module({})
export class AppModule {
  static forRoot(options: AppModuleOptions): DynamicModule {
    const { config } = options;
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(options.logger),
        DatabaseModule.forRoot({ ...options.database, poolSize: config.database.poolSize }),
        KeyValueModule.forRoot(options.keyValueStore),
        ThrottlerModule.forRootAsync({
          inject: [RateLimitCounters],
          useFactory: (counters: RateLimitCounters) => throttlerOptions(counters, config.http.rateLimitPerMinute),
        }),
        HttpCacheModule,
        WorkerPoolModule,
        CryptoModule,
        MetricsModule,
        JobsModule.forRoot(options.jobsBackend),
        PlanLimitsModule,
        HealthModule,
        WellKnownModule,
        AuditModule,
        AccessModule,
        UsersModule,
        AuthModule,
        MagicLinkModule,
        OAuthModule,
        PasskeysModule,
        TwoStepModule,
        ApiTokensModule,
        DeviceModule,
        OrganizationTokensModule,
        OrganizationAuditModule,
        AccountModule,
        MailModule,
        BlueprintsModule,
        ProfilesModule,
        PluginsModule,
        PluginMarketplaceModule,
        ImportsModule,
        OutboundModule,
        InstanceKeysModule,
        FederationCatalogueModule,
        RemoteBlueprintsModule,
        PeersModule,
        CrawlerModule,
        OrganizationsModule,
        BillingModule,
        McpModule,
        ...(options.extraImports ?? []),
      ],
      providers: [
        // Order matters: rate limits (the instance's per route, then the plan's per token account) apply before
        // anything else is evaluated.
        { provide: APP_GUARD, useClass: ThrottlerGuard },
        { provide: APP_GUARD, useClass: PlanRateLimitGuard },
        { provide: APP_GUARD, useClass: RoutePolicyGuard },
      ],
    };
  }
}
