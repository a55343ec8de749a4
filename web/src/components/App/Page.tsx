// The page: header, config panel, errors, the A/B bar, view tabs with their tables and charts
// (sweep, frontier), model notes. Every child that does not depend on the keystroke is memoised,
// so an edit re-renders the field, the visible table or chart and little else.
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { ALL_TABLES, type ComputeOk, type Engine, type Table } from '../../engine';
import { background } from '../../engine/background';
import { strings, type Lang, type TabView } from '../../i18n';
import { resolvedGpuNames } from '../../state/form';
import { useConfig } from '../../state/url';
import { baselineFragment, configChanges, pinnedBase, viewKeys } from '../../state/views';
import { MATCH_COLUMNS } from '../../table/compare';
import { CompareBar } from '../Compare/CompareBar';
import { ConfigPanel } from '../ConfigPanel/ConfigPanel';
import { DataTable, type FilterKey } from '../DataTable/DataTable';
import { ErrorList } from '../ErrorList/ErrorList';
import { FrontierView } from '../FrontierView/FrontierView';
import { Header } from '../Header/Header';
import { Legend } from '../Legend/Legend';
import { memo } from '../memo';
import { ModelNotes } from '../ModelNotes/ModelNotes';
import { PrefillTable } from '../PrefillTable/PrefillTable';
import { SweepView } from '../SweepView/SweepView';
import { Tabs } from '../Tabs/Tabs';

export const TABS: readonly TabView[] = [
  'prefill',
  'decode',
  'leaderboard',
  'maxbatch',
  'sweep',
  'frontier',
];

type TableView = Exclude<TabView, 'sweep'>;

/** View keys with an input on the page while their view is open (errors on them link to it). */
const VIEW_INPUTS: Partial<Record<TabView, readonly string[]>> = {
  sweep: ['sweep', 'metric', 'sweep_bs', 'sweep_ep', 'sweep_group'],
  frontier: ['tps_floor'],
};

const DECODE_FILTERS: readonly FilterKey[] = ['gpu', 'ep', 'tp', 'batch', 'tpsFloor'];
const MAXBATCH_FILTERS: readonly FilterKey[] = ['gpu', 'ep', 'tp'];

const TABLE_IDS: Record<Exclude<TabView, 'prefill' | 'sweep'>, string> = {
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
  const views = useMemo(() => viewKeys(engine.schema), [engine]);
  const fieldKeys = useMemo(
    () =>
      new Set([
        ...engine.schema.filter((f) => f.group !== 'View').map((f) => f.key),
        ...(active ? (VIEW_INPUTS[active] ?? []) : []),
      ]),
    [engine, active],
  );

  // A/B: the baseline's own tables, computed once per baseline.
  const base = good ? baselineFragment(good) : null;
  const baseline = useMemo(
    () => (base === null ? null : engine.compute(`#${base}`, ALL_TABLES)),
    [engine, base],
  );
  const baseOk = baseline?.ok ? baseline : null;
  const changes = useMemo(
    () => (good && baseOk ? configChanges(engine, good, baseOk) : []),
    [engine, good, baseOk],
  );
  const pin = useCallback(() => {
    if (!good) return;
    const value = pinnedBase(good.canonical, views);
    update((f) => {
      f.values.base = value;
    });
  }, [good, views, update]);
  const clear = useCallback(
    () =>
      update((f) => {
        f.values.base = '';
      }),
    [update],
  );

  // The sweep worker compiles its own copy of the wasm (~300 ms of a core): start it when the
  // Sweep tab is pointed at or focused, not while someone types in the tables.
  const prepare = useCallback(
    (v: TabView) => {
      if (v === 'sweep') background(engine);
    },
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
          <CompareBar
            lang={lang}
            pinned={base !== null}
            baseline={baseline}
            changes={changes}
            canPin={good !== null && errors.length === 0}
            onPin={pin}
            onClear={clear}
          />
          <MemoTabs
            tabs={TABS}
            active={active}
            labels={t.tabs}
            label={t.tabsLabel}
            onSelect={setView}
            onPrepare={prepare}
          />
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
                  {v === 'sweep' ? (
                    v === active && (
                      <SweepView
                        engine={engine}
                        good={good}
                        base={base}
                        viewKeys={views}
                        form={form}
                        errors={errors}
                        lang={lang}
                        update={update}
                        colors={colors}
                      />
                    )
                  ) : (
                    <>
                      {v === 'frontier' && v === active && (
                        <FrontierView
                          good={good}
                          baseline={baseOk}
                          floorText={form.values.tps_floor ?? ''}
                          errors={errors}
                          lang={lang}
                          update={update}
                          colors={colors}
                        />
                      )}
                      <PanelTable
                        v={v}
                        good={good}
                        baseline={baseOk}
                        lang={lang}
                        active={v === active}
                        colors={colors}
                      />
                    </>
                  )}
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
  baseline,
  lang,
  active,
  colors,
}: {
  v: TableView;
  good: ComputeOk;
  baseline: ComputeOk | null;
  lang: Lang;
  active: boolean;
  colors: ReadonlyMap<string, number>;
}) {
  const table: Table | undefined = good[v];
  if (!table) return null;
  const baseTable = baseline?.[v] ?? null;
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
          baseline={baseTable}
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
          baseline={baseTable}
          match={MATCH_COLUMNS[v]}
        />
      )}
      <MemoLegend columns={legend} lang={lang} />
    </>
  );
}
