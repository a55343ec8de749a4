// How numbers look: on screen (fixed precision, like the seed) and in exports (like the CLI).

export type ColumnFormat = 'int' | 'fixed' | 'percent';

const INT_COLUMNS = new Set(['TP', 'EP', 'BatchSize', 'MaxBatch', 'Layers']);

export function columnFormat(column: string): ColumnFormat {
  if (INT_COLUMNS.has(column)) return 'int';
  if (column === 'Comm_Impact') return 'percent';
  return 'fixed';
}

/** Screen text: whole numbers for counts, 6 decimals (the seed's precision), % for Comm_Impact. */
export function formatCell(format: ColumnFormat, value: number): string {
  switch (format) {
    case 'int':
      return Number.isInteger(value) ? String(value) : value.toFixed(6);
    case 'percent':
      return `${(value * 100).toFixed(2)}%`;
    default:
      return value.toFixed(6);
  }
}

/** Markdown export text, as the CLI's `--format md`: 6 decimals, whole numbers for counts. */
export function formatMarkdown(format: ColumnFormat, value: number): string {
  return format === 'int' && Number.isInteger(value) ? String(value) : value.toFixed(6);
}

function trimFraction(mantissa: string): string {
  return mantissa.includes('.') ? mantissa.replace(/0+$/, '').replace(/\.$/, '') : mantissa;
}

/** C's `%.17g`: 17 significant digits, round-trip exact, as the CLI writes CSV. */
export function formatG17(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return Object.is(value, -0) ? '-0' : '0';
  const [mantissa = '', exponentText = '0'] = value.toExponential(16).split('e');
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 17) {
    const sign = exponent < 0 ? '-' : '+';
    return `${trimFraction(mantissa)}e${sign}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  return trimFraction(value.toFixed(16 - exponent));
}
