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

/**
 * The engine (its glue chunk and the .wasm) is what the first table waits for. The page asks for
 * it only after index.js has run; announcing both in the HTML fetches them alongside index.js
 * (a three-step waterfall becomes one). `crossorigin` matches the glue's fetch (CORS mode,
 * same-origin credentials), so the preloaded response is the one it uses.
 */
const preloadEngine: Plugin = {
  name: 'shallowsim-preload-engine',
  apply: 'build',
  transformIndexHtml: {
    order: 'post',
    handler: (_html, ctx) => {
      const files = Object.values(ctx.bundle ?? {});
      const glue = files.find((f) => f.type === 'chunk' && f.name === 'glue');
      const wasm = files.find((f) => f.type === 'asset' && f.fileName.endsWith('.wasm'));
      if (!glue || !wasm) throw new Error('preload: the glue chunk or the .wasm is missing from the bundle');
      return [
        { tag: 'link', attrs: { rel: 'modulepreload', crossorigin: '', href: `./${glue.fileName}` }, injectTo: 'head' },
        {
          tag: 'link',
          attrs: { rel: 'preload', href: `./${wasm.fileName}`, as: 'fetch', type: 'application/wasm', crossorigin: '' },
          injectTo: 'head',
        },
      ];
    },
  },
};

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root: webRoot,
  // Relative asset URLs, so the same build works at / and under a GitHub Pages sub-path.
  base: './',
  plugins: [preact(), devInlineStyles, preloadEngine],
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
