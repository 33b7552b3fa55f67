import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const apiTarget = process.env.LYNXPROMPT_API_URL ?? 'http://localhost:3000';

const fromHere = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const formatsSources = fromHere('../../packages/formats/src/');

/**
 * The shared packages are CommonJS TypeScript for Node; the web app compiles their sources instead (live previews
 * without a round trip). Their one Node-only module on the browser's path is swapped here, for their imports only.
 */
function sharedPackagesForTheBrowser(): Plugin {
  return {
    name: 'lynxprompt-shared-packages',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === './toml' && importer?.startsWith(formatsSources))
        return fromHere('src/shared/packages/smol-toml.ts');
      return null;
    },
  };
}

// The API serves the built files under a strict CSP (script-src 'self'; style-src 'self'),
// so everything ships as external hashed assets — nothing may be inlined into index.html.
export default defineConfig({
  root: fromHere('.'),
  plugins: [sharedPackagesForTheBrowser(), react()],
  resolve: {
    alias: {
      // The browser entry leaves out the zip writer (node:zlib).
      '@lynxprompt/formats/browser': fromHere('../../packages/formats/src/browser.ts'),
    },
  },
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
