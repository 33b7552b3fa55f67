// Bundles the CLI and everything it uses (the shared formats and scanning packages, commander, the MCP SDK) into one
// CommonJS file, so the published package has no dependencies: `npx lynxprompt` works from a packed tarball.
import { build } from 'esbuild';
import { chmodSync, copyFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const outfile = path.join(root, 'dist/lynxp.cjs');

await build({
  entryPoints: [path.join(root, 'src/main.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  banner: { js: '#!/usr/bin/env node' },
  define: { LYNXP_VERSION: JSON.stringify(version) },
  legalComments: 'none',
  logLevel: 'warning',
});
chmodSync(outfile, 0o755);
// The package ships the project's licence; the root file stays the one source (packages/cli/LICENSE is ignored by git).
copyFileSync(path.join(root, '../../LICENSE'), path.join(root, 'LICENSE'));
