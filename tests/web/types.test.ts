// engine/types.ts is written by hand (Emscripten 3.1.6 emits no declarations): every key the
// bindings (wasm/bindings.cpp) and the description (describe.cpp) return must be declared there,
// and every declared key of a result must be returned. Also: components never call the engine
// (they get data through state/ hooks and props).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../web/src/engine';
import { engine, repoRoot } from './helpers';

let sim: Engine;
beforeAll(async () => {
  sim = await engine();
});

const source = readFileSync(resolve(repoRoot, 'web/src/engine/types.ts'), 'utf8');

/** The keys declared in the body of `interface Name {…}` or `type Name = … {…}` (first body). */
function declared(name: string): Set<string> {
  const start = source.search(new RegExp(`export (interface|type) ${name}\\b`));
  if (start < 0) throw new Error(`no ${name} in types.ts`);
  const open = source.indexOf('{', start);
  let depth = 0;
  let end = open;
  for (; end < source.length; end++) {
    if (source[end] === '{') depth++;
    if (source[end] === '}' && --depth === 0) break;
  }
  const body = source.slice(open + 1, end);
  const keys = new Set<string>();
  // Keys at the body's own level: strip nested braces first.
  let flat = '';
  depth = 0;
  for (const ch of body) {
    if (ch === '{') depth++;
    if (depth === 0) flat += ch;
    if (ch === '}') depth--;
  }
  // A key starts a line or follows ';' (one-line object types).
  for (const m of flat.matchAll(/(?:^|;)\s*(?:\/\*\*.*?\*\/\s*)?(?:readonly\s+)?(\w+)\??:/gm)) keys.add(m[1]!);
  for (const m of flat.matchAll(/^\s*(\w+)\(/gm)) keys.add(m[1]!);
  return keys;
}

function expectKeys(name: string, value: object, optional: string[] = []) {
  const want = declared(name);
  const got = Object.keys(value);
  for (const k of got) expect(want.has(k), `${name} lacks '${k}' (returned)`).toBe(true);
  for (const k of want) if (!optional.includes(k)) expect(got, `${name}.${k} declared, not returned`).toContain(k);
}

describe('engine/types.ts against the bindings', () => {
  it('compute, its tables and the baseline', () => {
    const r = sim.compute('#v=1&view=plan&mode=calibrated&base=v%3D1', ['plan', 'serve', 'prefill', 'decode']);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expectKeys('ComputeOk', r);
    expectKeys('Table', r.tables.plan!, ['parts', 'misses', 'band']);
    expectKeys('Table', r.tables.serve!, ['parts', 'band']);
    expectKeys('Table', r.tables.decode!, ['misses']);
    expectKeys('Table', r.tables.prefill!, ['misses']);
    expectKeys('FitNote', computeFit());
    if (!r.baseline?.ok) throw new Error('baseline');
  });

  it('the other calls', () => {
    const link = '#v=1&mode=calibrated&gpus=H200';
    const details = sim.planDetails(link);
    if (!details.ok) throw new Error('details');
    expectKeys('PlanDetailsResult', details);
    expectKeys('PlanCurve', details.frontier[0]!);
    expectKeys('PlanMiss', sim.planDetails('#v=1&gpus=H20&tpot_ms=5').ok ? (sim.planDetails('#v=1&gpus=H20&tpot_ms=5') as { misses: object[] }).misses[0]! : {});
    const reality = sim.reality(link);
    if (!reality.ok) throw new Error('reality');
    expectKeys('RealityResult', reality);
    expectKeys('RealityStats', reality.stats.A);
    expectKeys('RealityStats', reality.outOfSample.AB);
    const sweep = sim.sweepSeries('#v=1&sweep=n_layers:30:62:16');
    if (!sweep.ok) throw new Error('sweep');
    expectKeys('SweepSeriesOk', sweep);
    const effects = sim.effects(link);
    if (!effects.ok) throw new Error('effects');
    expectKeys('CorrectionEffect', effects.effects[0]!);
    expectKeys('CatalogResult', sim.catalog(link));
    expectKeys('ModelResult', sim.model(link));
    const json = readFileSync(resolve(repoRoot, 'tests/data/model_configs/gpt-oss-20b.json'), 'utf8');
    expectKeys('ImportResult', sim.importModelConfig(link, json));
    expectKeys('ComputeFail', sim.compute('#v=1&seq_len=x', []));
  });

  it('the description', () => {
    expectKeys('Description', sim.describe);
    expectKeys('Preset', sim.describe.presets[0]!);
    expectKeys('FieldInfo', sim.describe.fields[0]!);
    expectKeys('ViewInfo', sim.describe.views[0]!);
    expectKeys('TableInfo', sim.describe.tables[0]!);
    expectKeys('ColumnInfo', sim.describe.tables[0]!.columns[0]!);
    expectKeys('GroupInfo', sim.describe.groups[0]!);
    expectKeys('Quirk', sim.describe.quirks[0]!);
  });
});

function computeFit(): object {
  const r = sim.compute('#v=1&mem_util=0.01&gpus=H20', ['decode']);
  if (!r.ok || r.fit.length === 0) throw new Error('fit');
  return r.fit[0]!;
}

describe('layers', () => {
  it('components never call the engine: data reaches them through state/ hooks and props', () => {
    const dir = resolve(repoRoot, 'web/src/components');
    const files: string[] = [];
    const walk = (d: string) => {
      for (const f of readdirSync(d)) {
        const p = join(d, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.tsx?$/.test(f)) files.push(p);
      }
    };
    walk(dir);
    expect(files.length).toBeGreaterThan(10);
    const calls = /\bengine\.(compute|edit|fields|exportTable|sweepSeries|reality|effects|planDetails|catalog|model|importModelConfig)\(/;
    for (const f of files) expect(calls.test(readFileSync(f, 'utf8')), f).toBe(false);
  });
});
