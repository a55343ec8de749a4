// Share links through the binding: canonical form, round trips, and specific errors.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ConfigError, Engine } from '../../web/src/engine';
import { computeOk, engine, goldenLink } from './helpers';

let sim: Engine;
beforeAll(async () => {
  sim = await engine();
});

const ok = (link: string, tables: readonly string[] = []) => computeOk(sim, link, tables);

function errors(link: string): ConfigError[] {
  const r = sim.compute(link, ['decode']);
  expect(r.ok).toBe(false);
  expect(r).not.toHaveProperty('tables');
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
  'v=1&view=decode&sort=-TPOT&only_gpu=H200,H20&only_ep=72&only_tp=4,8&only_bs=64,128&tps_floor=20&cols=GPU,TPS,Total',
  `v=1&seq_len=8192&base=${encodeURIComponent('v=1&gpus=H200')}`,
  goldenLink('prefill_seed'),
];

describe('links', () => {
  it('defaults encode to v=1 and give a form text for every key of the description', () => {
    expect(ok('').canonical).toBe(`v=${sim.describe.version}`);
    expect(sim.describe.version).toBe(1);
    const fields = sim.fields('');
    expect(Object.keys(fields).sort()).toEqual(sim.describe.fields.map((f) => f.key).sort());
    for (const f of sim.describe.fields) expect(fields[f.key], f.key).toBe(f.default);
    expect(fields.hw).toBe('');
  });

  it.each(CONFIGS)('canonical of canonical is itself: %s', (link) => {
    const first = ok(link).canonical;
    expect(ok(first).canonical).toBe(first);
    expect(ok(`https://example.org/shallowsim/#${first}`).canonical).toBe(first);
    expect(ok(`#${first}`).canonical).toBe(first);
  });

  it.each(CONFIGS)('the canonical link computes the same tables: %s', (link) => {
    const names = ['prefill', 'decode', 'leaderboard', 'maxbatch', 'frontier'];
    const a = ok(link, names);
    const b = ok(a.canonical, names);
    for (const name of names) {
      expect(Array.from(b.tables[name]?.values ?? []), name).toEqual(Array.from(a.tables[name]?.values ?? []));
      expect(Array.from(b.tables[name]?.gpu ?? []), name).toEqual(Array.from(a.tables[name]?.gpu ?? []));
    }
    expect(b.gpus).toEqual(a.gpus);
  });

  it('a non-default config survives the round trip', () => {
    const link =
      'v=1&seq_len=8192&tp=8&bs=16,64&gpus=H200,MYGPU&hw=MYGPU,100,10,500.5,1000,0,96,3000,400,50,8&view=decode';
    const canonical = ok(link).canonical;
    const r = ok(canonical, ['decode']);
    const fields = sim.fields(canonical);
    expect(Number(fields.seq_len)).toBe(8192);
    expect(fields.tp).toBe('8');
    expect(fields.bs).toBe('16,64');
    expect(fields.gpus).toBe('H200,MYGPU');
    expect(fields.view).toBe('decode');
    expect(fields.hw).toBe('MYGPU,100,10,500.5,1000,0,96,3000,400,50,8');
    expect(r.gpus).toEqual(['H200', 'MYGPU']);
    expect(r.tables.decode?.gpus).toEqual(['H200', 'MYGPU']);
    // bs=16,64 → only those batches in the table.
    const bs = r.tables.decode!.columns.indexOf('BatchSize');
    const w = r.tables.decode!.columns.length - 1;
    const batches = new Set<number>();
    for (let row = 0; row < r.tables.decode!.rows; row++) batches.add(r.tables.decode!.values[row * w + bs - 1]!);
    expect([...batches].sort((x, y) => x - y)).toEqual([16, 64]);
  });

  it('the view keys read back as written', () => {
    const link = CONFIGS[9]!;
    const fields = sim.fields(ok(link).canonical);
    expect(fields.sort).toBe('-TPOT');
    expect(fields.only_gpu).toBe('H200,H20');
    expect(fields.only_ep).toBe('72');
    expect(fields.only_tp).toBe('4,8');
    expect(fields.only_bs).toBe('64,128');
    expect(fields.tps_floor).toBe('20');
    expect(fields.cols).toBe('GPU,TPS,Total');
  });

  it('percent-encoding is decoded', () => {
    expect(ok('v=1&gpus=H200%2CH800').canonical).toBe(ok('v=1&gpus=H200,H800').canonical);
  });

  it('only the asked tables are computed', () => {
    expect(Object.keys(ok('v=1', ['decode']).tables)).toEqual(['decode']);
    expect(Object.keys(ok('v=1', []).tables)).toEqual([]);
    expect(Object.keys(ok('v=1', ['leaderboard', 'maxbatch']).tables).sort()).toEqual(['leaderboard', 'maxbatch']);
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
    ['v=1&seq_len=', 'seq_len'],
    ['v=1&bs=16,,32', 'bs'],
    ['v=1&n_dense_layers=70', 'n_dense_layers'],
    ['v=1&seq_len=1&seq_len=2', 'seq_len'],
    ['v=1&seq_len', 'seq_len'],
    ['v=1&model=gpt-5', 'model'],
    ['v=1&gpus=NOPE', 'gpus'],
    ['v=1&hw=FOO,1,2', 'hw'],
    ['v=1&view=chart', 'view'],
    ['v=1&lang=fr', 'lang'],
    ['v=1&sort=-Nope', 'sort'],
    ['v=1&sort=--Total', 'sort'],
    ['v=1&only_gpu=B9000', 'only_gpu'],
    ['v=1&only_ep=0', 'only_ep'],
    ['v=1&only_tp=0', 'only_tp'],
    ['v=1&only_bs=x', 'only_bs'],
    ['v=1&tps_floor=-1', 'tps_floor'],
    ['v=1&cols=GPU,GPU', 'cols'],
    ['v=1&cols=Nope', 'cols'],
    [`v=1&base=${encodeURIComponent('v=1&seq_len=abc')}`, 'base'],
  ])('%s → an error on %s', (link, key) => {
    expect(errors(link).map((x) => x.key)).toContain(key);
  });

  it('a baseline error says which of its keys is wrong', () => {
    const e = errors(`v=1&base=${encodeURIComponent('v=1&seq_len=abc')}`);
    expect(e[0]?.message).toContain('seq_len');
    expect(e[0]?.message).toContain("'abc'");
  });

  it('a hostile GPU name comes back as plain text in the message', () => {
    const name = '<img src=x onerror=alert(1)>';
    const e = errors(`v=1&gpus=${encodeURIComponent(name)}`);
    expect(e[0]?.key).toBe('gpus');
    expect(e[0]?.message).toContain(name);
  });
});
