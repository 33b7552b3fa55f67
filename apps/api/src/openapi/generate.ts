import fs from 'node:fs';
import path from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { AppModule } from '../app.module';
import { createLogger } from '../common/logging/logger';
import { loadConfig } from '../config/config';
import { repositoryRoot } from '../config/paths';
import { MemoryKeyValueStore } from '../kv/memory-key-value-store';
import { buildOpenApiDocument, serializeOpenApiDocument } from './openapi';

export const COMMITTED_OPENAPI_PATH = 'packages/api-contract/openapi.json';

/**
 * Builds the document from the controllers without touching a database: Nest's preview mode resolves the module
 * graph and route metadata but instantiates nothing.
 */
export async function generateOpenApiDocument(): Promise<OpenAPIObject> {
  const config = loadConfig({
    NODE_ENV: 'development',
    APP_URL: 'http://localhost:3000',
    SESSION_SECRET: 'openapi-generation-only-secret-000000000',
    ENCRYPTION_KEY: Buffer.alloc(32).toString('base64'),
  });
  const unusedUrl = 'postgres://unused@127.0.0.1:1/unused';
  const app = await NestFactory.create(
    AppModule.forRoot({
      config,
      logger: createLogger('silent'),
      database: { url: unusedUrl, embedded: false },
      keyValueStore: new MemoryKeyValueStore(),
      jobsBackend: { kind: 'postgres', url: unusedUrl, schema: 'unused', pickup: 'notify' },
    }),
    { preview: true, logger: false, abortOnError: false },
  );
  try {
    return buildOpenApiDocument(app);
  } finally {
    await app.close();
  }
}

async function main(): Promise<void> {
  const target = path.join(repositoryRoot(), COMMITTED_OPENAPI_PATH);
  fs.writeFileSync(target, serializeOpenApiDocument(await generateOpenApiDocument()));
  process.stdout.write(`wrote ${path.relative(process.cwd(), target)}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}
