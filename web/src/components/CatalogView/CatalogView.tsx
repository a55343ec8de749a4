// The hardware view: every GPU the tables can use (the catalog and the link's hw= rows) with its
// figures and units, the price the planner uses, warnings for odd figures, and where each GPU's
// figures come from. Rows come from the core (state/catalog.ts); the download is the CLI's.
import type { ColumnInfo, Engine } from '../../engine';
import { formatValue, strings, tr, withUnit, type Lang } from '../../i18n';
import { useCatalog } from '../../state/catalog';
import type { PageApi } from '../../state/page';
import { ExportButtons } from '../ExportButtons/ExportButtons';

interface Props {
  engine: Engine;
  /** The last good link (without '#'). */
  canonical: string;
  lang: Lang;
  api: PageApi;
  colors: ReadonlyMap<string, number>;
}


export function CatalogView({ engine, canonical, lang, api, colors }: Props) {
  const t = strings[lang];
  const { result, columns } = useCatalog(engine, canonical);
  if (!result.ok) return null;
  const rows = result.rows;
  const cell = (c: ColumnInfo, v: string | number | undefined) => {
    if (c.style === 'text') {
      const text = String(v ?? '');
      return <td class="text">{text}</td>;
    }
    const n = Number(v);
    return (
      <td class="num" data-value={String(n)}>
        {formatValue(c, n, lang)}
      </td>
    );
  };
  const warned = rows.filter((r) => String(r.warnings ?? '') !== '');
  return (
    <div class="catalog-view">
      {warned.length > 0 && (
        <section class="fit-notes" id="catalog-warnings" aria-label={t.catalog.warnings}>
          <h3>{t.catalog.warnings}</h3>
          <ul>
            {warned.map((r) => (
              <li key={String(r.GPU)} data-gpu={String(r.GPU)}>
                <strong>{String(r.GPU)}</strong>: {String(r.warnings)}
              </li>
            ))}
          </ul>
        </section>
      )}
      <div class="table-tools">
        <span class="row-count">{t.gpuCount(rows.length)}</span>
        <ExportButtons name="shallowsim-catalog" t={t} text={(format) => api.exportTable('catalog', format)} />
      </div>
      <div class="table-scroll" tabIndex={0} role="region" aria-label={t.catalog.title}>
        <table id="catalog-table" class="data catalog" data-rows={rows.length}>
          <caption class="visually-hidden">{t.catalog.title}</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.name} scope="col" class={c.style === 'text' ? 'text' : 'num'} title={tr(c.meaning, lang)} data-column={c.name}>
                  <span class="name">{c.name === 'GPU' ? 'GPU' : withUnit(c.name, c.unit)}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={String(r.GPU)} class={i % 2 ? 'odd' : undefined} data-gpu={String(r.GPU)} data-warn={r.warnings ? 'true' : undefined}>
                {columns.map((c) =>
                  c.name === 'GPU' ? (
                    <th key={c.name} scope="row" class="gpu" data-gpu-index={colors.get(String(r.GPU))}>
                      {String(r.GPU)}
                      {r.warnings ? (
                        <span class="warn-mark" title={String(r.warnings)}>
                          {' '}
                          ⚠
                        </span>
                      ) : null}
                    </th>
                  ) : (
                    <>{cell(c, r[c.name])}</>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3 class="table-title">{t.catalog.sources}</h3>
      <dl class="catalog-sources" id="catalog-sources">
        {rows.map((r) => (
          <div key={String(r.GPU)} data-gpu={String(r.GPU)}>
            <dt>{String(r.GPU)}</dt>
            <dd>
              {String(r.source) || t.catalog.noSource}
              <span class="muted">
                {' '}
                · {t.catalog.price}: {String(r.price_source)}
              </span>
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
