import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';

export default defineConfig(({ isSsrBuild }) => ({
  plugins: [svelte()],
  build: {
    target: 'es2022',
    manifest: !isSsrBuild,
    copyPublicDir: !isSsrBuild,
  },
  worker: { format: 'es' },
  // Dependencies reached only through import() must be pre-bundled, or the dev server reloads mid-session.
  optimizeDeps: { include: ['@aws-sdk/client-secrets-manager', '@aws-sdk/client-kms'] },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/unit/**/*.test.ts', 'test/endpoint/**/*.test.ts', 'test/content/**/*.test.ts', 'test/*.test.ts'],
          exclude: ['test/**/*.dom.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        // The svelteTesting plugin adds the browser export condition to the whole config, so DOM tests
        // live in their own project and the Node tests keep Node entry points (stack-notes gotcha 10).
        extends: true,
        plugins: [svelteTesting()],
        resolve: { conditions: ['module', 'browser', 'development|production'] },
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['test/**/*.dom.test.ts'],
        },
      },
    ],
  },
}));
