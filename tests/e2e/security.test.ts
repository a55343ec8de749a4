// Content security: the built page's policy forbids inline script and eval, so markup that
// reaches the DOM by any path cannot run; the wasm still loads under that policy.
import { describe, expect, inject, it } from 'vitest';
import { pagesForThisFile } from './browser';

const base = inject('baseUrl');
const { open } = pagesForThisFile(base);

describe('content security policy', () => {
  it('is strict: scripts from the site only, wasm allowed, no inline script, no eval', async () => {
    const w = await open('#v=1');
    const policy = await w.page.$eval('meta[http-equiv="Content-Security-Policy"]', (m) =>
      m.getAttribute('content'),
    );
    const scriptSrc = /script-src ([^;]*)/.exec(policy ?? '')?.[1] ?? '';
    expect(scriptSrc.split(/\s+/).sort()).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toContain("'unsafe-eval'");

    // Inline script and handlers are refused by the browser, not just avoided by the code.
    const outcome = await w.page.evaluate(async () => {
      const flags = window as unknown as Record<string, unknown>;
      const s = document.createElement('script');
      s.textContent = 'window.inlineRan = true';
      document.body.append(s);
      const img = document.createElement('div');
      img.innerHTML = '<img src="data:," onerror="window.handlerRan = true">';
      document.body.append(img);
      await new Promise((r) => setTimeout(r, 100));
      return { inline: flags.inlineRan, handler: flags.handlerRan };
    });
    expect(outcome.inline).toBeUndefined();
    expect(outcome.handler).toBeUndefined();
    // The tables were computed by the wasm under this policy.
    expect(await w.page.$$eval('#prefill-table [data-value]', (c) => c.length)).toBeGreaterThan(100);
    expect(w.consoleErrors.filter((e) => !e.includes('Content Security Policy'))).toEqual([]);
  });

  it('a script payload in every kind of link field never runs', async () => {
    const payloads = [
      '#v=1&gpus=%3Cscript%3Ewindow.pwned%3D1%3C%2Fscript%3E',
      '#v=1&hw=%22%3E%3Cimg%20src%3Dx%20onerror%3Dwindow.pwned%3D1%3E,1,0,1,1,0,1,1,1,1,8',
      '#v=1&%3Cimg%20src%3Dx%20onerror%3Dwindow.pwned%3D1%3E=1',
      '#v=1&model=%3Csvg%20onload%3Dwindow.pwned%3D1%3E',
      '#v=1&base=gpus%3D%253Cimg%2520src%253Dx%2520onerror%253Dwindow.pwned%253D1%253E',
      '#v=1&lang=%3Cscript%3Ewindow.pwned%3D1%3C%2Fscript%3E&view=javascript:window.pwned=1',
    ];
    const w = await open('#v=1');
    // The app has taken the prerendered page over: its last good tables are the ones to keep.
    await w.page.waitForSelector('#app:not([data-prerendered]) #prefill-table td[data-value]');
    let dialogs = 0;
    w.page.on('dialog', async (d) => {
      dialogs += 1;
      await d.dismiss();
    });
    for (const link of payloads) {
      await w.page.evaluate((h) => {
        location.hash = h;
      }, link);
      await w.page.waitForSelector('#config-errors li');
      const state = await w.page.evaluate(() => ({
        pwned: (window as unknown as Record<string, unknown>).pwned,
        injected: document.querySelectorAll('#app script, #app img, #app svg[onload]').length,
        text: document.querySelector('#config-errors')?.textContent ?? '',
      }));
      expect(state.pwned, link).toBeUndefined();
      expect(state.injected, link).toBe(0);
      expect(state.text.length, link).toBeGreaterThan(0);
      // The last good tables stay on screen.
      expect(await w.page.$$eval('#prefill-table [data-value]', (c) => c.length)).toBeGreaterThan(100);
    }
    expect(dialogs).toBe(0);
  });
});
