// Where the time goes: one stacked bar per row (a GPU's prefill, or a decode row), the parts
// the core splits it into (breakdown.h), bar lengths on one scale so rows compare, and a table of
// the totals with their shares. The numbers come from the engine's `parts`.
import type { Description } from '../../engine';
import { formatNumber, tr, type Lang } from '../../i18n';

export interface BreakdownRow {
  /** What the bar is (a GPU, or a GPU with its EP, TP and batch). */
  label: string;
  /** Part times (ms), in Description.parts order. */
  parts: number[];
}

interface Props {
  id: string;
  title: string;
  /** Caption of the total column (e.g. "Sum ms", "step ms"). */
  totalLabel: string;
  describe: Description;
  rows: readonly BreakdownRow[];
  /** The header of the row labels' column. */
  rowLabel: string;
  lang: Lang;
}

export function Breakdown({ id, title, totalLabel, describe, rows, rowLabel, lang }: Props) {
  if (rows.length === 0) return null;
  const parts = describe.parts;
  const totals = rows.map((r) => r.parts.reduce((a, b) => a + b, 0));
  const longest = Math.max(...totals, 0);
  const ms = (v: number) => formatNumber(v, v < 10 ? 3 : v < 1000 ? 2 : 0, lang);
  const pct = (v: number, total: number) => (total > 0 ? `${formatNumber((100 * v) / total, 1, lang)} %` : '—');
  return (
    <section class="breakdown" id={id}>
      <h3 class="table-title">{title}</h3>
      <ul class="breakdown-legend">
        {parts.map((p, i) => (
          <li key={p.key} title={tr(p.meaning, lang)}>
            <span class={`swatch part-${i}`} aria-hidden="true" />
            {tr(p.label, lang)}
          </li>
        ))}
      </ul>
      <div class="breakdown-bars" role="list">
        {rows.map((r, k) => {
          const total = totals[k] ?? 0;
          const dominant = r.parts.indexOf(Math.max(...r.parts));
          return (
            <div class="breakdown-row" role="listitem" key={r.label} data-row={r.label} data-dominant={parts[dominant]?.key}>
              <span class="breakdown-label">{r.label}</span>
              <span class="breakdown-track">
                <span class="breakdown-bar" style={{ width: `${longest > 0 ? (100 * total) / longest : 0}%` }}>
                  {r.parts.map((v, i) =>
                    v > 0 ? (
                      <span
                        key={i}
                        class={`seg part-${i}`}
                        style={{ width: `${(100 * v) / total}%` }}
                        title={`${tr(parts[i]?.label ?? { en: '', zh: '' }, lang)}: ${ms(v)} ms (${pct(v, total)})`}
                      />
                    ) : null,
                  )}
                </span>
              </span>
              <span class="breakdown-total num">{ms(total)} ms</span>
            </div>
          );
        })}
      </div>
      <div class="table-scroll" tabIndex={0} role="region" aria-label={title}>
        <table class="data breakdown-table">
          <caption class="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col" class="text">
                {rowLabel}
              </th>
              {parts.map((p) => (
                <th key={p.key} scope="col" class="num" title={tr(p.meaning, lang)}>
                  {tr(p.label, lang)}
                </th>
              ))}
              <th scope="col" class="num">
                {totalLabel}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, k) => (
              <tr key={r.label} class={k % 2 ? 'odd' : undefined}>
                <th scope="row" class="text">
                  {r.label}
                </th>
                {r.parts.map((v, i) => (
                  <td key={i} class="num" data-value={String(v)}>
                    {ms(v)} <span class="muted">({pct(v, totals[k] ?? 0)})</span>
                  </td>
                ))}
                <td class="num" data-value={String(totals[k])}>
                  {ms(totals[k] ?? 0)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
