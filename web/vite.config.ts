/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import preact from '@preact/preset-vite';

/**
 * The dev server injects CSS as inline <style> elements, which the page's strict policy
 * (style-src 'self') refuses: allow them under `vite` only. The built page keeps the policy.
 */
const devInlineStyles: Plugin = {
  name: 'shallowsim-dev-inline-styles',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"),
};

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root: webRoot,
  // Relative asset URLs, so the same build works at / and under a GitHub Pages sub-path.
  base: './',
  plugins: [preact(), devInlineStyles],
  // The sweep worker (engine/worker.ts) is an ES module, like the page.
  worker: { format: 'es' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
  },
  test: {
    root: repoRoot,
    include: ['tests/web/**/*.test.{ts,tsx}'],
    environment: 'happy-dom',
    testTimeout: 20_000,
  },
});
