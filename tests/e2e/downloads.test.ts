// Every table's download from the page is what the CLI prints for the same link with
// --digits shortest (the shortest text that reads back to each double), character for character,
// full-precision numbers to 64 ε (libm's last bits: browser.ts sameText): one writer per format,
// in the core. The link sets filters and an order, so those are the same rows on both sides too.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, inject, it } from 'vitest';
import { pagesForThisFile, sameText } from './browser';

const base = inject('baseUrl');
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const CLI = `${repoRoot}/build/native/shallowsim`;

const { open } = pagesForThisFile(base);

const CONFIG = 'v=1&seq_len=8192&gpus=H200,GB200-NVL72,H20,DGX-B300&only_ep=72,144&sort=-Total';

describe('downloads equal the CLI', () => {
  for (const table of ['prefill', 'decode', 'leaderboard', 'maxbatch', 'frontier', 'plan', 'catalog', 'reality']) {
    it(`${table}: CSV, Markdown and JSON`, async () => {
      const link = `#${CONFIG}&view=${table}`;
      const { page, consoleErrors } = await open(link);
      for (const format of ['csv', 'md', 'json']) {
        const [file] = await Promise.all([
          page.waitForEvent('download'),
          page.click(`#panel-${table} [data-export="${format}"]`),
        ]);
        expect(file.suggestedFilename()).toBe(`shallowsim-${table}.${format}`);
        const text = readFileSync(await file.path(), 'utf8');
        const cli = execFileSync(CLI, [table, link, '--format', format, '--digits', 'shortest'], { encoding: 'utf8' });
        expect(text.length, `${table} ${format}`).toBeGreaterThan(40);
        expect(sameText(text, cli), `${table} ${format}`).toBe(true);
      }
      expect(consoleErrors).toEqual([]);
    });
  }
});
