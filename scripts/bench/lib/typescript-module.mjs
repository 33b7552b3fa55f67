// Loads a TypeScript module of the repository (a test support file, say) into a benchmark, so the benchmark runs the
// very code the tests run rather than a copy: esbuild bundles it, with its relative and JSON imports, into one
// temporary ES module, which is imported and then deleted.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** esbuild is a dependency of the CLI (its build bundles with it), installed in that workspace. */
function loadEsbuild(root) {
  return createRequire(path.join(root, 'packages/cli/package.json'))('esbuild');
}

/** Imports `entry` (a .ts path, relative to `root` or absolute) as an ES module; npm packages it imports are bundled. */
export async function importTypeScript(root, entry) {
  const { build } = loadEsbuild(root);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lp-bench-ts-'));
  const outfile = path.join(dir, `${path.basename(entry, '.ts')}.mjs`);
  try {
    await build({
      entryPoints: [path.resolve(root, entry)],
      outfile,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'esm',
      logLevel: 'warning',
    });
    return await import(pathToFileURL(outfile).href);
  } finally {
    // Once imported the module lives in memory: nothing is left behind.
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
