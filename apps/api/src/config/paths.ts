import fs from 'node:fs';
import path from 'node:path';

let cachedRoot: string | undefined;

/** The repository (or image) root: the nearest folder above this file holding prisma/schema.prisma. */
export function repositoryRoot(): string {
  if (cachedRoot) return cachedRoot;
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'prisma', 'schema.prisma'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`Cannot find prisma/schema.prisma above ${__dirname}`);
    dir = parent;
  }
  cachedRoot = dir;
  return dir;
}

let cachedVersion: string | undefined;

/** The API package's version, published in the federation manifest. */
export function packageVersion(): string {
  if (!cachedVersion) {
    const manifest = JSON.parse(fs.readFileSync(path.join(repositoryRoot(), 'apps/api/package.json'), 'utf8')) as {
      version: string;
    };
    cachedVersion = manifest.version;
  }
  return cachedVersion;
}
