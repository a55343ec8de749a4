// Downloads are the core's (engine.exportTable): byte for byte what the CLI prints for the same
// link and table with --digits shortest, rows chosen and ordered by the link's view keys, numbers
// written as the shortest text that reads back bit for bit (1.86, not 1.8600000000000001). The
// CLI's own default stays SPEC §7's %.17g. The description the page builds its tables from
// matches them.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine, ExportFormat, Table } from '../../web/src/engine';
import { cli, engine, golden, parseCsv, rowObject, tableOf } from './helpers';

let sim: Engine;
beforeAll(async () => {
  sim = await engine();
});

function exported(link: string, table: string, format: ExportFormat): string {
  const r = sim.exportTable(link, table, format);
  if (!r.ok) throw new Error(`${link} ${table}: ${JSON.stringify(r.errors)}`);
  return r.text;
}

/**
 * C's printf("%.{p}g"), written out here independently of the core: p significant digits,
 * trailing zeros dropped, the exponent form when the exponent is below -4 or from p on.
 */
function g(v: number, p: number): string {
  if (v === 0) return Object.is(v, -0) ? '-0' : '0';
  const [mantissa = '', exp = '0'] = v.toExponential(p - 1).split('e');
  const e = Number(exp);
  const trim = (s: string) => (s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s);
  if (e < -4 || e >= p) return `${trim(mantissa)}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  return trim(v.toFixed(p - 1 - e));
}
const g17 = (v: number) => g(v, 17);
/** The fewest digits of C's %g that read back to v; whole numbers below 1e15 in plain digits. */
function shortest(v: number): string {
  if (Number.isInteger(v) && Math.abs(v) < 1e15) return Object.is(v, -0) ? '-0' : v.toFixed(0);
  for (let p = 1; p < 17; p++) if (Number(g(v, p)) === v) return g(v, p);
  return g17(v);
}

/** Non-default links: other scenario and GPUs, custom hardware, filters, a floor and a sort. */
const LINKS = [
  'v=1&seq_len=8192&gpus=H200,H800,MI300X&only_ep=72,144&sort=-TPOT&tps_floor=20&view=decode',
  'v=1&model=kimi-k2&gpus=MYGPU,H20,GB300-NVL72&hw=MYGPU,100,10,500.5,1000,0,96,3000,400,50,8&bs=32,64,256&only_gpu=MYGPU,GB300-NVL72&only_tp=1,8&only_bs=64,256&sort=GPU&cols=GPU,TPS',
];
const TABLES = ['prefill', 'decode', 'leaderboard', 'maxbatch', 'frontier', 'plan'];
const FORMATS: ExportFormat[] = ['csv', 'md', 'json'];
const CASES = LINKS.flatMap((link) => TABLES.flatMap((table) => FORMATS.map((f) => [table, f, link] as const)));

/** Extreme custom GPUs: times far below a millisecond and far above, for exponent forms. */
const EXTREME =
  'v=1&gpus=FAST,SLOW&hw=FAST,1000000,10,10000000,10000000,10000000,1000000,10000000,10000000,10000000,8' +
  '&hw=SLOW,1,0,0.001,0.001,0,1000000,0.001,0.001,0.001,8&bs=16,64&ep=8&decode_tp=1&seq_len=1&decode_len=0' +
  '&min_ar_time=0&mla_static=0&decode_a2a_static=0&prefill_a2a_static=0';

describe('exports equal the CLI', () => {
  it.each(CASES)('%s as %s: %s', (table, format, link) => {
    const text = exported(link, table, format);
    expect(text.length).toBeGreaterThan(100);
    // `===`, not toBe: a mismatch would print megabytes.
    expect(text === cli(table, link, format)).toBe(true);
  });

  it('the same for a URL, a #fragment and the canonical link', () => {
    const link = LINKS[0]!;
    const want = cli('decode', link, 'csv');
    expect(exported(`https://example.org/shallowsim/#${link}`, 'decode', 'csv') === want).toBe(true);
    expect(exported(`#${link}`, 'decode', 'csv') === want).toBe(true);
  });

  it('a small sweep in every format', () => {
    const link = '#v=1&gpus=H200,H20&sweep=n_layers:30:62:16&bs=64,128';
    for (const format of FORMATS) {
      expect(exported(link, 'sweep', format) === cli('sweep', link, format), format).toBe(true);
    }
  });

  it('the extreme config, whose numbers need exponents', () => {
    for (const table of TABLES) {
      expect(exported(EXTREME, table, 'csv') === cli(table, EXTREME, 'csv'), table).toBe(true);
    }
  });

  it('an invalid link or an unknown table gives errors, not text', () => {
    const bad = sim.exportTable('v=1&seq_len=abc', 'decode', 'csv');
    expect(bad.ok).toBe(false);
    expect(bad.ok ? [] : bad.errors.map((e) => e.key)).toEqual(['seq_len']);
    expect(sim.exportTable('v=1', 'nope', 'csv').ok).toBe(false);
  });
});

describe('the CSV', () => {
  it('has the table columns and its rows, in order, and reads back bit for bit', () => {
    for (const link of LINKS) {
      for (const name of ['decode', 'leaderboard', 'maxbatch', 'frontier', 'prefill']) {
        const table = tableOf(sim, link, name);
        const csv = parseCsv(exported(link, name, 'csv'));
        expect(csv.header, name).toEqual(table.columns);
        expect(csv.rows, name).toHaveLength(table.rows);
        const wrong: string[] = [];
        csv.rows.forEach((cells, r) => {
          const row = rowObject(table, r);
          cells.forEach((text, c) => {
            const column = csv.header[c] ?? '';
            const want = row[column];
            if ((c === 0 ? text : Number(text)) !== want) wrong.push(`${name} row ${r} ${column}: ${text} vs ${want}`);
          });
        });
        expect(wrong).toEqual([]);
      }
    }
  });

  it('the %.17g written here agrees with every number of the reference CSVs', () => {
    const files = [
      'decode_default.decode.csv',
      'leaderboard_default.leaderboard.csv',
      'prefill_seed.prefill.csv',
      'prefill_s4383_kv0.563_tp8_dp9.prefill.csv',
    ];
    const wrong: string[] = [];
    for (const f of files) {
      for (const row of parseCsv(golden(f)).rows) {
        for (const text of row.slice(1)) if (g17(Number(text)) !== text) wrong.push(`${f}: ${text} → ${g17(Number(text))}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('writes every number as the shortest %g that reads back, exponents included', () => {
    const wrong: string[] = [];
    let exponents = 0;
    for (const link of [EXTREME, ...LINKS]) {
      for (const name of TABLES) {
        const info = sim.describe.tables.find((t) => t.key === (name === 'leaderboard' || name === 'frontier' ? 'decode' : name));
        const csv = parseCsv(exported(link, name, 'csv'));
        for (const cells of csv.rows) {
          for (const [c, text] of cells.entries()) {
            if (c === 0) continue;
            // Text columns (the plan's Serving, precisions and links) are not numbers.
            if (info?.columns.find((x) => x.name === csv.header[c])?.style === 'text') continue;
            // An optional column without a value (agg's prefill rate) is empty.
            if (text === '' && name === 'plan') continue;
            if (shortest(Number(text)) !== text) wrong.push(`${name}: ${text} (${shortest(Number(text))})`);
            if (/e[-+]\d\d/.test(text)) exponents++;
          }
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(exponents).toBeGreaterThan(10);
  });

  it("the CLI's default is SPEC §7's %.17g, the same numbers as the download's", () => {
    for (const link of [EXTREME, LINKS[0]!]) {
      for (const name of ['decode', 'plan']) {
        const spec = parseCsv(cli(name, link, 'csv', '17'));
        const download = parseCsv(exported(link, name, 'csv'));
        expect(spec.header).toEqual(download.header);
        const wrong: string[] = [];
        let longer = 0;
        spec.rows.forEach((cells, r) => {
          cells.forEach((text, c) => {
            const mine = download.rows[r]?.[c] ?? '';
            if (!/^-?\d/.test(text)) return;  // GPU names, text columns, empty cells
            if (g17(Number(text)) !== text || Number(text) !== Number(mine)) wrong.push(`${name} ${r} ${c}: ${text} vs ${mine}`);
            if (text.length > mine.length) longer++;
          });
        });
        expect(wrong).toEqual([]);
        expect(longer, `${name}: some %.17g texts are longer than the shortest`).toBeGreaterThan(0);
      }
    }
  });
});

describe('Markdown and JSON', () => {
  const link = LINKS[0]!;
  const gpusOf = (t: Table) => Array.from({ length: t.rows }, (_, r) => t.gpus[t.gpu[r] ?? -1]);

  it('Markdown: a header, a rule, then the rows in the table order', () => {
    for (const name of ['decode', 'leaderboard', 'maxbatch']) {
      const table = tableOf(sim, link, name);
      const lines = exported(link, name, 'md').trimEnd().split('\n');
      expect(lines, name).toHaveLength(table.rows + 2);
      const cells = (line: string) => line.split('|').slice(1, -1).map((c) => c.trim());
      expect(cells(lines[0] ?? '')).toEqual(table.columns);
      expect(cells(lines[1] ?? '').every((c) => /^-+:$/.test(c))).toBe(true);
      expect(lines.slice(2).map((l) => cells(l)[0])).toEqual(gpusOf(table));
    }
  });

  it('JSON: one object per row with every column, the exact values', () => {
    for (const name of ['decode', 'leaderboard', 'maxbatch', 'prefill']) {
      const table = tableOf(sim, link, name);
      const doc = JSON.parse(exported(link, name, 'json')) as {
        table: string;
        link: string;
        mode: string;
        calibration: string | null;
        rows: Record<string, number | string>[];
      };
      // What the rows were computed with travels with them.
      expect(doc.table).toBe(name);
      expect(doc.link).toBe(`#${sim.edit(link, 'v', '1')}`);
      expect(doc.mode).toBe('reference');
      expect(doc.calibration).toBeNull();
      const rows = doc.rows;
      expect(rows, name).toHaveLength(table.rows);
      rows.forEach((row, r) => {
        expect(Object.keys(row)).toEqual(table.columns);
        expect(row).toEqual(rowObject(table, r));
      });
    }
  });
});

describe('the description of the tables', () => {
  it('lists every decode column, in the table order, each number with a unit and a meaning', () => {
    const info = sim.describe.tables.find((t) => t.key === 'decode')!;
    const decode = tableOf(sim, 'v=1', 'decode');
    expect(info.columns.map((c) => c.name)).toEqual(decode.columns);
    for (const c of info.columns) {
      if (c.name === 'GPU') {
        expect(c.style).toBe('text');
        continue;
      }
      expect(c.unit, c.name).not.toBe('');
      expect(c.meaning.en, c.name).not.toBe('');
      expect(c.meaning.zh, c.name).not.toBe('');
      expect(['integer', 'decimal', 'fraction']).toContain(c.style);
      expect(Number.isInteger(c.decimals) && c.decimals >= 0).toBe(true);
    }
    // The identity columns are those a row is matched by; the rest say which way is better.
    const identity = info.columns.filter((c) => c.better === 'none').map((c) => c.name);
    expect(identity).toEqual(['GPU', 'TP', 'EP', 'BatchSize']);
    expect(info.columns.find((c) => c.name === 'TPOT')?.better).toBe('lower');
    expect(info.columns.find((c) => c.name === 'Total')?.better).toBe('higher');
  });

  it('every table the views show is described with the columns the engine gives', () => {
    const result = sim.compute('v=1', [...TABLES, 'serve']);
    if (!result.ok) throw new Error('defaults');
    for (const view of sim.describe.views) {
      // The reality view's rows come from engine.reality (checked in reality.test.ts).
      if (!view.table || view.key === 'reality' || view.key === 'catalog') continue;
      const info = sim.describe.tables.find((t) => t.key === view.table);
      const table = result.tables[view.key];
      expect(info, view.key).toBeDefined();
      expect(info?.columns.map((c) => c.name), view.key).toEqual(table?.columns);
      for (const c of [...(info?.headline ?? []), ...view.match]) expect(table?.columns, view.key).toContain(c);
      // The view's inputs are link keys of a group the form does not show (View, Plan): the view
      // shows them.
      for (const key of view.inputs) {
        const group = sim.describe.fields.find((f) => f.key === key)?.group;
        expect(sim.describe.groups.find((g) => g.key === group)?.in_form, key).toBe(false);
      }
    }
  });

  it('sort= and cols= offer exactly the columns there are', () => {
    const field = (key: string) => sim.describe.fields.find((f) => f.key === key)!;
    const all = new Set(sim.describe.tables.flatMap((t) => t.columns.map((c) => c.name)));
    expect(new Set(field('sort').choices)).toEqual(all);
    const decode = sim.describe.tables.find((t) => t.key === 'decode')!.columns.map((c) => c.name);
    expect(field('cols').choices).toEqual(decode);
  });
});
