// Numbers for reading: the column's decimals (from the core's descriptor), the language's
// separators. Exact values stay in data-value and in the downloads.
import type { ColumnInfo } from '../engine';
import type { Lang } from './strings';

const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(lang: Lang, decimals: number, percent: boolean): Intl.NumberFormat {
  const key = `${lang}|${decimals}|${percent}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
      style: percent ? 'percent' : 'decimal',
    });
    formats.set(key, f);
  }
  return f;
}

/** A value as a table cell shows it. */
export function formatValue(column: Pick<ColumnInfo, 'style' | 'decimals'>, value: number, lang: Lang): string {
  if (!Number.isFinite(value)) return '—';
  if (column.style === 'fraction') return numberFormat(lang, column.decimals, true).format(value);
  const decimals = column.style === 'integer' && Number.isInteger(value) ? 0 : column.decimals;
  return numberFormat(lang, decimals, false).format(value);
}

/** A plain number with `decimals` decimals and the language's separators. */
export function formatNumber(value: number, decimals: number, lang: Lang): string {
  return formatValue({ style: 'decimal', decimals }, value, lang);
}

/** "TPOT (ms)", "Total (tok/s/GPU)", "EP" */
export function withUnit(name: string, unit: string): string {
  return unit && unit !== '%' ? `${name} (${unit})` : unit === '%' ? `${name} (%)` : name;
}
