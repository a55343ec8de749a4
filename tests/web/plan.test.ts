// The planner through the engine: the plan table is the CLI's, its details (misses, prices,
// curves) agree with the table, and the plan view renders them from the link.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../web/src/engine';
import { cell, gpuName, isTextColumn, textCell } from '../../web/src/table/cells';
import { planPicks } from '../../web/src/state/plan';
import { engine, repoRoot } from './helpers';

let sim: Engine;
beforeAll(async () => {
  sim = await engine();
});

const LINK = 'v=1&view=plan&gpus=GB200-NVL72,H200,H20&isl=1024&osl=1024&tpot_ms=25&ttft_ms=2000';

function cli(args: string[]): string {
  return execFileSync(resolve(repoRoot, 'build/native/shallowsim'), args, { encoding: 'utf8', stdio: 'pipe' });
}

describe('the plan', () => {
  it('computes the CLI plan table, value for value', () => {
    for (const link of [LINK, `${LINK}&mode=calibrated&load=50000&price=2,H200:1.5`]) {
      const r = sim.compute(`#${link}`, ['plan']);
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
      const t = r.tables.plan!;
      const doc = JSON.parse(cli(['plan', link, '--format', 'json'])) as {
        link: string;
        mode: string;
        calibration: string | null;
        rows: Record<string, string | number | null>[];
      };
      expect(doc.link).toBe(`#${r.canonical}`);
      expect(doc.mode).toBe(link.includes('mode=calibrated') ? 'calibrated' : 'reference');
      expect(doc.calibration).toBe(link.includes('mode=calibrated') ? sim.describe.calibrations.at(-1)!.id : null);
      const rows = doc.rows;
      expect(t.rows).toBe(rows.length);
      expect(t.columns).toEqual(sim.describe.tables.find((x) => x.key === 'plan')!.columns.map((c) => c.name));
      rows.forEach((row, i) => {
        expect(gpuName(t, i)).toBe(row.GPU);
        t.columns.forEach((name, c) => {
          if (c === 0) return;
          if (isTextColumn(t, name)) {
            expect(textCell(t, i, name), `${String(row.GPU)} ${name}`).toBe(row[name]);
            return;
          }
          const v = cell(t, i, c);
          if (row[name] === null) expect(Number.isNaN(v), name).toBe(true);
          else expect(v, `${String(row.GPU)} ${name}`).toBe(row[name]);
        });
      });
      const download = sim.exportTable(`#${link}`, 'plan', 'csv');
      if (!download.ok) throw new Error('export');
      expect(download.text).toBe(cli(['plan', link, '--format', 'csv', '--digits', 'shortest']));
    }
  });

  it('its details: a miss per target a GPU cannot meet, a price per GPU, curves through the plan', () => {
    const d = sim.planDetails(`#v=1&view=plan&gpus=GB200-NVL72,H20&tpot_ms=8`);
    if (!d.ok) throw new Error('details');
    expect(d.misses.map((m) => [m.gpu, m.key])).toEqual([['H20', 'tpot_ms']]);
    expect(d.misses[0]!.best).toBeGreaterThan(8);
    expect(d.misses[0]!.message).toMatch(/^H20: TPOT ≥ [\d.]+ ms at any batch/);
    expect(d.prices.map((p) => [p.gpu, p.usd])).toEqual([
      ['GB200-NVL72', 1.86],
      ['H20', 0.9],
    ]);
    expect(d.prices[1]!.source).toMatch(/estimate/);

    // The frontier is the fractionally rate-matched envelope: at the TPOT target (125 tok/s per
    // user) no sized plan beats it, and at a load where whole instances round away the plan's
    // ideal reaches it.
    const curve = d.frontier.find((c) => c.gpu === 'GB200-NVL72')!;
    let best = 0;
    curve.tpsUser.forEach((x, i) => {
      if (x >= 125) best = Math.max(best, curve.output[i]!);
    });
    for (const extra of ['', '&load=1e9']) {
      const plan = sim.compute(`#v=1&view=plan&serving=disagg&gpus=GB200-NVL72,H20&tpot_ms=8${extra}`, ['plan']);
      if (!plan.ok) throw new Error('plan');
      const t = plan.tables.plan!;
      const out = cell(t, 0, t.columns.indexOf('OutputTPS_per_GPU'));
      const ideal = cell(t, 0, t.columns.indexOf('IdealOutputTPS_per_GPU'));
      expect(out).toBeLessThanOrEqual(best * (1 + 1e-12));
      expect(ideal).toBeLessThanOrEqual(best * (1 + 1e-12));
      if (extra) expect(Math.abs(ideal - best) / best).toBeLessThan(1e-5);
    }
    // The P:D ratio grows with isl/osl.
    const pd = d.ratios.pd[0]!;
    for (let i = 1; i < pd.length; i++) expect(pd[i]!).toBeGreaterThan(pd[i - 1]!);
  });

  it('links each plan to its decode row, prefill and serving benchmark, which give its numbers', () => {
    for (const link of [LINK, `${LINK}&serving=agg`, `${LINK}&serving=disagg&mode=calibrated`]) {
      const r = sim.compute(`#${link}`, ['plan']);
      if (!r.ok) throw new Error('plan');
      const picks = planPicks(r.tables.plan!);
      expect(picks.length).toBeGreaterThan(0);
      for (const p of picks) {
        const serve = sim.compute(`#${p.serveLink}`, ['serve']);
        if (!serve.ok) throw new Error(p.serveLink);
        const v = serve.tables.serve!;
        expect(v.rows).toBe(1);
        const output = cell(v, 0, v.columns.indexOf('OutputTPS_per_GPU'));
        expect(cell(v, 0, v.columns.indexOf('GPUs'))).toBe(p.values.GPUs);
        if (p.text.Serving === 'agg') {
          // The same benchmark the plan ran.
          expect(output).toBe(p.values.OutputTPS_per_GPU);
          continue;
        }
        // Disaggregated: the benchmark adds the queueing the plan leaves out.
        expect(Math.abs(output / p.values.OutputTPS_per_GPU! - 1)).toBeLessThan(0.1);
        const decode = sim.compute(`#${p.decodeLink}`, ['decode']);
        if (!decode.ok) throw new Error(p.decodeLink);
        const d = decode.tables.decode!;
        expect(d.rows).toBe(1);
        expect(cell(d, 0, d.columns.indexOf('TPOT'))).toBe(p.values.TPOT_ms);
        expect(cell(d, 0, d.columns.indexOf('Total'))).toBe(p.values.DecodeTPS_per_GPU);
        const prefill = sim.compute(`#${p.prefillLink}`, ['prefill']);
        if (!prefill.ok) throw new Error(p.prefillLink);
        const pre = prefill.tables.prefill!;
        expect(cell(pre, 0, pre.columns.indexOf('PrefillTPS'))).toBe(p.values.PrefillTPS_per_GPU);
      }
    }
  });

  it('reports bad targets by key', () => {
    const r = sim.compute('#v=1&view=plan&price=H200:1,H200:2&tpot_ms=0', ['plan']);
    expect(r.ok).toBe(false);
    expect(r.errors.map((e) => e.key).sort()).toEqual(['price', 'tpot_ms']);
  });
});
