// Numbers for reading: the column's decimals (from the core's descriptor), the language's
// separators. Exact values stay in data-value and in the downloads.
//
// Written by hand rather than with Intl.NumberFormat: a page of tables formats ~600 numbers per
// keystroke, and the first Intl formatter of a page load costs ~40 ms (ICU start-up) on the
// machines we measure. Rounding follows Intl's: the shortest decimal that reads back as the value
// (String(value)), rounded half away from zero — so 0.0535 shows as 0.054, as a reader expects.
// tests/web/table.test.ts compares the two on random values.
import type { ColumnInfo } from '../engine';
import type { Lang } from './strings';

/** The grouping and decimal marks of each language (zh-CN writes numbers as en-US does). */
const MARKS: Record<Lang, { group: string; decimal: string }> = {
  en: { group: ',', decimal: '.' },
  zh: { group: ',', decimal: '.' },
};

/** Beyond this `toFixed` writes an exponent; such values keep Intl's long form. */
const FIXED_LIMIT = 1e21;

/** The digits of a non-negative finite value in plain notation ("1e-7" → "0.0000001"). */
function plainDigits(abs: number): string {
  const text = String(abs);
  const e = text.indexOf('e');
  if (e < 0) return text;
  const exponent = Number(text.slice(e + 1));
  const mantissa = text.slice(0, e).replace('.', '');
  const point = text.indexOf('.') < 0 || text.indexOf('.') > e ? 1 : text.indexOf('.');
  const at = point + exponent;
  if (at <= 0) return `0.${'0'.repeat(-at)}${mantissa}`;
  return at >= mantissa.length ? mantissa + '0'.repeat(at - mantissa.length) : `${mantissa.slice(0, at)}.${mantissa.slice(at)}`;
}

/** `digits` (decimal digits only) plus one in the last place. */
function increment(digits: string): string {
  const out = digits.split('');
  for (let i = out.length - 1; i >= 0; i--) {
    if (out[i] !== '9') {
      out[i] = String(Number(out[i]) + 1);
      return out.join('');
    }
    out[i] = '0';
  }
  return `1${out.join('')}`;
}

function grouped(value: number, decimals: number, lang: Lang): string {
  if (Math.abs(value) >= FIXED_LIMIT) {
    return new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    }).format(value);
  }
  const { group, decimal } = MARKS[lang];
  const text = plainDigits(Math.abs(value));
  const dot = text.indexOf('.');
  const fraction = dot < 0 ? '' : text.slice(dot + 1);
  let digits = (dot < 0 ? text : text.slice(0, dot)) + fraction.slice(0, decimals).padEnd(decimals, '0');
  if (fraction.length > decimals && fraction.charCodeAt(decimals) >= 53 /* '5' */) digits = increment(digits);
  const whole = digits.slice(0, digits.length - decimals);
  let out = whole.slice(0, ((whole.length - 1) % 3) + 1);
  for (let i = out.length; i < whole.length; i += 3) out += group + whole.slice(i, i + 3);
  if (decimals > 0) out += decimal + digits.slice(whole.length);
  // Intl keeps the sign of anything below zero, negative zero and values rounded to zero included.
  return value < 0 || Object.is(value, -0) ? `-${out}` : out;
}

/** A value as a table cell shows it. */
export function formatValue(column: Pick<ColumnInfo, 'style' | 'decimals'>, value: number, lang: Lang): string {
  if (!Number.isFinite(value)) return '—';
  if (column.style === 'fraction') return `${grouped(value * 100, column.decimals, lang)}%`;
  const decimals = column.style === 'integer' && Number.isInteger(value) ? 0 : column.decimals;
  return grouped(value, decimals, lang);
}

/** A plain number with `decimals` decimals and the language's separators. */
export function formatNumber(value: number, decimals: number, lang: Lang): string {
  return formatValue({ style: 'decimal', decimals }, value, lang);
}

/** "TPOT (ms)", "Total (tok/s/GPU)", "EP" */
export function withUnit(name: string, unit: string): string {
  return unit && unit !== '%' ? `${name} (${unit})` : unit === '%' ? `${name} (%)` : name;
}
