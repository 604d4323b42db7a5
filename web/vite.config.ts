/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './build/precompress';

// `make dev` runs the API on :8080 and this dev server on :5173; the proxy keeps one origin
// so the app's relative URLs behave as they do when the API serves the built files.
const api = process.env.PORTICO_DEV_API ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react(), tailwindcss(), precompress()],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  server: {
    port: 5173,
    proxy: { '/api': api, '/docs': api, '/healthz': api, '/readyz': api },
  },
  build: {
    sourcemap: true,
    chunkSizeWarningLimit: 600,
    rollupOptions: {
      output: {
        // One file per language (locale-de-….js), fetched only by readers of that language.
        manualChunks: (id) => {
          const language = /\/src\/locales\/(\w+)\//.exec(id)?.[1];
          return language ? `locale-${language}` : undefined;
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}', 'build/**/*.test.ts'],
    // CI runs these beside the Rust suites on two cores: a form test that types, searches
    // and submits can take several seconds there without being wrong.
    testTimeout: 20_000,
  },
});
