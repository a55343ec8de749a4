// The reality check through the engine: the rows are the CLI's, with the reality table's columns.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../web/src/engine';
import { gpuCoverage } from '../../web/src/state/reality';
import { engine, repoRoot } from './helpers';

let sim: Engine;
beforeAll(async () => {
  sim = await engine();
});

describe('the reality check', () => {
  it('has a row per deployment, keyed by the described columns, equal to the CLI', () => {
    const result = sim.reality('#v=1');
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const columns = sim.describe.tables.find((t) => t.key === 'reality')!.columns.map((c) => c.name);
    const cli = JSON.parse(
      execFileSync(resolve(repoRoot, 'build/native/shallowsim'), ['reality', '--format', 'json'], {
        encoding: 'utf8',
      }),
    ).rows as Record<string, string | number | null>[];
    expect(result.rows).toHaveLength(cli.length);
    result.rows.forEach((row, i) => {
      expect(Object.keys(row)).toEqual(columns);
      for (const c of columns) {
        const [w, n] = [row[c], cli[i]?.[c]];
        // The same IEEE arithmetic on both sides; only libm's pow/log2 (glibc natively, musl in
        // the wasm) may round a last bit differently, which serve's fixed point carries along
        // (measured: two numbers, within 10 ε relative).
        if (typeof w === 'number' && typeof n === 'number' && w !== n) {
          expect(Math.abs(w - n), `${String(row.id)} ${c}: ${w} vs ${n}`).toBeLessThanOrEqual(
            64 * Number.EPSILON * Math.max(Math.abs(w), Math.abs(n)),
          );
        } else {
          expect(w, `${String(row.id)} ${c}`).toEqual(n);
        }
      }
    });
    expect(result.stats.A.rows).toBe(cli.filter((r) => r.tier === 'A').length);
    // The headline's rows: those whose source supplied no constant, predicted in both modes.
    const counted = (r: Record<string, unknown>) =>
      Number(r.in_sample) === 0 && r.err_reference_pct !== null && r.err_calibrated_pct !== null;
    expect(result.outOfSample.A.rows).toBe(cli.filter((r) => r.tier === 'A' && counted(r)).length);
    expect(result.outOfSample.AB.rows).toBe(cli.filter(counted).length);
    expect(result.outOfSample.A.rows).toBeLessThan(result.stats.A.rows);
    expect(result.calibration).toBe(sim.describe.calibrations.at(-1)?.id);
  });

  it('each correction of calibrated mode states what it changes on the default tables', () => {
    const result = sim.effects('#v=1');
    if (!result.ok) throw new Error('effects');
    const corrected = sim.describe.quirks.filter((q) => q.corrected).map((q) => q.id);
    expect(result.effects.map((e) => e.id)).toEqual(corrected);
    for (const e of result.effects) {
      expect(e.decodeChanged).toBeLessThanOrEqual(e.decodeRows);
      expect(Number.isFinite(e.decodeTotalPct) && Number.isFinite(e.prefillTpsPct)).toBe(true);
    }
    // Q13 (attention TP semantics) moves many decode rows; Q10 (causal prefill) every prefill GPU.
    const byId = new Map(result.effects.map((e) => [e.id, e]));
    expect(byId.get('Q13')!.decodeChanged).toBeGreaterThan(100);
    expect(byId.get('Q10')!.prefillChanged).toBe(byId.get('Q10')!.prefillGpus);
  });
});

describe('which GPUs the reality check covers', () => {
  it('counts each GPU’s deployments by tier, most first, and names the catalog’s others', () => {
    const rows = [
      { GPU: 'H20', tier: 'A' },
      { GPU: 'GB200-NVL72', tier: 'A' },
      { GPU: 'H20', tier: 'B' },
      { GPU: 'MI300X', tier: 'B' },
      { GPU: 'GB200-NVL72', tier: 'A' },
    ];
    const { checked, unchecked } = gpuCoverage(rows, ['DGX-B300', 'GB200-NVL72', 'H20', 'H200', 'MI300X']);
    expect(checked).toEqual([
      { gpu: 'GB200-NVL72', tierA: 2, tierB: 0 },
      { gpu: 'H20', tierA: 1, tierB: 1 },
      { gpu: 'MI300X', tierA: 0, tierB: 1 },
    ]);
    expect(unchecked).toEqual(['DGX-B300', 'H200']);
  });

  it('on the real data: every catalog GPU is either checked or unchecked, never both', async () => {
    const result = sim.reality('#v=1');
    if (!result.ok) throw new Error('reality');
    const names = sim.describe.catalog.map((g) => g.name);
    const { checked, unchecked } = gpuCoverage(result.rows, names);
    expect(checked.reduce((n, c) => n + c.tierA + c.tierB, 0)).toBe(result.rows.length);
    expect(checked.reduce((n, c) => n + c.tierA, 0)).toBe(result.stats.A.rows);
    for (const name of names) {
      expect(checked.some((c) => c.gpu === name) !== unchecked.includes(name), name).toBe(true);
    }
  });
});
