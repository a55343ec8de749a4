// Shared corpora of links, run through the binding and the page's state layer:
// tests/golden/links_v1.tsv (frozen v1 links, docs/LINKS.md) and tests/hostile/links.tsv.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { cleanup, renderHook } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../web/src/engine';
import { usePage } from '../../web/src/state/page';
import { fragmentOf } from '../../web/src/state/url';
import { engine, repoRoot } from './helpers';
import { fakeWindow } from './window';

let sim: Engine;
beforeAll(async () => {
  sim = await engine();
});
afterEach(() => cleanup());

function tsv(path: string): string[][] {
  return readFileSync(resolve(repoRoot, path), 'utf8')
    .replace(/\r/g, '')
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('# '))
    .map((line) => line.split('\t'));
}

/** `{X*N}` in a hostile link stands for X repeated N times. */
function expandLink(link: string): string {
  return link.replace(/\{(.+?)\*(\d+)\}/g, (_, text: string, n: string) => text.repeat(Number(n)));
}

/** The page's state for a link in the address bar. */
function pageState(link: string) {
  const fw = fakeWindow(`#${fragmentOf(link)}`);
  return renderHook(() => usePage(sim, fw.win)).result.current[0];
}

const frozen = tsv('tests/golden/links_v1.tsv');
const hostile = tsv('tests/hostile/links.tsv');

describe('frozen v1 links', () => {
  it('the corpus is there', () => expect(frozen.length).toBeGreaterThan(10));

  it.each(frozen)('%s keeps decoding to %s', (link = '', canonical = '') => {
    const r = sim.compute(link, []);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.canonical).toBe(canonical);
    const again = sim.compute(canonical, []);
    expect(again.ok && again.canonical).toBe(canonical);
    // The form's texts of that config, each set again through the core, give the same link.
    const fields = sim.fields(link);
    let rebuilt = 'v=1';
    for (const f of sim.describe.fields) rebuilt = sim.edit(rebuilt, f.key, fields[f.key] ?? '');
    expect(rebuilt).toBe(canonical);
    // The page opened at it shows the canonical link.
    expect(pageState(link).link).toBe(canonical);
  });
});

describe('hostile links', () => {
  it('the corpus is there', () => expect(hostile.length).toBeGreaterThan(50));

  it.each(hostile)('%s', (_name, link = '', key = '', words = '') => {
    const expanded = expandLink(link);
    const r = sim.compute(expanded, ['prefill', 'decode']);
    if (key === 'ok') {
      expect(r.errors).toEqual([]);
      expect(r.ok).toBe(true);
    } else {
      expect(r.ok).toBe(false);
      const hit = r.errors.find((e) => e.key === key);
      expect(hit, JSON.stringify(r.errors)).toBeDefined();
      expect(hit?.message).toContain(words);
    }
    // The form reads it without throwing: a string for every key.
    const fields = sim.fields(expanded);
    for (const f of sim.describe.fields) expect(typeof fields[f.key], f.key).toBe('string');
    // The page's state layer takes it, shows its errors, and keeps the raw fragment in the
    // address bar (or the canonical one).
    const state = pageState(expanded);
    expect(state.errors.length === 0).toBe(key === 'ok');
    for (const f of sim.describe.fields) expect(typeof state.fields[f.key], f.key).toBe('string');
    if (key === 'ok') {
      expect(state.link).toBe(r.ok ? r.canonical : '');
    } else {
      expect(state.good).toBeNull();
      expect(state.link).toBe(fragmentOf(expanded));
      expect(state.errors.map((e) => e.key)).toContain(key);
    }
  });
});
