// Column definitions for a table (the core's column descriptors), in the page language.
import type { ColumnInfo } from '../../engine';
import { strings, tr, type Lang } from '../../i18n';

interface Props {
  columns: readonly ColumnInfo[];
  lang: Lang;
}

export function Legend({ columns, lang }: Props) {
  const t = strings[lang];
  return (
    <details class="legend">
      <summary>{t.legendTitle}</summary>
      <dl>
        {columns.map((c) => (
          <div key={c.name} class="legend-item">
            <dt>
              <code>{c.name}</code>
              {c.unit && <span class="unit">{c.unit}</span>}
            </dt>
            <dd>
              {tr(c.meaning, lang)}
              {c.formula && (
                <>
                  {' '}
                  <code class="formula">= {c.formula}</code>
                </>
              )}
            </dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
