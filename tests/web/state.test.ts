// The form ↔ link layer: defaults come from the schema, edits become canonical fragments,
// invalid input keeps the last good result.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../web/src/engine';
import { cloneForm, stateFromForm, stateFromLink } from '../../web/src/state/config';
import {
  applyPreset,
  defaultForm,
  formFields,
  formFromFields,
  formFromLink,
  linkFromForm,
  resolvedGpuNames,
  tidyText,
} from '../../web/src/state/form';
import { engine, goldenLink } from './helpers';

let sim: Engine;
beforeAll(async () => {
  sim = await engine();
});

const canonical = (link: string) => {
  const r = sim.compute(link, []);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.canonical;
};

describe('form state', () => {
  it('has every schema key but hw, with the schema defaults, and links to v=1', () => {
    const form = defaultForm(sim);
    const keys = sim.schema.filter((f) => f.kind !== 'hw_rows').map((f) => f.key);
    expect(Object.keys(form.values).sort()).toEqual([...keys].sort());
    for (const f of formFields(sim.schema)) {
      if (f.kind === 'int' || f.kind === 'float') {
        expect(Number(form.values[f.key])).toBe(Number(f.default));
      }
    }
    expect(linkFromForm(sim, form)).toBe('v=1');
  });

  it('shows numbers the short way', () => {
    const field = (kind: string) => ({ ...sim.schema[0]!, kind }) as (typeof sim.schema)[number];
    expect(tidyText(field('int'), '1.21e+03')).toBe('1210');
    expect(tidyText(field('int_list'), '8,16,3.2e+02')).toBe('8,16,320');
    expect(tidyText(field('sweep'), 'seq_len:1.024e+03:16352:32')).toBe('seq_len:1024:16352:32');
    expect(tidyText(field('name_list'), '1e3')).toBe('1e3');
  });

  it('an edited field becomes that key in the link', () => {
    const form = defaultForm(sim);
    form.values.seq_len = '8192';
    form.values.gpus = 'H200, H800';
    expect(linkFromForm(sim, form)).toBe('v=1&seq_len=8192&gpus=H200,H800');
    expect(canonical(linkFromForm(sim, form))).toBe('v=1&seq_len=8192&gpus=H200,H800');
  });

  it('a preset loads its model values without restating them in the link', () => {
    const form = applyPreset(sim, defaultForm(sim), 'kimi-k2');
    expect(form.values.n_routed_experts).toBe('384');
    expect(linkFromForm(sim, form)).toBe('v=1&model=kimi-k2');
    form.values.n_layers = '40';
    expect(canonical(linkFromForm(sim, form))).toBe(canonical('v=1&model=kimi-k2&n_layers=40'));
  });

  it.each([
    'v=1&seq_len=8192&bs=8,16',
    'v=1&model=deepseek-v2&n_heads=64',
    'v=1&gpus=MYGPU,H20&hw=MYGPU,100,10,500.5,1000,0,96,3000,400,50,8',
    'v=1&view=leaderboard&lang=zh',
    goldenLink('prefill_seed'),
  ])('fields → form → link gives the same canonical link: %s', (link) => {
    const r = sim.compute(link, []);
    if (!r.ok) throw new Error('invalid');
    const form = formFromFields(sim, r.fields);
    expect(canonical(linkFromForm(sim, form))).toBe(r.canonical);
  });

  it('a rejected link still fills the fields it names', () => {
    const form = formFromLink(sim, '#v=1&seq_len=abc&tp=0&foo=1&hw=X,1&model=kimi-k2');
    expect(form.values.seq_len).toBe('abc');
    expect(form.values.tp).toBe('0');
    expect(form.values.n_heads).toBe('64');
    expect(form.hw).toEqual([['X', '1']]);
    expect(form.values).not.toHaveProperty('foo');
  });

  it('lists custom GPUs after the catalog', () => {
    const form = defaultForm(sim);
    form.hw = [['H200', '1'], ['NEW', '1']];
    const names = resolvedGpuNames(sim, form);
    expect(names.slice(0, 12)).toEqual(sim.catalog.map((r) => r[0]));
    expect(names.slice(12)).toEqual(['NEW']);
  });
});

describe('config state', () => {
  it('a valid edit recomputes and gives the canonical link', () => {
    const start = stateFromLink(sim, '', null);
    expect(start.errors).toEqual([]);
    expect(start.link).toBe('v=1');
    const form = cloneForm(start.form);
    form.values.seq_len = '8192';
    const next = stateFromForm(sim, form, start.good);
    expect(next.errors).toEqual([]);
    expect(next.link).toBe('v=1&seq_len=8192');
    expect(next.good).not.toBe(start.good);
    expect(next.good?.decode?.rows).toBeGreaterThan(0);
  });

  it('an invalid edit keeps the last good result and the raw link', () => {
    const start = stateFromLink(sim, '#v=1&seq_len=8192', null);
    const form = cloneForm(start.form);
    form.values.tp = '0';
    const next = stateFromForm(sim, form, start.good);
    expect(next.errors.map((e) => e.key)).toEqual(['tp']);
    expect(next.good).toBe(start.good);
    expect(next.link).toBe('v=1&seq_len=8192&tp=0');
  });

  it('reads a pasted "##" link and keeps a later "#" inside the fragment', () => {
    expect(stateFromLink(sim, `#${goldenLink('prefill_seed')}`, null).link).toBe(
      canonical(goldenLink('prefill_seed')),
    );
    const second = stateFromLink(sim, '#v=1&seq_len=4383#x', null);
    expect(second.errors.map((e) => e.key)).toEqual(['seq_len']);
    expect(second.link).toBe('v=1&seq_len=4383#x');
  });

  it('an invalid link keeps the previous tables and its own text', () => {
    const good = stateFromLink(sim, '#v=1&tp=8', null);
    const bad = stateFromLink(sim, '#v=1&seq_len=abc&tp=0&foo=1', good.good);
    expect(bad.good).toBe(good.good);
    expect(bad.link).toBe('v=1&seq_len=abc&tp=0&foo=1');
    expect(bad.errors).toHaveLength(3);
    expect(stateFromLink(sim, '#v=2', null).good).toBeNull();
  });
});
