import { createHash, randomUUID } from 'node:crypto';
import { Client } from 'pg';

/**
 * Test setup only: a user and a hierarchy of public, published blueprints written straight into the database, so a
 * test can have hundreds of megabytes of content in seconds. Everything under test still goes through the routes.
 */
export interface SeededHierarchy {
  readonly ownerId: string;
  readonly hierarchyId: string;
  /** Repository path of member `i` (1-based); paths sort in member order. */
  path(i: number): string;
}

/** Content of member `i` in a compressible hierarchy: distinct per member, `lines` lines of 33 bytes. */
export function compressibleContent(i: number, lines: number): string {
  return `# Package ${i}\n${`${createHash('md5').update(String(i)).digest('hex')}\n`.repeat(lines)}`;
}

const ID_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789';
function publicId(prefix: 'bp' | 'ha'): string {
  let suffix = '';
  for (const byte of createHash('sha256').update(randomUUID()).digest().subarray(0, 16)) {
    suffix += ID_CHARS[byte % ID_CHARS.length];
  }
  return `${prefix}_${suffix}`;
}

export async function seedHierarchy(
  databaseUrl: string,
  options: { handle: string; members: number; lines: number; content: 'compressible' | 'random' },
): Promise<SeededHierarchy> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const ownerId = randomUUID();
    const hierarchyId = publicId('ha');
    const prefix = publicId('bp').slice(0, 11);
    await client.query(
      `INSERT INTO users (id, email, handle, display_name, updated_at) VALUES ($1, $2, $3, $3, now())`,
      [ownerId, `${options.handle}@example.org`, options.handle],
    );
    await client.query(
      `INSERT INTO blueprint_hierarchies (id, owner_id, name, updated_at) VALUES ($1, $2, $3, now())`,
      [hierarchyId, ownerId, `${options.handle} tree`],
    );
    // Published before its version exists, so the search trigger indexes nothing: setup stays fast.
    await client.query(
      `INSERT INTO blueprints (id, owner_id, name, slug, kind, format, tool, tags, license, visibility, head_version,
                               head_content_hash, published_version, published_hash, first_published_at,
                               hierarchy_id, repository_path, updated_at)
       SELECT $1 || lpad(i::text, 8, '0'), $2, 'Package ' || i, 'package-' || i, 'rules', 'agents-md', 'codex', '{}',
              'MIT', 'public', 1, 'seeded', 1, 'seeded', now(), $3,
              'packages/p' || lpad(i::text, 5, '0') || '/AGENTS.md', now()
         FROM generate_series(1, $4::int) AS i`,
      [prefix, ownerId, hierarchyId, options.members],
    );
    const content =
      options.content === 'compressible'
        ? `'# Package ' || i || E'\\n' || repeat(md5(i::text) || E'\\n', $3::int)`
        : `'# Package ' || i || E'\\n' || (SELECT string_agg(md5(random()::text || i || n), E'\\n')
                                            FROM generate_series(1, $3::int) AS n) || E'\\n'`;
    await client.query(
      `INSERT INTO blueprint_versions (id, blueprint_id, number, content, content_hash, size_bytes, format, published_at)
       SELECT gen_random_uuid(), $1 || lpad(i::text, 8, '0'), 1, c, 'seeded', octet_length(c), 'agents-md', now()
         FROM (SELECT i, ${content} AS c FROM generate_series(1, $2::int) AS i) AS seeded`,
      [prefix, options.members, options.lines],
    );
    return {
      ownerId,
      hierarchyId,
      path: (i) => `packages/p${String(i).padStart(5, '0')}/AGENTS.md`,
    };
  } finally {
    await client.end();
  }
}
