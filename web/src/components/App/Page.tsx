// The page: header, config panel, errors, view tabs with their tables, model notes.
// Every child that does not depend on the keystroke is memoised, so an edit re-renders the
// field, the visible table and little else.
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { ComputeOk, Engine, Table } from '../../engine';
import { strings, type Lang, type TabView } from '../../i18n';
import { resolvedGpuNames } from '../../state/form';
import { useConfig } from '../../state/url';
import { ConfigPanel } from '../ConfigPanel/ConfigPanel';
import { DataTable, type FilterKey } from '../DataTable/DataTable';
import { ErrorList } from '../ErrorList/ErrorList';
import { Header } from '../Header/Header';
import { Legend } from '../Legend/Legend';
import { memo } from '../memo';
import { ModelNotes } from '../ModelNotes/ModelNotes';
import { PrefillTable } from '../PrefillTable/PrefillTable';
import { Tabs } from '../Tabs/Tabs';

export const TABS: readonly TabView[] = ['prefill', 'decode', 'leaderboard', 'maxbatch', 'frontier'];

const DECODE_FILTERS: readonly FilterKey[] = ['gpu', 'ep', 'tp', 'batch', 'tpsFloor'];
const MAXBATCH_FILTERS: readonly FilterKey[] = ['gpu', 'ep', 'tp'];

const TABLE_IDS: Record<Exclude<TabView, 'prefill'>, string> = {
  decode: 'decode-table',
  leaderboard: 'leaderboard-table',
  maxbatch: 'maxbatch-table',
  frontier: 'frontier-table',
};

const MemoHeader = memo(Header);
const MemoTabs = memo(Tabs);
const MemoNotes = memo(ModelNotes);
const MemoLegend = memo(Legend);

function isTab(view: string | undefined): view is TabView {
  return (TABS as readonly string[]).includes(view ?? '');
}

function narrowScreen(win: Window): boolean {
  return typeof win.matchMedia === 'function' && win.matchMedia('(max-width: 60rem)').matches;
}

function numberField(result: ComputeOk, key: string): number {
  const v = result.fields[key];
  return typeof v === 'string' ? Number(v) : NaN;
}

export function Page({ engine, win }: { engine: Engine; win: Window }) {
  const [state, { update, shareUrl }] = useConfig(engine, win);
  const [startOpen] = useState(() => !narrowScreen(win));
  const { form, errors, good } = state;
  const lang: Lang = form.values.lang === 'zh' ? 'zh' : 'en';
  const t = strings[lang];
  const view = form.values.view;
  const active = isTab(view) ? view : null;
  const fieldKeys = useMemo(
    () => new Set(engine.schema.filter((f) => f.group !== 'View').map((f) => f.key)),
    [engine],
  );

  useEffect(() => {
    win.document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    win.document.title = t.docTitle;
  }, [lang, t, win]);

  const setView = useCallback(
    (v: TabView) =>
      update((f) => {
        f.values.view = v;
      }),
    [update],
  );
  const setLang = useCallback(
    (l: Lang) =>
      update((f) => {
        f.values.lang = l;
      }),
    [update],
  );

  const stale = errors.length > 0 && good !== null;
  // Colours follow the GPU (catalog order, then custom rows), not its position in a table.
  const gpuNames = resolvedGpuNames(engine, form).join(',');
  const colors = useMemo(
    () => new Map(gpuNames.split(',').map((name, i) => [name, i % 12] as const)),
    [gpuNames],
  );

  return (
    <div class="page">
      <MemoHeader lang={lang} onLang={setLang} shareUrl={shareUrl} />
      <div class="layout">
        <aside class="side">
          <ConfigPanel
            engine={engine}
            form={form}
            errors={errors}
            lang={lang}
            update={update}
            startOpen={startOpen}
          />
        </aside>
        <main class="main" id="main">
          <ErrorList errors={errors} lang={lang} fieldKeys={fieldKeys} stale={stale} />
          <MemoTabs tabs={TABS} active={active} labels={t.tabs} label={t.tabsLabel} onSelect={setView} />
          {active === null && <p class="notice">{t.otherView(view ?? '')}</p>}
          {good === null ? (
            <p class="notice empty-state">{t.noTables}</p>
          ) : (
            <div class={stale ? 'panels stale' : 'panels'}>
              {TABS.map((v) => (
                <section
                  key={v}
                  id={`panel-${v}`}
                  role="tabpanel"
                  aria-labelledby={`tab-${v}`}
                  hidden={v !== active}
                  class="panel"
                >
                  <p class="intro">{t.tabIntro[v]}</p>
                  <PanelTable v={v} good={good} lang={lang} active={v === active} colors={colors} />
                </section>
              ))}
            </div>
          )}
        </main>
      </div>
      <MemoNotes lang={lang} />
      <footer class="foot">
        <p>{t.footer}</p>
      </footer>
    </div>
  );
}

function PanelTable({
  v,
  good,
  lang,
  active,
  colors,
}: {
  v: TabView;
  good: ComputeOk;
  lang: Lang;
  active: boolean;
  colors: ReadonlyMap<string, number>;
}) {
  const table: Table | undefined = good[v];
  if (!table) return null;
  const legend = (table.columns[0] === 'GPU' && v === 'prefill' ? table.columns.slice(1) : table.columns).join(',');
  return (
    <>
      {v === 'prefill' ? (
        <PrefillTable
          table={table}
          nLayers={numberField(good, 'n_layers')}
          nDense={numberField(good, 'n_dense_layers')}
          lang={lang}
          colors={colors}
        />
      ) : (
        <DataTable
          id={TABLE_IDS[v]}
          name={`shallowsim-${v}`}
          caption={strings[lang].tableCaption[v]}
          table={table}
          lang={lang}
          filterKeys={v === 'maxbatch' ? MAXBATCH_FILTERS : DECODE_FILTERS}
          cues={v !== 'maxbatch'}
          active={active}
          colors={colors}
        />
      )}
      <MemoLegend columns={legend} lang={lang} />
    </>
  );
}
