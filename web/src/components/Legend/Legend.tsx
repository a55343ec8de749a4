// Column definitions for a table (from the seed document), in the page language.
import { columnDocs, strings, type Lang } from '../../i18n';

interface Props {
  /** Column names, comma-separated (a string, so memoised parents compare it cheaply). */
  columns: string;
  lang: Lang;
}

export function Legend({ columns, lang }: Props) {
  const t = strings[lang];
  return (
    <details class="legend">
      <summary>{t.legendTitle}</summary>
      <dl>
        {columns.split(',').map((c) => {
          const doc = columnDocs[c];
          if (!doc) return null;
          return (
            <div key={c} class="legend-item">
              <dt>
                <code>{c}</code>
                {doc.unit && <span class="unit">{doc.unit}</span>}
              </dt>
              <dd>
                {doc.text[lang]}
                {doc.formula && (
                  <>
                    {' '}
                    <code class="formula">= {doc.formula}</code>
                  </>
                )}
              </dd>
            </div>
          );
        })}
      </dl>
    </details>
  );
}
