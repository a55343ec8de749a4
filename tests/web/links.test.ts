// Shared corpora of links, run through the binding and the page's state layer:
// tests/golden/links_v1.tsv (frozen v1 links, docs/LINKS.md) and tests/hostile/links.tsv.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../web/src/engine';
import { stateFromLink } from '../../web/src/state/config';
import { formFromFields, linkFromForm } from '../../web/src/state/form';
import { engine, repoRoot } from './helpers';

let sim: Engine;
beforeAll(async () => {
  sim = await engine();
});

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

const frozen = tsv('tests/golden/links_v1.tsv');
const hostile = tsv('tests/hostile/links.tsv');

describe('frozen v1 links', () => {
  it('the corpus is there', () => expect(frozen.length).toBeGreaterThan(10));

  it.each(frozen)('%s keeps decoding to %s', (link, canonical) => {
    const r = sim.compute(link ?? '', []);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.canonical).toBe(canonical);
    const again = sim.compute(canonical ?? '', []);
    expect(again.ok && again.canonical).toBe(canonical);
    // The page's form of that config links back to the same canonical fragment.
    const viaForm = sim.compute(linkFromForm(sim, formFromFields(sim, r.fields)), []);
    expect(viaForm.ok && viaForm.canonical).toBe(canonical);
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
    // The page's state layer takes it without throwing, keeps strings in every field and
    // shows the raw fragment (or the canonical one) in the address bar.
    const state = stateFromLink(sim, expanded, null);
    expect(state.errors.length === 0).toBe(key === 'ok');
    for (const value of Object.values(state.form.values)) expect(typeof value).toBe('string');
    if (key !== 'ok') expect(state.good).toBeNull();
  });
});
