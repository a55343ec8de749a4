// The reality check through the engine: the rows are the CLI's, with the reality table's columns.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../web/src/engine';
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
    ) as Record<string, string | number | null>[];
    expect(result.rows).toHaveLength(cli.length);
    result.rows.forEach((row, i) => {
      expect(Object.keys(row)).toEqual(columns);
      for (const c of columns) expect(row[c], `${String(row.id)} ${c}`).toEqual(cli[i]?.[c]);
    });
    expect(result.stats.A.rows).toBe(cli.filter((r) => r.tier === 'A').length);
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
