// Signed-in clients for benchmarks: users and personal API tokens written straight to the database, minted and hashed
// by the API build's own functions, so the bench measures the server rather than the sign-in.
import { createRequire } from 'node:module';
import path from 'node:path';
import pg from 'pg';

export const ALL_BLUEPRINT_SCOPES = ['blueprints:read', 'blueprints:write', 'profile:read'];

/**
 * Creates `count` users named `<handlePrefix>-<n>` (emails under `emailDomain`), each with one API token holding
 * `scopes`; returns `[{ id, handle, token }]`.
 */
export async function createTokenUsers({
  root,
  databaseUrl,
  count,
  handlePrefix,
  emailDomain,
  scopes = ALL_BLUEPRINT_SCOPES,
}) {
  const { mintApiToken } = createRequire(import.meta.url)(
    path.join(root, 'apps/api/dist/auth/api-tokens/api-token.service.js'),
  );
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const users = [];
    for (let n = 1; n <= count; n += 1) {
      const handle = `${handlePrefix}-${n}`;
      const { rows } = await client.query(
        `INSERT INTO users (id, email, handle, display_name, email_verified_at, updated_at)
         VALUES (gen_random_uuid(), $1, $2, $3, now(), now()) RETURNING id`,
        [`${handle}@${emailDomain}`, handle, `Bench ${handlePrefix} ${n}`],
      );
      const { token, tokenHash, prefix } = mintApiToken();
      await client.query(
        `INSERT INTO api_tokens (id, user_id, name, prefix, token_hash, scopes, environment)
         VALUES (gen_random_uuid(), $1, 'bench', $2, $3, $4, 'production')`,
        [rows[0].id, prefix, tokenHash, scopes],
      );
      users.push({ id: rows[0].id, handle, token });
    }
    return users;
  } finally {
    await client.end();
  }
}
