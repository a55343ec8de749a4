// Golden parity through the binding: the page's engine reproduces the reference tables, and
// the core's CSV writes them as the reference does.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine, Table } from '../../web/src/engine';
import {
  cli,
  close,
  csvObjects,
  engine,
  golden,
  goldenLink,
  mismatches,
  parseCsv,
  rowObject,
  tableOf,
} from './helpers';

let sim: Engine;
beforeAll(async () => {
  sim = await engine();
});

const table = (link: string, name: 'prefill' | 'decode' | 'leaderboard'): Table => tableOf(sim, link, name);

function exported(link: string, name: string): string {
  const r = sim.exportTable(link, name, 'csv');
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.text;
}

describe('prefill golden cases', () => {
  const cases = [
    'prefill_seed',
    'prefill_s4383_kv0.563_tp1_dp32',
    'prefill_s4383_kv0.563_tp4_dp8',
    'prefill_s4383_kv0.563_tp8_dp4',
    'prefill_s4383_kv0.563_tp8_dp9',
  ];
  for (const name of cases) {
    it(`${name}: every value at 1e-9`, () => {
      const expected = parseCsv(golden(`${name}.prefill.csv`));
      const t = table(goldenLink(name), 'prefill');
      expect(t.columns).toEqual(expected.header);
      expect(t.rows).toBe(expected.rows.length);
      const rows = csvObjects(expected);
      const problems = rows.flatMap((e, r) =>
        mismatches(rowObject(t, r), e, expected.header, `row ${r}`),
      );
      expect(problems).toEqual([]);
    });
  }
});

const DECODE_KEY = ['GPU', 'TP', 'EP', 'BatchSize'] as const;
const keyOf = (o: Record<string, string | number>) => DECODE_KEY.map((k) => String(o[k])).join('|');

describe('decode golden cases', () => {
  for (const name of ['decode_default', 'decode_fp8combine0']) {
    it(`${name}: same row set, every value at 1e-9`, () => {
      const expected = parseCsv(golden(`${name}.decode.csv`));
      const t = table(goldenLink(name), 'decode');
      expect(t.columns).toEqual(expected.header);
      const actual = new Map<string, Record<string, string | number>>();
      for (let r = 0; r < t.rows; r++) actual.set(keyOf(rowObject(t, r)), rowObject(t, r));
      const wanted = csvObjects(expected);
      expect([...actual.keys()].sort()).toEqual(wanted.map(keyOf).sort());
      const problems = wanted.flatMap((e) =>
        mismatches(actual.get(keyOf(e)) ?? {}, e, expected.header, keyOf(e)),
      );
      expect(problems).toEqual([]);
    });
  }

  it('decode_default keeps the reference row order', () => {
    const expected = csvObjects(parseCsv(golden('decode_default.decode.csv'))).map(keyOf);
    const t = table(goldenLink('decode_default'), 'decode');
    expect(Array.from({ length: t.rows }, (_, r) => keyOf(rowObject(t, r)))).toEqual(expected);
  });
});

describe('leaderboard golden case', () => {
  const COMPARED = [
    'GPU',
    'EP',
    'BatchSize',
    'DenseMLA',
    'DenseMLP',
    'Combine',
    'SharedExpert',
    'RoutedExpert',
    'Dispatch',
    'COMM_SUM',
    'TPOT',
    'TPS',
    'Total',
  ];
  const group = (o: Record<string, string | number>) => `${o.GPU}|${o.BatchSize}`;

  it('leaderboard_default: best rows per (GPU, BatchSize), ties accepted, Total order', () => {
    const expected = csvObjects(parseCsv(golden('leaderboard_default.leaderboard.csv')));
    const t = table(goldenLink('leaderboard_default'), 'leaderboard');
    const actual = Array.from({ length: t.rows }, (_, r) => rowObject(t, r));

    const groups = (rows: Record<string, string | number>[]) => [...new Set(rows.map(group))].sort();
    expect(groups(actual)).toEqual(groups(expected));

    // Each reference row matches one of the engine's rows for its (GPU, BatchSize) that ties on Total.
    const problems: string[] = [];
    for (const e of expected) {
      const candidates = actual.filter((a) => group(a) === group(e));
      const ok = candidates.some((a) => mismatches(a, e, COMPARED, '').length === 0);
      if (!ok) problems.push(`${group(e)}: ${mismatches(candidates[0] ?? {}, e, COMPARED, '').join('; ')}`);
    }
    expect(problems).toEqual([]);

    // The distinct Totals come in the same (descending) order.
    const distinct = (rows: Record<string, string | number>[]) =>
      rows.map((o) => o.Total as number).filter((v, i, all) => i === 0 || v !== all[i - 1]);
    const a = distinct(actual);
    const e = distinct(expected);
    expect(a.length).toBe(e.length);
    expect(a.filter((v, i) => !close(v, e[i] ?? NaN))).toEqual([]);
    expect(a).toEqual([...a].sort((x, y) => y - x));
  });
});

describe("the core's CSV against the golden files", () => {
  it('decode_default and decode_fp8combine0: the CLI writes the golden file byte for byte, the download its numbers bit for bit', () => {
    for (const name of ['decode_default', 'decode_fp8combine0']) {
      const want = golden(`${name}.decode.csv`);
      expect(cli('decode', goldenLink(name), 'csv', '17') === want, name).toBe(true);
      // The page's download spells each number in its shortest form: the same doubles.
      const got = parseCsv(exported(goldenLink(name), 'decode'));
      const ref = parseCsv(want);
      expect(got.header).toEqual(ref.header);
      expect(got.rows.length).toBe(ref.rows.length);
      const wrong = ref.rows.flatMap((cells, r) =>
        cells.filter((text, c) => c > 0 && Number(text) !== Number(got.rows[r]?.[c])).map((text) => `${name} row ${r}: ${text}`),
      );
      expect(wrong).toEqual([]);
    }
  });

  it('every number equal to the reference is spelled as the reference spells it (%.17g)', () => {
    const cases: [string, 'prefill' | 'leaderboard'][] = [
      ['leaderboard_default', 'leaderboard'],
      ['prefill_seed', 'prefill'],
      ['prefill_s4383_kv0.563_tp8_dp9', 'prefill'],
    ];
    for (const [name, kind] of cases) {
      const want = parseCsv(golden(`${name}.${kind}.csv`));
      const got = parseCsv(cli(kind, goldenLink(name), 'csv', '17'));
      expect(got.header).toEqual(want.header);
      // Leaderboard ties may come in another order: pair rows by their key columns.
      const key = (cells: string[]) => cells.slice(0, kind === 'prefill' ? 1 : 4).join(',');
      const byKey = new Map(got.rows.map((cells) => [key(cells), cells]));
      let compared = 0;
      const wrong: string[] = [];
      for (const cells of want.rows) {
        const mine = byKey.get(key(cells));
        if (!mine) continue;
        cells.forEach((text, i) => {
          if (i === 0 || Number(text) !== Number(mine[i])) return;
          compared++;
          if (mine[i] !== text) wrong.push(`${name} ${key(cells)} ${want.header[i]}: ${mine[i]} vs ${text}`);
        });
      }
      expect(wrong).toEqual([]);
      // Most cells are bit-equal; the few others differ below 1e-9 (checked above).
      expect(compared, name).toBeGreaterThan(want.rows.length * (want.header.length - 1) * 0.9);
    }
  });
});
