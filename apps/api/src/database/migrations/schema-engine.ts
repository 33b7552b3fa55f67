// Prisma's schema engine as WebAssembly, driven through a `pg` pool. The Prisma CLI would download a native
// binary instead, which is not possible everywhere this app runs (and not needed for migrations at all).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import {
  bindMigrationAwareSqlAdapterFactory,
  DriverAdapterError,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import pg from 'pg';
import { guardPoolErrors } from '../pool-errors';
import type { SchemaEngine } from '@prisma/schema-engine-wasm' with { 'resolution-mode': 'import' };

export type { SchemaEngine };

type EngineBindings = typeof import('@prisma/schema-engine-wasm/schema_engine_bg', {
  with: { 'resolution-mode': 'import' },
});

// Node has WebAssembly, but @types/node 20 does not declare it (the DOM lib would).
interface WebAssemblyApi {
  compile(bytes: Uint8Array): Promise<object>;
  instantiate(module: object, imports: Record<string, object>): Promise<{ exports: Record<string, unknown> }>;
}
const { WebAssembly } = globalThis as unknown as { WebAssembly: WebAssemblyApi };

export interface SchemaFile {
  path: string;
  content: string;
}

export interface OpenSchemaEngineOptions {
  connectionString: string;
  /** Defaults to a bare PostgreSQL datasource, enough for applying migrations and reading their status. */
  schemaFiles?: SchemaFile[];
  /** Receives the engine's JSON log lines. */
  onLog?: (line: string) => void;
}

export interface OpenedSchemaEngine {
  readonly engine: SchemaEngine;
  /** Frees the engine and closes its connections; safe to call twice. */
  close(): Promise<void>;
}

const GLUE_SPECIFIER = '@prisma/schema-engine-wasm/schema_engine_bg';
const APPLICATION_NAME = 'lynxprompt-migrations';

// The engine panics (and aborts the process) when it gets no schema file, so there is always at least this one.
const BARE_POSTGRES_SCHEMA: SchemaFile = {
  path: 'schema.prisma',
  content: 'datasource db {\n  provider = "postgresql"\n}\n',
};

let bindingsPromise: Promise<EngineBindings> | undefined;

/** Loads and instantiates the WebAssembly module once per process. */
export function loadSchemaEngine(): Promise<EngineBindings> {
  bindingsPromise ??= instantiate().catch((error: unknown) => {
    bindingsPromise = undefined;
    throw error;
  });
  return bindingsPromise;
}

async function instantiate(): Promise<EngineBindings> {
  const gluePath = require.resolve(GLUE_SPECIFIER);
  const bindings = await loadGlue(gluePath);
  installPanicRegistry();
  const wasmModule = await WebAssembly.compile(
    await readFile(path.join(path.dirname(gluePath), 'schema_engine_bg.wasm')),
  );
  // The entry module would `import` the .wasm file, which Node cannot do; this is what it does, by hand.
  const instance = await WebAssembly.instantiate(wasmModule, { './schema_engine_bg.js': withUnrefTimers(bindings) });
  bindings.__wbg_set_wasm(instance.exports);
  const start = instance.exports['__wbindgen_start'];
  if (typeof start !== 'function') throw new Error(`${GLUE_SPECIFIER}: the WebAssembly module has no __wbindgen_start`);
  start();
  return bindings;
}

/**
 * The engine arms a 10 s timer around taking its advisory lock and never clears it, which would keep a finished
 * CLI run (or test process) alive for those 10 s. Its timers are only guards, so they must not hold the process.
 */
function withUnrefTimers(bindings: EngineBindings): Record<string, unknown> {
  const imports: Record<string, unknown> = { ...bindings };
  for (const name of Object.keys(imports)) {
    if (!name.startsWith('__wbg_setTimeout_')) continue;
    imports[name] = (callback: () => void, delay: number) => setTimeout(callback, delay >>> 0).unref();
  }
  return imports;
}

async function loadGlue(gluePath: string): Promise<EngineBindings> {
  try {
    // The glue is an ES module: Node >= 20.19 loads it through require(esm).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(gluePath) as EngineBindings;
  } catch (requireError) {
    // Jest's module registry cannot require ES modules, so evaluate the generated glue ourselves.
    try {
      return evaluateGlue(await readFile(gluePath, 'utf8'));
    } catch (evaluationError) {
      throw new Error(`Could not load ${GLUE_SPECIFIER}: ${String(evaluationError)}`, { cause: requireError });
    }
  }
}

/**
 * The wasm-bindgen glue only uses top-level `export function` and `export class` declarations; turning those into
 * plain declarations and returning them gives the same bindings without an ES module loader.
 */
function evaluateGlue(source: string): EngineBindings {
  const names: string[] = [];
  const body = source.replace(/^export (function|class) ([\w$]+)/gm, (_match, kind: string, name: string) => {
    names.push(name);
    return `${kind} ${name}`;
  });
  if (/^\s*(import|export)\b/m.test(body) || !names.includes('SchemaEngine')) {
    throw new Error('the generated glue has an unexpected shape');
  }
  const factory = new Function(`'use strict';\n${body}\nreturn { ${names.join(', ')} };`) as () => EngineBindings;
  return factory();
}

interface PanicRegistry {
  set_message(message: string): void;
}

/** The glue reports Rust panics to this global; without it a panic surfaces as an unrelated TypeError. */
function installPanicRegistry(): void {
  const scope = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: PanicRegistry };
  scope.PRISMA_WASM_PANIC_REGISTRY ??= {
    set_message(message: string) {
      // A panic aborts the engine with an uncatchable `unreachable` trap; this line is the only useful trace.
      process.stderr.write(`Prisma schema engine panicked: ${message}\n`);
    },
  };
}

/** Opens an engine on its own small pool. Always `close()` it (or use `withSchemaEngine`). */
export async function openSchemaEngine(options: OpenSchemaEngineOptions): Promise<OpenedSchemaEngine> {
  const bindings = await loadSchemaEngine();
  const files = options.schemaFiles?.length ? options.schemaFiles : [BARE_POSTGRES_SCHEMA];
  // The engine runs its queries one after another; two connections leave headroom for embedded Postgres limits.
  const pool = new pg.Pool({ connectionString: options.connectionString, max: 2, application_name: APPLICATION_NAME });
  // A connection dropping is not fatal: the query in flight, or the next one, reports it.
  guardPoolErrors(pool, () => undefined);
  let engine: SchemaEngine;
  try {
    engine = await bindings.SchemaEngine.new(
      { datamodels: files.map((file): [string, string] => [file.path, file.content]) },
      options.onLog ?? (() => undefined),
      bindMigrationAwareSqlAdapterFactory(wholeScriptAdapterFactory(pool)),
    );
  } catch (error) {
    await pool.end();
    throw error;
  }
  let closed = false;
  return {
    engine,
    async close() {
      if (closed) return;
      closed = true;
      engine.free();
      await pool.end();
    },
  };
}

export async function withSchemaEngine<T>(
  options: OpenSchemaEngineOptions,
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const opened = await openSchemaEngine(options);
  try {
    return await work(opened.engine);
  } finally {
    await opened.close();
  }
}

/**
 * `PrismaPg` runs a script by splitting it on every `;` and sending the pieces to random pool connections, which
 * breaks dollar-quoted function bodies and transaction blocks. Here a script is one simple-protocol query on one
 * connection, as the native engine sends it: Postgres runs it as one implicit transaction, so a failed migration
 * leaves nothing half-applied (unless the script manages its own transactions).
 */
function wholeScriptAdapterFactory(pool: pg.Pool): SqlMigrationAwareDriverAdapterFactory {
  const inner = new PrismaPg(pool);
  const wrap = (adapter: SqlDriverAdapter): SqlDriverAdapter => ({
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: (query) => adapter.queryRaw(query),
    executeRaw: (query) => adapter.executeRaw(query),
    startTransaction: (isolationLevel) => adapter.startTransaction(isolationLevel),
    dispose: () => adapter.dispose(),
    executeScript: (script) => executeWholeScript(pool, script),
    ...(adapter.getConnectionInfo ? { getConnectionInfo: adapter.getConnectionInfo.bind(adapter) } : {}),
  });
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => wrap(await inner.connect()),
    connectToShadowDb: () =>
      Promise.reject(new Error('Shadow databases are not supported: the previous schema comes from the snapshot')),
  };
}

async function executeWholeScript(pool: pg.Pool, script: string): Promise<void> {
  const client = await pool.connect();
  let failed = false;
  try {
    await client.query(script);
  } catch (error) {
    failed = true;
    throw toDriverAdapterError(error);
  } finally {
    // A failed script can leave an aborted transaction open on the connection: never reuse it.
    client.release(failed);
  }
}

function toDriverAdapterError(error: unknown): unknown {
  if (!(error instanceof pg.DatabaseError)) return error;
  return new DriverAdapterError({
    kind: 'postgres',
    code: error.code ?? 'N/A',
    severity: error.severity ?? 'N/A',
    message: error.message,
    detail: error.detail,
    column: error.column,
    hint: error.hint,
    originalCode: error.code,
    originalMessage: error.message,
  });
}

/** Engine errors carry a Rust span trace after the message; keep only the part meant for people. */
export function describeEngineError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const lines = message.split('\n');
  const traceStart = lines.findIndex((line) => /^\s+\d+: /.test(line));
  const kept = (traceStart === -1 ? lines : lines.slice(0, traceStart)).filter(
    (line, index) => !(index === 0 && line === 'external connector error'),
  );
  return kept.join('\n').trim();
}
