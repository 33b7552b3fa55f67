import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const apiTarget = process.env.LYNXPROMPT_API_URL ?? 'http://localhost:3000';

const fromHere = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const formatsSources = fromHere('../../packages/formats/src/');
const scanningSources = fromHere('../../packages/scanning/src/');
const secretlintPreset = fromHere('../../node_modules/@secretlint/secretlint-rule-preset-recommend/');
const shim = (name: string) => fromHere(`src/shared/packages/${name}.ts`);

/**
 * The shared packages are CommonJS TypeScript for Node; the web app compiles their sources instead (live previews and
 * the scan worker, without a round trip). The few Node modules on the browser's path are swapped here for stand-ins
 * that give the same answers (src/shared/packages/browser-shims.test.ts), for those packages' imports only.
 */
function sharedPackagesForTheBrowser(): Plugin {
  return {
    name: 'lynxprompt-shared-packages',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!importer) return null;
      if (importer.startsWith(formatsSources) && source === './toml') return shim('smol-toml');
      if (importer.startsWith(scanningSources) && source === 'node:crypto') return shim('node-crypto');
      if (importer.startsWith(secretlintPreset) && source === 'node:path') return shim('node-path');
      if (importer.startsWith(secretlintPreset) && source === 'crypto') return shim('no-node-crypto');
      return null;
    },
    // The scanner's three Buffer calls decode base64 and UTF-8: a module-scoped stand-in, no global.
    transform(code, id) {
      if (!id.startsWith(scanningSources) || !/\bBuffer\.from\(/.test(code)) return null;
      return { code: `import { Buffer } from ${JSON.stringify(shim('buffer'))};\n${code}`, map: null };
    },
  };
}

// The API serves the built files under a strict CSP (script-src 'self'; style-src 'self'),
// so everything ships as external hashed assets — nothing may be inlined into index.html.
export default defineConfig({
  root: fromHere('.'),
  plugins: [sharedPackagesForTheBrowser(), react()],
  resolve: {
    alias: [
      // The browser entry leaves out the zip writer (node:zlib).
      { find: /^@lynxprompt\/formats\/browser$/, replacement: fromHere('../../packages/formats/src/browser.ts') },
      { find: /^@lynxprompt\/scanning$/, replacement: fromHere('../../packages/scanning/src/index.ts') },
    ],
  },
  // The scan worker is an ES module (secretlint's preset loads parts of itself on demand), served from our origin.
  worker: { format: 'es', plugins: () => [sharedPackagesForTheBrowser()] },
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    emptyOutDir: true,
    assetsInlineLimit: 0,
  },
  server: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: true },
      '/.well-known': { target: apiTarget, changeOrigin: true },
      '/metrics': { target: apiTarget, changeOrigin: true },
    },
  },
});
