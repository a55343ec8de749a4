// The form ↔ link layer, now the core's: engine.fields gives every key's form text (valid link
// or not), engine.edit writes the link after one edit (canonical when valid, defaults left out,
// invalid text kept so the form can show it).
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../web/src/engine';
import { computeOk, engine, goldenLink } from './helpers';

let sim: Engine;
beforeAll(async () => {
  sim = await engine();
});

const canonical = (link: string) => computeOk(sim, link).canonical;
const preset = (name: string) => {
  const p = sim.describe.presets.find((x) => x.name === name);
  if (!p) throw new Error(`no preset ${name}`);
  return p;
};

/** The link a form with these texts gives: every key set in turn, as the page's inputs do. */
function linkFromFields(fields: Record<string, string>): string {
  let link = `v=${sim.describe.version}`;
  for (const f of sim.describe.fields) link = sim.edit(link, f.key, fields[f.key] ?? '');
  return link;
}

describe('engine.fields', () => {
  it('gives the default text of every key for an empty link', () => {
    const fields = sim.fields('');
    for (const f of sim.describe.fields) expect(fields[f.key], f.key).toBe(f.default);
    // The defaults of a config key are the first preset's model values.
    const model = preset(fields.model ?? '').model;
    for (const [key, value] of Object.entries(model)) expect(fields[key], key).toBe(String(value));
  });

  it('a rejected link still fills the fields it names, with the text as typed', () => {
    const link = '#v=1&seq_len=abc&tp=0&foo=1&hw=X,1&model=kimi-k2';
    expect(sim.compute(link, []).ok).toBe(false);
    const fields = sim.fields(link);
    expect(fields.seq_len).toBe('abc');
    expect(fields.tp).toBe('0');
    expect(fields.hw).toBe('X,1');
    // The preset's model values fill the keys the link does not set.
    expect(Number(fields.n_heads)).toBe(preset('kimi-k2').model.n_heads);
    expect(Number(fields.n_routed_experts)).toBe(preset('kimi-k2').model.n_routed_experts);
    expect(fields).not.toHaveProperty('foo');
    expect(Object.keys(fields).sort()).toEqual(sim.describe.fields.map((f) => f.key).sort());
  });

  it('gives hw as one row per line', () => {
    const a = 'MYGPU,100,10,500.5,1000,0,96,3000,400,50,8';
    const b = 'H200,132,20,989,1979,0,141,4800,450,50,8';
    expect(sim.fields(`v=1&hw=${a}&hw=${b}`).hw).toBe(`${a}\n${b}`);
  });

  it('reads a link the way compute does: from its first #, keeping a later # in the value', () => {
    expect(sim.fields('https://example.org/shallowsim/#v=1&tp=8').tp).toBe('8');
    const fields = sim.fields('#v=1&tp=8&seq_len=4383#x');
    expect(fields.tp).toBe('8');
    expect(fields.seq_len).toBe('4383#x');
    const r = sim.compute('#v=1&tp=8&seq_len=4383#x', []);
    expect(r.ok ? [] : r.errors.map((e) => e.key)).toEqual(['seq_len']);
  });
});

describe('engine.edit', () => {
  it('writes only what differs from the defaults', () => {
    expect(sim.edit('v=1', 'seq_len', '8192')).toBe('v=1&seq_len=8192');
    const seqDefault = sim.describe.fields.find((f) => f.key === 'seq_len')!.default;
    expect(sim.edit('v=1&seq_len=8192', 'seq_len', seqDefault)).toBe('v=1');
    expect(sim.edit('v=1', 'gpus', 'H200, H800')).toBe('v=1&gpus=H200,H800');
    // Every catalog GPU, in catalog order, is the default: no gpus= at all.
    expect(sim.edit('v=1&gpus=H200', 'gpus', sim.describe.catalog.map((g) => g.name).join(','))).toBe('v=1');
    expect(sim.edit('v=1&gpus=H200', 'gpus', '')).toBe('v=1');
  });

  it('gives the canonical link when the result is valid', () => {
    for (const link of ['v=1&tp=8&seq_len=8192', 'https://x.org/#v=1&gpus=H200%2CH800', goldenLink('prefill_seed')]) {
      const edited = sim.edit(link, 'decode_len', '1000');
      expect(edited).toBe(canonical(edited));
      expect(sim.fields(edited).decode_len).toBe('1000');
    }
  });

  it('writes numbers the short way, as the canonical link does', () => {
    expect(sim.edit('v=1', 'decode_len', '1.0e+03')).toBe('v=1&decode_len=1000');
    expect(sim.edit('v=1', 'bs', '8,16,3.2e+02')).toBe('v=1&bs=8,16,320');
    expect(sim.edit('v=1', 'sweep', 'seq_len:1.024e+03:16352:64')).toBe('v=1&sweep=seq_len:1024:16352:64');
    expect(sim.edit('v=1', 'seq_len', ' 8192 ')).toBe('v=1&seq_len=8192');
  });

  it('keeps invalid text, so the form shows what was typed', () => {
    const bad = sim.edit('v=1', 'seq_len', 'abc');
    expect(bad).toBe('v=1&seq_len=abc');
    expect(sim.fields(bad).seq_len).toBe('abc');
    // A further edit keeps it, and so does a name that only looks like a number.
    expect(sim.edit(bad, 'tp', '8')).toBe('v=1&seq_len=abc&tp=8');
    expect(sim.edit('v=1', 'gpus', '1e3')).toBe('v=1&gpus=1e3');
    // An emptied number is an error, not the default.
    const empty = sim.edit('v=1&seq_len=8192', 'seq_len', '');
    expect(sim.compute(empty, []).ok).toBe(false);
    // Fixing it gives the canonical link again.
    expect(sim.edit(bad, 'seq_len', '8192')).toBe('v=1&seq_len=8192');
  });

  it('a preset drops the model overrides and loads its values without restating them', () => {
    const link = sim.edit('v=1&n_heads=64&dim=100', 'model', 'kimi-k2');
    expect(link).toBe('v=1&model=kimi-k2');
    const fields = sim.fields(link);
    for (const [key, value] of Object.entries(preset('kimi-k2').model)) expect(fields[key], key).toBe(String(value));
    const layers = sim.edit(link, 'n_layers', '40');
    expect(layers).toBe(canonical('v=1&model=kimi-k2&n_layers=40'));
    // The preset's own value is its default: writing it drops the override.
    expect(sim.edit(layers, 'n_layers', String(preset('kimi-k2').model.n_layers))).toBe(link);
    // Back to the first preset: everything is default again.
    expect(sim.edit(layers, 'model', sim.describe.fields.find((f) => f.key === 'model')!.default)).toBe('v=1');
  });

  it('hw takes one row per line; base takes a fragment', () => {
    const a = 'MYGPU,100,10,500.5,1000,0,96,3000,400,50,8';
    const link = sim.edit('v=1', 'hw', `${a}\nX,1`);
    expect(sim.fields(link).hw).toBe(`${a}\nX,1`);
    expect(sim.compute(link, []).ok).toBe(false);
    expect(sim.edit(link, 'hw', a)).toBe(canonical(`v=1&hw=${a}`));
    expect(sim.edit(link, 'hw', '')).toBe('v=1');
    const pinned = sim.edit('v=1', 'base', 'v=1&seq_len=8192');
    expect(decodeURIComponent(sim.fields(pinned).base ?? '')).toBe('v=1&seq_len=8192');
    expect(computeOk(sim, pinned).baseline?.link).toBe('v=1&seq_len=8192');
    expect(sim.edit(pinned, 'base', '')).toBe('v=1');
  });

  it('sets the view keys like any other', () => {
    let link = 'v=1';
    for (const [key, value] of [
      ['view', 'decode'],
      ['sort', '-TPOT'],
      ['only_gpu', 'H200'],
      ['only_ep', '72,144'],
      ['tps_floor', '20'],
      ['cols', 'GPU,TPS'],
      ['lang', 'zh'],
    ] as const) {
      link = sim.edit(link, key, value);
      expect(sim.fields(link)[key], key).toBe(value);
    }
    expect(link).toBe(canonical(link));
    // Empty filters mean all rows: they leave the link.
    for (const key of ['sort', 'only_gpu', 'only_ep', 'cols']) link = sim.edit(link, key, '');
    expect(link).toBe(canonical('v=1&view=decode&tps_floor=20&lang=zh'));
  });

  it.each([
    'v=1&seq_len=8192&bs=8,16',
    'v=1&model=deepseek-v2&n_heads=64',
    'v=1&model=kimi-k2&n_layers=40&n_dense_layers=2',
    'v=1&gpus=MYGPU,H20&hw=MYGPU,100,10,500.5,1000,0,96,3000,400,50,8',
    'v=1&view=leaderboard&lang=zh&sort=-Total&only_bs=64&tps_floor=15.5',
    `v=1&tp=8&base=${encodeURIComponent('v=1&gpus=H200')}`,
    goldenLink('prefill_seed'),
  ])('fields → every key edited in turn → the same canonical link: %s', (link) => {
    expect(linkFromFields(sim.fields(link))).toBe(canonical(link));
  });
});
