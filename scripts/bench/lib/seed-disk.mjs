// Room for a large seed: what the catalogue will take on disk, from a database seeded earlier when there is one, and
// what the PostgreSQL server's disk has free. Seeding a million blueprints takes about 11 GB and a long time.
import fs from 'node:fs';
import pg from 'pg';

/** Counts from this size up are checked before seeding. */
export const LARGE_SEED = 500_000;
/** Documented for 100,000 blueprints (docs/benchmarks.md): about 1.1 GB with search vectors and indexes. */
const DOCUMENTED_BYTES_PER_BLUEPRINT = 1.1e9 / 100_000;
/** WAL, the VACUUM and the dead rows of the publish UPDATE need room beyond the final size. */
const HEADROOM = 1.3;
const MARKER_KEY = 'lynxprompt-bench-catalog';

const gb = (bytes) => `${(bytes / 1e9).toFixed(1)} GB`;

/** Bytes per blueprint of the largest completely seeded catalogue on the server, or the documented figure. */
async function bytesPerBlueprint(client) {
  const { rows } = await client.query(
    `SELECT datname, pg_database_size(datname)::float8 AS bytes, shobj_description(oid, 'pg_database') AS comment
       FROM pg_database WHERE datname ILIKE '%bench%'`,
  );
  let best = null;
  for (const row of rows) {
    let marker;
    try {
      marker = JSON.parse(row.comment ?? '');
    } catch {
      continue;
    }
    if (!marker?.[MARKER_KEY] || !(marker.blueprints > 0)) continue;
    if (!best || marker.blueprints > best.blueprints) best = { name: row.datname, bytes: row.bytes, ...marker };
  }
  if (!best) return { perBlueprint: DOCUMENTED_BYTES_PER_BLUEPRINT, source: 'the documented 1.1 GB per 100,000' };
  return {
    perBlueprint: best.bytes / best.blueprints,
    source: `${best.name} (${gb(best.bytes)} for ${best.blueprints.toLocaleString('en')})`,
  };
}

/** Free bytes where the server keeps its data (or of / when that folder cannot be read from here). */
async function freeBytes(client) {
  let where = '/';
  try {
    where = (await client.query('SHOW data_directory')).rows[0].data_directory;
    fs.statfsSync(where);
  } catch {
    where = '/';
  }
  const stats = fs.statfsSync(where);
  return { free: stats.bavail * stats.bsize, where };
}

/**
 * Prints what seeding `blueprints` will take and what is free; throws when it does not fit with headroom, unless
 * `confirmed` (the --yes flag).
 */
export async function checkSeedDisk({ databaseUrl, blueprints, confirmed, log }) {
  const admin = new URL(databaseUrl);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { perBlueprint, source } = await bytesPerBlueprint(client);
    const { free, where } = await freeBytes(client);
    const needed = perBlueprint * blueprints;
    log(
      `Seeding ${blueprints.toLocaleString('en')} blueprints needs about ${gb(needed)} ` +
        `(${Math.round(perBlueprint).toLocaleString('en')} bytes each, from ${source}), ${gb(needed * HEADROOM)} ` +
        `with headroom; ${gb(free)} free at ${where}.`,
    );
    if (free < needed * HEADROOM && !confirmed) {
      throw new Error('Not enough free disk for this seed with headroom; pass --yes to seed anyway');
    }
  } finally {
    await client.end();
  }
}
