// Describes the parts of a database schema that a Prisma schema controls, so that two databases can be compared.
// Functions, triggers, views and extension-owned objects are left out on purpose: migrations may add them by hand.
import pg from 'pg';

interface SchemaItem {
  description: string;
  /** The table an item belongs to, so a missing table is reported once rather than once per column. */
  table?: string;
}

export type SchemaDescription = Map<string, SchemaItem>;

const USER_SCHEMA = `n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'`;
const NOT_FROM_EXTENSION = (oid: string) =>
  `NOT EXISTS (SELECT 1 FROM pg_depend dep WHERE dep.objid = ${oid} AND dep.deptype = 'e')`;
const MANAGED_TABLE =
  `c.relkind IN ('r', 'p') AND c.relname <> '_prisma_migrations' ` +
  `AND ${USER_SCHEMA} AND ${NOT_FROM_EXTENSION('c.oid')}`;

const quote = (identifier: string) => (/^[a-z_][a-z0-9_]*$/.test(identifier) ? identifier : `"${identifier}"`);

export async function describeDatabaseSchema(connectionString: string): Promise<SchemaDescription> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const items: SchemaDescription = new Map();

    const tables = await client.query<{ schema: string; name: string }>(
      `SELECT n.nspname AS schema, c.relname AS name
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE ${MANAGED_TABLE}`,
    );
    for (const row of tables.rows) items.set(`table ${quote(row.schema)}.${quote(row.name)}`, { description: 'table' });

    const columns = await client.query<{
      schema: string;
      table: string;
      name: string;
      type: string;
      not_null: boolean;
      default: string | null;
      identity: string;
      generated: string;
    }>(
      `SELECT n.nspname AS schema, c.relname AS table, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type,
              a.attnotnull AS not_null, pg_get_expr(d.adbin, d.adrelid) AS default,
              a.attidentity AS identity, a.attgenerated AS generated
         FROM pg_attribute a
         JOIN pg_class c ON c.oid = a.attrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace
         LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE a.attnum > 0 AND NOT a.attisdropped AND ${MANAGED_TABLE}`,
    );
    for (const row of columns.rows) {
      const table = `${quote(row.schema)}.${quote(row.table)}`;
      const parts = [row.type, row.not_null ? 'NOT NULL' : 'NULL'];
      if (row.default !== null) parts.push(`${row.generated === 's' ? 'GENERATED AS' : 'DEFAULT'} ${row.default}`);
      if (row.identity) parts.push(`IDENTITY ${row.identity === 'a' ? 'ALWAYS' : 'BY DEFAULT'}`);
      items.set(`column ${table}.${quote(row.name)}`, { description: parts.join(' '), table });
    }

    const indexes = await client.query<{ schema: string; table: string; name: string; definition: string }>(
      `SELECT n.nspname AS schema, c.relname AS table, i.relname AS name, pg_get_indexdef(i.oid) AS definition
         FROM pg_index x
         JOIN pg_class i ON i.oid = x.indexrelid
         JOIN pg_class c ON c.oid = x.indrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE ${MANAGED_TABLE}`,
    );
    for (const row of indexes.rows) {
      const table = `${quote(row.schema)}.${quote(row.table)}`;
      items.set(`index ${quote(row.schema)}.${quote(row.name)}`, { description: row.definition, table });
    }

    // Constraint triggers (contype 't') are hand-written extras like any other trigger, and so are CHECK constraints
    // (contype 'c'): schema.prisma cannot express them, so only migrations add them.
    const constraints = await client.query<{ schema: string; table: string; name: string; definition: string }>(
      `SELECT n.nspname AS schema, c.relname AS table, con.conname AS name, pg_get_constraintdef(con.oid) AS definition
         FROM pg_constraint con
         JOIN pg_class c ON c.oid = con.conrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE con.contype NOT IN ('t', 'c') AND ${MANAGED_TABLE}`,
    );
    for (const row of constraints.rows) {
      const table = `${quote(row.schema)}.${quote(row.table)}`;
      items.set(`constraint ${table}.${quote(row.name)}`, { description: row.definition, table });
    }

    const enums = await client.query<{ schema: string; name: string; labels: string[] }>(
      `SELECT n.nspname AS schema, t.typname AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
         FROM pg_type t
         JOIN pg_enum e ON e.enumtypid = t.oid
         JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE ${USER_SCHEMA} AND ${NOT_FROM_EXTENSION('t.oid')}
        GROUP BY n.nspname, t.typname`,
    );
    for (const row of enums.rows) {
      items.set(`enum ${quote(row.schema)}.${quote(row.name)}`, {
        description: row.labels.map((label) => `'${label}'`).join(', '),
      });
    }

    return items;
  } finally {
    await client.end();
  }
}

/** Extensions a database has beyond the default plpgsql. */
export async function listExtensions(connectionString: string): Promise<string[]> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      `SELECT extname AS name FROM pg_extension WHERE extname <> 'plpgsql' ORDER BY extname`,
    );
    return rows.map((row) => row.name);
  } finally {
    await client.end();
  }
}

/** Human-readable differences, empty when the two describe the same schema. */
export function compareSchemas(
  fromMigrations: SchemaDescription,
  fromSnapshot: SchemaDescription,
  labels = { left: 'the migrations', right: 'the schema snapshot' },
): string[] {
  const problems: string[] = [];
  const tableMissingFrom = (side: SchemaDescription, item: SchemaItem) =>
    item.table !== undefined && !side.has(`table ${item.table}`);
  const keys = [...new Set([...fromMigrations.keys(), ...fromSnapshot.keys()])].sort();
  for (const key of keys) {
    const left = fromMigrations.get(key);
    const right = fromSnapshot.get(key);
    if (left && right) {
      if (left.description !== right.description) {
        problems.push(
          `${key} differs: ${labels.left} give "${left.description}", ${labels.right} "${right.description}"`,
        );
      }
    } else if (left && !tableMissingFrom(fromSnapshot, left)) {
      problems.push(`${key} (${left.description}) comes from ${labels.left} but is not in ${labels.right}`);
    } else if (right && !tableMissingFrom(fromMigrations, right)) {
      problems.push(`${key} (${right.description}) is in ${labels.right} but not created by ${labels.left}`);
    }
  }
  return problems;
}
