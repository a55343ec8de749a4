// Number formatting, exports, filters and sorting over real engine tables.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine, Table } from '../../web/src/engine';
import { toCsv, toJson, toMarkdown } from '../../web/src/table/export';
import { formatCell, formatG17 } from '../../web/src/table/format';
import { cell, NO_FILTERS, visibleRows } from '../../web/src/table/view';
import { engine, golden, parseCsv } from './helpers';

let sim: Engine;
let decode: Table;
beforeAll(async () => {
  sim = await engine();
  const r = sim.compute('v=1', ['decode']);
  if (!r.ok || !r.decode) throw new Error('no decode table');
  decode = r.decode;
});

describe('formatting', () => {
  it('writes every golden CSV number exactly as %.17g does', () => {
    const files = [
      'decode_default.decode.csv',
      'leaderboard_default.leaderboard.csv',
      'prefill_seed.prefill.csv',
      'prefill_s4383_kv0.563_tp8_dp9.prefill.csv',
    ];
    const wrong: string[] = [];
    for (const f of files) {
      for (const row of parseCsv(golden(f)).rows) {
        for (const text of row.slice(1)) {
          if (formatG17(Number(text)) !== text) wrong.push(`${text} → ${formatG17(Number(text))}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('uses %g exponents for very small and very large numbers', () => {
    expect(formatG17(1e-5)).toBe('1.0000000000000001e-05');
    expect(formatG17(1.5e20)).toBe('1.5e+20');
    expect(formatG17(0)).toBe('0');
    expect(formatG17(16)).toBe('16');
  });

  it('shows 6 decimals, whole counts and Comm_Impact as a percentage', () => {
    expect(formatCell('fixed', 1.5344498292129778)).toBe('1.534450');
    expect(formatCell('int', 512)).toBe('512');
    expect(formatCell('percent', 0.45312)).toBe('45.31%');
  });
});

describe('exports', () => {
  it('CSV has the SPEC header and reads back bit for bit', () => {
    const rows = visibleRows(decode, NO_FILTERS, null);
    const csv = parseCsv(toCsv(decode, rows));
    expect(csv.header).toEqual(decode.columns);
    expect(csv.rows).toHaveLength(855);
    csv.rows.forEach((cells, r) => {
      cells.slice(1).forEach((text, c) => expect(Number(text)).toBe(cell(decode, r, c + 1)));
    });
  });

  it('Markdown and JSON carry the same rows', () => {
    const rows = visibleRows(decode, { ...NO_FILTERS, gpu: 'H200' }, null);
    const md = toMarkdown(decode, rows).trim().split('\n');
    expect(md).toHaveLength(rows.length + 2);
    expect(md[0]).toMatch(/^\|\s+GPU \|\s+TP \|/);
    const json = JSON.parse(toJson(decode, rows)) as Record<string, number | string>[];
    expect(json).toHaveLength(rows.length);
    expect(json[0]?.GPU).toBe('H200');
    expect(json[0]?.Total).toBe(cell(decode, rows[0] ?? -1, decode.columns.indexOf('Total')));
  });
});

describe('filters and sorting', () => {
  const col = (name: string) => decode.columns.indexOf(name);

  it('filters by GPU, EP, TP, batch and a TPS floor', () => {
    const rows = visibleRows(decode, { gpu: 'H200', ep: '72', tp: '4', batch: '', tpsFloor: '20' }, null);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(decode.gpus[decode.gpu[r] ?? -1]).toBe('H200');
      expect(cell(decode, r, col('EP'))).toBe(72);
      expect(cell(decode, r, col('TP'))).toBe(4);
      expect(cell(decode, r, col('TPS'))).toBeGreaterThanOrEqual(20);
    }
  });

  it('sorts by a column, stable, either way', () => {
    const total = col('Total');
    const desc = visibleRows(decode, NO_FILTERS, { column: 'Total', dir: 'desc' });
    expect(desc).toHaveLength(855);
    for (let i = 1; i < desc.length; i++) {
      expect(cell(decode, desc[i - 1] ?? 0, total)).toBeGreaterThanOrEqual(cell(decode, desc[i] ?? 0, total));
    }
    const byGpu = visibleRows(decode, NO_FILTERS, { column: 'GPU', dir: 'asc' });
    const names = byGpu.map((r) => decode.gpus[decode.gpu[r] ?? -1] ?? '');
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  });
});
