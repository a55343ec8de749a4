// The hardware view's rows through the engine are the CLI's, with warnings for the link's odd
// hw= rows also passed with every compute (the editor shows them under the row).
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../web/src/engine';
import { computeOk, engine, repoRoot } from './helpers';

let sim: Engine;
beforeAll(async () => {
  sim = await engine();
});

const LINK = '#v=1&hw=H100,132,20,989,1979,15000,80,3350,450,50,8&hw=H200,132,20,989,1979,0,141,4800,450,50,16';

describe('the hardware view', () => {
  it('has the CLI rows, keyed by the catalog columns', () => {
    const r = sim.catalog(LINK);
    if (!r.ok) throw new Error('catalog');
    const cli = JSON.parse(
      execFileSync(resolve(repoRoot, 'build/native/shallowsim'), ['catalog', LINK, '--format', 'json'], { encoding: 'utf8' }),
    ).rows as Record<string, string | number>[];
    const columns = sim.describe.tables.find((t) => t.key === 'catalog')!.columns.map((c) => c.name);
    expect(r.rows).toHaveLength(cli.length);
    r.rows.forEach((row, i) => {
      expect(Object.keys(row)).toEqual(columns);
      for (const c of columns) expect(row[c], `${String(row.GPU)} ${c}`).toEqual(cli[i]?.[c]);
    });
  });

  it('warns about the link`s odd rows with every compute', () => {
    const ok = computeOk(sim, LINK, []);
    expect(ok.hwWarnings.map((w) => w.gpu)).toEqual(['H100', 'H200']);
    expect(ok.hwWarnings[0]!.warnings[0]).toMatch(/^fp4 = 15000 on a GPU with 15\.0 FP8 TFLOPS per SM/);
    expect(ok.hwWarnings[1]!.warnings[0]).toMatch(/^gpu_per_node = 16/);
    expect(computeOk(sim, '#v=1', []).hwWarnings).toEqual([]);
  });
});
