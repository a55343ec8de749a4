// Rows the core chooses and orders for a view (the link's only_*, tps_floor and sort keys),
// reading the engine's tables (table/cells.ts), and numbers as the cells show them (i18n).
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine, Table } from '../../web/src/engine';
import { formatNumber, formatValue, tr, withUnit } from '../../web/src/i18n';
import { cell, distinct, gpuName, tableGpus, width } from '../../web/src/table/cells';
import { columnsInView } from '../../web/src/components/DataTable/DataTable';
import { columnInfo, engine, tableOf } from './helpers';

let sim: Engine;
let decode: Table;
beforeAll(async () => {
  sim = await engine();
  decode = tableOf(sim, 'v=1', 'decode');
});

const col = (t: Table, name: string) => t.columns.indexOf(name);
/** A row's full contents, to follow rows from one table to another. */
const rowKey = (t: Table, r: number) => [gpuName(t, r), ...Array.from({ length: width(t) }, (_, c) => cell(t, r, c + 1))].join('|');
const rowsOf = (t: Table) => Array.from({ length: t.rows }, (_, r) => rowKey(t, r));
/** Byte order, as the core compares names. */
const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

describe('filters (only_gpu, only_ep, only_tp, only_bs, tps_floor)', () => {
  it('keep exactly the rows that match, in the table order; total counts them all', () => {
    const link = 'v=1&only_gpu=H200,H20&only_ep=72&only_tp=4,8&only_bs=64,128&tps_floor=20';
    const t = tableOf(sim, link, 'decode');
    const want = rowsOf(decode).filter((_, r) => {
      const v = (name: string) => cell(decode, r, col(decode, name));
      return (
        ['H200', 'H20'].includes(gpuName(decode, r)) &&
        v('EP') === 72 &&
        [4, 8].includes(v('TP')) &&
        [64, 128].includes(v('BatchSize')) &&
        v('TPS') >= 20
      );
    });
    expect(want.length).toBeGreaterThan(0);
    expect(rowsOf(t)).toEqual(want);
    expect(t.total).toBe(decode.rows);
    expect(decode.rows).toBe(855);
  });

  it('one filter at a time', () => {
    for (const [key, value, column] of [
      ['only_gpu', 'H800', 'GPU'],
      ['only_ep', '144', 'EP'],
      ['only_tp', '1', 'TP'],
      ['only_bs', '512', 'BatchSize'],
    ] as const) {
      const t = tableOf(sim, `v=1&${key}=${value}`, 'decode');
      const want = rowsOf(decode).filter((_, r) =>
        column === 'GPU' ? gpuName(decode, r) === value : cell(decode, r, col(decode, column)) === Number(value),
      );
      expect(t.rows, key).toBe(want.length);
      expect(rowsOf(t), key).toEqual(want);
    }
  });

  it('a floor above every row leaves an empty table that still knows its size', () => {
    const t = tableOf(sim, 'v=1&tps_floor=1e6', 'decode');
    expect(t.rows).toBe(0);
    expect(t.total).toBe(855);
  });

  it('max batch takes the GPU, EP and TP filters, and has no batch to filter', () => {
    const all = tableOf(sim, 'v=1', 'maxbatch');
    const t = tableOf(sim, 'v=1&only_gpu=H200&only_ep=72,144&only_tp=8', 'maxbatch');
    const want = rowsOf(all).filter(
      (_, r) => gpuName(all, r) === 'H200' && [72, 144].includes(cell(all, r, col(all, 'EP'))) && cell(all, r, col(all, 'TP')) === 8,
    );
    expect(rowsOf(t)).toEqual(want);
    expect(rowsOf(tableOf(sim, 'v=1&only_bs=64', 'maxbatch'))).toEqual(rowsOf(all));
    expect(sim.describe.views.find((v) => v.key === 'maxbatch')?.inputs).not.toContain('only_bs');
  });

  it('the prefill table takes no filters (gpus= chooses its columns)', () => {
    const all = tableOf(sim, 'v=1', 'prefill');
    expect(rowsOf(tableOf(sim, 'v=1&only_gpu=H200&sort=-Sum', 'prefill'))).toEqual(rowsOf(all));
  });

  it('cols= chooses columns on screen only: the tables keep every column', () => {
    const t = tableOf(sim, 'v=1&cols=GPU,TPS', 'decode');
    expect(t.columns).toEqual(decode.columns);
    expect(Array.from(t.values)).toEqual(Array.from(decode.values));
  });
});

describe('sort', () => {
  /** The rows of `t` stably sorted by a column, either way: what the core must give. */
  function stableSorted(t: Table, column: string, descending: boolean): string[] {
    const c = col(t, column);
    const order = Array.from({ length: t.rows }, (_, r) => r).sort((a, b) => {
      const d = c === 0 ? byName(gpuName(t, a), gpuName(t, b)) : cell(t, a, c) - cell(t, b, c);
      return descending ? -d : d;
    });
    return order.map((r) => rowKey(t, r));
  }

  it.each([
    ['-Total', 'Total', true],
    ['Total', 'Total', false],
    ['-TPOT', 'TPOT', true],
    ['BatchSize', 'BatchSize', false],
    ['GPU', 'GPU', false],
    ['-GPU', 'GPU', true],
  ] as const)('sort=%s orders the decode rows, ties in table order', (sort, column, descending) => {
    const t = tableOf(sim, `v=1&sort=${sort}`, 'decode');
    expect(t.rows).toBe(855);
    expect(rowsOf(t)).toEqual(stableSorted(decode, column, descending));
  });

  it('sorts the filtered rows, and every table with rows', () => {
    const filtered = tableOf(sim, 'v=1&only_gpu=H200', 'decode');
    expect(rowsOf(tableOf(sim, 'v=1&only_gpu=H200&sort=-Total', 'decode'))).toEqual(stableSorted(filtered, 'Total', true));
    const mb = tableOf(sim, 'v=1', 'maxbatch');
    expect(rowsOf(tableOf(sim, 'v=1&sort=-MaxBatch', 'maxbatch'))).toEqual(stableSorted(mb, 'MaxBatch', true));
    const lb = tableOf(sim, 'v=1', 'leaderboard');
    expect(rowsOf(tableOf(sim, 'v=1&sort=TPS', 'leaderboard'))).toEqual(stableSorted(lb, 'TPS', false));
  });

  it('a column the table does not have leaves its order alone', () => {
    expect(rowsOf(tableOf(sim, 'v=1&sort=-MaxBatch', 'decode'))).toEqual(rowsOf(decode));
  });
});

describe('reading tables', () => {
  it('cell and gpuName read the row-major values', () => {
    const w = decode.columns.length - 1;
    expect(width(decode)).toBe(w);
    const r = 100;
    for (let c = 1; c <= w; c++) expect(cell(decode, r, c)).toBe(decode.values[r * w + c - 1]);
    expect(gpuName(decode, r)).toBe(decode.gpus[decode.gpu[r]!]);
    expect(Number.isNaN(cell(decode, decode.rows, 1))).toBe(true);
  });

  it('distinct values of a column are the link lists, ascending', () => {
    const fields = sim.fields('v=1');
    const list = (text = '') => text.split(',').map(Number).sort((a, b) => a - b);
    expect(distinct(decode, 'EP')).toEqual(list(fields.ep));
    expect(distinct(decode, 'BatchSize')).toEqual(list(fields.bs));
    expect(distinct(decode, 'TP')).toEqual(list(fields.decode_tp));
    expect(distinct(decode, 'GPU')).toEqual([]);
    expect(distinct(decode, 'Nope')).toEqual([]);
  });

  it('tableGpus: the GPUs with rows, in the table order', () => {
    const t = tableOf(sim, 'v=1&only_gpu=H20,H200', 'decode');
    expect(t.gpus).toEqual(decode.gpus);
    const order = sim.describe.catalog.map((g) => g.name).filter((g) => g === 'H20' || g === 'H200');
    expect(tableGpus(t)).toEqual(order);
    expect(tableGpus(decode)).toEqual(decode.gpus);
  });
});

describe('numbers on screen', () => {
  it("use the column's decimals from the core", () => {
    const tpot = columnInfo(sim, 'decode', 'TPOT');
    expect(formatValue(tpot, 1.5344498292129778, 'en')).toBe((1.5344498292129778).toFixed(tpot.decimals));
    expect(formatValue(tpot, 1.5344498292129778, 'en')).toBe('1.534');
    const tps = columnInfo(sim, 'decode', 'TPS');
    expect(formatValue(tps, 58.454454829920984, 'en')).toBe((58.454454829920984).toFixed(tps.decimals));
  });

  it('whole counts without decimals, thousands separated, fractions as percentages', () => {
    expect(formatValue(columnInfo(sim, 'decode', 'BatchSize'), 512, 'en')).toBe('512');
    expect(formatValue(columnInfo(sim, 'maxbatch', 'MaxBatch'), 27500, 'en')).toBe('27,500');
    expect(formatValue(columnInfo(sim, 'decode', 'Total'), 12345.678, 'en')).toBe('12,346');
    expect(formatValue(columnInfo(sim, 'decode', 'Total'), 12345.678, 'zh')).toBe('12,346');
    expect(formatValue(columnInfo(sim, 'decode', 'Comm_Impact'), 0.45312, 'en')).toBe('45.3%');
    expect(formatValue(columnInfo(sim, 'decode', 'Comm_Impact'), 0, 'en')).toBe('0.0%');
    expect(formatValue(columnInfo(sim, 'decode', 'Delta'), -0.0535, 'en')).toBe('-0.054');
  });

  it('the hand-written separators agree with Intl.NumberFormat (en-US, zh-CN) on random values', () => {
    // A deterministic generator: values from 1e-6 to 1e15, both signs, 0 to 4 decimals.
    let seed = 12345;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let i = 0; i < 5000; i++) {
      const value = (next() < 0.2 ? -1 : 1) * 10 ** (next() * 21 - 6) * next();
      const decimals = Math.floor(next() * 5);
      for (const [lang, locale] of [['en', 'en-US'], ['zh', 'zh-CN']] as const) {
        const intl = new Intl.NumberFormat(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
        expect(formatNumber(value, decimals, lang), `${value} with ${decimals} decimals`).toBe(intl.format(value));
      }
    }
    expect(formatNumber(1234567.5, 0, 'en')).toBe('1,234,568');
    expect(formatNumber(-999.96, 1, 'en')).toBe('-1,000.0');
    expect(formatNumber(-0.0001, 2, 'en')).toBe('-0.00');
    expect(formatNumber(2e21, 0, 'en')).toBe('2,000,000,000,000,000,000,000');
  });

  it('a value that is not a number shows as a dash', () => {
    expect(formatValue(columnInfo(sim, 'decode', 'TPOT'), NaN, 'en')).toBe('—');
    expect(formatValue(columnInfo(sim, 'decode', 'TPOT'), Infinity, 'zh')).toBe('—');
  });

  it('plain numbers, units in headers, and the core\'s bilingual texts', () => {
    expect(formatNumber(1234.56, 1, 'en')).toBe('1,234.6');
    expect(formatNumber(2, 0, 'zh')).toBe('2');
    expect(withUnit('TPOT', columnInfo(sim, 'decode', 'TPOT').unit)).toBe('TPOT (ms)');
    expect(withUnit('Comm_Impact', '%')).toBe('Comm_Impact (%)');
    expect(withUnit('EP', '')).toBe('EP');
    const tpot = columnInfo(sim, 'decode', 'TPOT').meaning;
    expect(tr(tpot, 'zh')).toBe(tpot.zh);
    expect(tr(tpot, 'en')).toBe(tpot.en);
    expect(tr({ en: 'only English', zh: '' }, 'zh')).toBe('only English');
  });
});

describe('columns in view (DataTable virtualises the decode and leaderboard columns)', () => {
  // Widths in px of 3 frozen and 6 scrolling columns; the scroller is 250 px wide.
  const widths = [100, 50, 50, 80, 80, 80, 80, 80, 80];
  it('keeps the frozen columns out of the range and adds one column either side', () => {
    // Scrolled to the start: table x 0…250 shows columns 0–3 (x 0–280): scrolling column 3,
    // and column 4 as overscan.
    expect(columnsInView(widths, 3, 0, 250)).toEqual({ from: 3, to: 5 });
    // Scrolled by 300: x 300…550 shows columns 4 (280–360) to 6 (440–520) and 7 (520–600).
    expect(columnsInView(widths, 3, 300, 250)).toEqual({ from: 3, to: 9 });
    // No overscan: exactly the columns that intersect the view.
    expect(columnsInView(widths, 3, 300, 250, 0)).toEqual({ from: 4, to: 8 });
    // Scrolled to the end (680 − 250 = 430): columns 5 to 8, the last included.
    expect(columnsInView(widths, 3, 430, 250, 0)).toEqual({ from: 5, to: 9 });
  });
  it('renders every column where nothing is laid out', () => {
    expect(columnsInView([0, 0, 0], 1, 0, 0)).toBeNull();
    expect(columnsInView(widths, 3, 0, 0)).toBeNull();
  });
});
