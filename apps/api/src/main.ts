import 'reflect-metadata';
import { createApp } from './bootstrap';
import { ConfigError, loadConfig } from './config/config';
import { DataDirLockedError } from './database/data-dir-lock';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp({ config });
  const { logger } = app;

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));

  if (config.mode === 'worker') {
    logger.info({ mode: config.mode, database: app.databaseLocation }, 'LynxPrompt worker is running');
    return;
  }
  try {
    await app.nest.listen(config.http.port, config.http.host);
  } catch (error) {
    // Close the database cleanly and release the data folder before reporting (e.g. the port is taken).
    await app.close();
    throw error;
  }
  const address = app.nest.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.http.port;
  logger.info({ mode: config.mode, port, database: app.databaseLocation }, 'LynxPrompt is ready');
  // The one line a person starting the instance needs, in plain words.
  process.stdout.write(
    `\nLynxPrompt is running at ${config.http.appUrl} (listening on port ${port})\nData: ${app.databaseLocation}\n\n`,
  );
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) {
    process.stderr.write(`\n${error.message}\n\n`);
  } else {
    process.stderr.write(
      `\nLynxPrompt failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n\n`,
    );
  }
  process.exit(1);
});
