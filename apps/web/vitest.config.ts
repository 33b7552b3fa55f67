import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config';

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      environment: 'jsdom',
      globals: true,
      setupFiles: ['./src/test/setup.ts'],
      include: ['src/**/*.test.{ts,tsx}'],
      restoreMocks: true,
      // The suite shares two cores with the API tests in CI; a page test that clicks through can take 10 s there.
      testTimeout: 30_000,
      // secretlint's preset goes through Vite as in the browser (its Node imports swapped), not through Node.
      server: { deps: { inline: [/secretlint-rule-preset-recommend/] } },
    },
  }),
);
