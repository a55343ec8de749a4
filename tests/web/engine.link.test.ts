// Share links through the binding: canonical form, round trips, and specific errors.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ComputeOk, ConfigError, Engine } from '../../web/src/engine';
import { engine, goldenLink } from './helpers';

let sim: Engine;
beforeAll(async () => {
  sim = await engine();
});

function ok(link: string, tables: Parameters<Engine['compute']>[1] = []): ComputeOk {
  const r = sim.compute(link, tables);
  if (!r.ok) throw new Error(`${link}: ${JSON.stringify(r.errors)}`);
  return r;
}

function errors(link: string): ConfigError[] {
  const r = sim.compute(link, ['decode']);
  expect(r.ok).toBe(false);
  expect(r).not.toHaveProperty('decode');
  return r.errors;
}

const CONFIGS = [
  'v=1',
  'v=1&seq_len=8192',
  'v=1&seq_len=8192&decode_len=1000&bs=8,16,1024&ep=320,1000&decode_tp=2',
  'v=1&kv_cache_rate=0.1234567&discount=0.8&mem_util=0.95&fp8_combine=0',
  'v=1&model=kimi-k2&n_layers=40',
  'v=1&model=deepseek-v2',
  'v=1&gpus=H200,H800&hw=H200,132,20,989,1979,0,141,4800,450,50,8',
  'v=1&gpus=MYGPU,H20&hw=MYGPU,100,10,500.5,1000,0,96,3000,400,50,8',
  'v=1&view=decode&lang=zh&metric=TPS&sweep_bs=64&sweep=n_layers:30:60:2',
  goldenLink('prefill_seed'),
];

describe('links', () => {
  it('defaults encode to v=1 and report every schema key', () => {
    const r = ok('');
    expect(r.canonical).toBe('v=1');
    for (const f of sim.schema) {
      if (f.kind !== 'hw_rows') expect(typeof r.fields[f.key]).toBe('string');
    }
    expect(r.fields.hw).toEqual([]);
    expect(sim.linkVersion).toBe(1);
  });

  it.each(CONFIGS)('canonical of canonical is itself: %s', (link) => {
    const first = ok(link).canonical;
    expect(ok(first).canonical).toBe(first);
    expect(ok(`https://example.org/shallowsim/#${first}`).canonical).toBe(first);
    expect(ok(`#${first}`).canonical).toBe(first);
  });

  it.each(CONFIGS)('the canonical link computes the same tables: %s', (link) => {
    const a = ok(link, ['prefill', 'decode']);
    const b = ok(a.canonical, ['prefill', 'decode']);
    expect(Array.from(b.decode?.values ?? [])).toEqual(Array.from(a.decode?.values ?? []));
    expect(Array.from(b.prefill?.values ?? [])).toEqual(Array.from(a.prefill?.values ?? []));
    expect(b.gpus).toEqual(a.gpus);
  });

  it('a non-default config survives the round trip', () => {
    const link =
      'v=1&seq_len=8192&tp=8&bs=16,64&gpus=H200,MYGPU&hw=MYGPU,100,10,500.5,1000,0,96,3000,400,50,8&view=decode';
    const r = ok(ok(link).canonical, ['decode']);
    expect(Number(r.fields.seq_len)).toBe(8192);
    expect(r.fields.tp).toBe('8');
    expect(r.fields.bs).toBe('16,64');
    expect(r.fields.gpus).toBe('H200,MYGPU');
    expect(r.fields.view).toBe('decode');
    expect(r.fields.hw).toEqual([['MYGPU', 100, 10, 500.5, 1000, 0, 96, 3000, 400, 50, 8]]);
    expect(r.gpus).toEqual(['H200', 'MYGPU']);
    expect(r.decode?.gpus).toEqual(['H200', 'MYGPU']);
  });

  it('percent-encoding is decoded', () => {
    expect(ok('v=1&gpus=H200%2CH800').canonical).toBe(ok('v=1&gpus=H200,H800').canonical);
  });
});

describe('errors', () => {
  it('a malformed number names the key and the value', () => {
    const e = errors('v=1&seq_len=abc');
    expect(e).toHaveLength(1);
    expect(e[0]?.key).toBe('seq_len');
    expect(e[0]?.message).toContain("'abc'");
  });

  it('an unknown key is reported by name', () => {
    const e = errors('v=1&foo=1');
    expect(e.map((x) => x.key)).toEqual(['foo']);
    expect(e[0]?.message).toMatch(/unknown key/);
  });

  it('a newer link version is refused with a clear message', () => {
    const e = errors('v=2');
    expect(e.map((x) => x.key)).toEqual(['v']);
    expect(e[0]?.message).toMatch(/newer/);
  });

  it('every problem is listed at once', () => {
    const e = errors('v=1&seq_len=abc&tp=0&foo=1');
    expect(e.map((x) => x.key).sort()).toEqual(['foo', 'seq_len', 'tp']);
    expect(e.find((x) => x.key === 'tp')?.message).toMatch(/out of range/);
  });

  it.each([
    ['v=1&discount=0', 'discount'],
    ['v=1&kv_cache_rate=1.5', 'kv_cache_rate'],
    ['v=1&seq_len=NaN', 'seq_len'],
    ['v=1&seq_len=inf', 'seq_len'],
    ['v=1&bs=16,,32', 'bs'],
    ['v=1&n_dense_layers=70', 'n_dense_layers'],
    ['v=1&seq_len=1&seq_len=2', 'seq_len'],
    ['v=1&seq_len', 'seq_len'],
    ['v=1&model=gpt-5', 'model'],
    ['v=1&gpus=NOPE', 'gpus'],
    ['v=1&hw=FOO,1,2', 'hw'],
    ['v=1&view=chart', 'view'],
    ['v=1&lang=fr', 'lang'],
  ])('%s → an error on %s', (link, key) => {
    expect(errors(link).map((x) => x.key)).toContain(key);
  });

  it('a hostile GPU name comes back as plain text in the message', () => {
    const name = '<img src=x onerror=alert(1)>';
    const e = errors(`v=1&gpus=${encodeURIComponent(name)}`);
    expect(e[0]?.key).toBe('gpus');
    expect(e[0]?.message).toContain(name);
  });
});
