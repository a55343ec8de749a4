// The serve view: what an end-to-end serving benchmark would measure. The answer first (the best
// row's throughput per GPU with its measured error band, what sets the rate, and the latencies),
// the benchmark's inputs, the GPUs it cannot run on and why, then the table (one row per GPU and
// serving mode; A/B by GPU and serving mode). The core computes every number.
import type { ComputeOk, ConfigError, Description, FieldInfo, Table, TableInfo, ViewInfo } from '../../engine';
import { formatNumber, strings, type Lang } from '../../i18n';
import type { PageApi } from '../../state/page';
import { cell, gpuName, textCell } from '../../table/cells';
import { ViewInputs } from '../ViewInputs/ViewInputs';
import { DataTable } from '../DataTable/DataTable';
import { MissList } from '../MissList/MissList';
import { CacheNote } from '../CacheNote/CacheNote';
import { AlignNote } from '../CacheNote/AlignNote';

interface Props {
  good: ComputeOk;
  view: ViewInfo;
  info: TableInfo;
  table: Table;
  baseline: Table | null;
  fields: Record<string, string>;
  fieldInfo: readonly FieldInfo[];
  errors: readonly ConfigError[];
  lang: Lang;
  api: PageApi;
  colors: ReadonlyMap<string, number>;
  calibrations: Description['calibrations'];
}

/** The row with the most input + output tokens per GPU, or -1. */
function bestRow(table: Table): number {
  const c = table.columns.indexOf('TotalTPS_per_GPU');
  let best = -1;
  for (let r = 0; r < table.rows; r++) {
    if (best < 0 || cell(table, r, c) > cell(table, best, c)) best = r;
  }
  return best;
}

export function ServeView({
  good,
  view,
  info,
  table,
  baseline,
  fields,
  fieldInfo,
  errors,
  lang,
  api,
  colors,
  calibrations,
}: Props) {
  const s = strings[lang].serve;
  const n = (v: number, d: number) => formatNumber(v, d, lang);
  const value = (r: number, name: string) => cell(table, r, table.columns.indexOf(name));
  const r = bestRow(table);
  return (
    <div class="plan-view serve-view">
      <section class="plan-answer" id="serve-answer" aria-live="polite">
        {r >= 0 ? (
          <>
            <p
              class="answer"
              data-gpu={gpuName(table, r)}
              data-serving={textCell(table, r, 'Serving')}
              data-value={String(value(r, 'TotalTPS_per_GPU'))}
            >
              <strong>
                {s.answer({
                  gpu: gpuName(table, r),
                  serving: textCell(table, r, 'Serving'),
                  gpus: n(value(r, 'GPUs'), 0),
                  concurrency: n(value(r, 'Concurrency'), 0),
                  total: n(value(r, 'TotalTPS_per_GPU'), 0),
                  output: n(value(r, 'OutputTPS_per_GPU'), 0),
                })}
              </strong>{' '}
              <span class="band" data-uncertainty={String(value(r, 'Uncertainty_pct'))}>
                ± {n(value(r, 'Uncertainty_pct'), 0)} %
              </span>
            </p>
            <p>
              {s.latency({
                tps: n(value(r, 'TPS_user'), 1),
                ttft: n(value(r, 'TTFT_ms'), value(r, 'TTFT_ms') < 100 ? 1 : 0),
                tpot: n(value(r, 'TPOT_ms'), 1),
                batch: n(value(r, 'Batch_per_GPU'), 1),
              })}{' '}
              <span data-bound={textCell(table, r, 'Bound')}>{s.bound(textCell(table, r, 'Bound'))}</span>
            </p>
            {value(r, 'Tail_pct') >= 0.05 && (
              <p id="serve-tail" data-tail={String(value(r, 'Tail_pct'))}>
                {s.tail({ prompts: n(Number(fields.num_prompts), 0), pct: n(value(r, 'Tail_pct'), 1) })}
              </p>
            )}
            <CacheNote fields={fields} lang={lang} api={api} id="serve-cache-note" />
            <AlignNote
              fields={fields}
              lang={lang}
              api={api}
              id="serve-align-note"
              calibrations={calibrations}
              dpa={textCell(table, r, 'Serving') === 'agg' && fields.serve_dpa === '1'}
            />
            <p class="hint">{s.band}</p>
          </>
        ) : (
          <p class="answer">{s.none}</p>
        )}
      </section>

      <p class="lengths-note" id="serve-lengths">{strings[lang].lengthsNote}</p>
      <ViewInputs
        id="serve-inputs"
        legend={s.inputs}
        keys={view.inputs}
        fieldInfo={fieldInfo}
        fields={fields}
        errors={errors}
        lang={lang}
        api={api}
      />

      <MissList id="serve-misses" title={s.misses} misses={table.misses ?? []} />

      <DataTable
        view={view}
        info={info}
        table={table}
        fields={fields}
        gpus={good.gpus}
        lang={lang}
        colors={colors}
        baseline={baseline}
        api={api}
      />
    </div>
  );
}
