// The page: header, config panel, errors, the A/B bar, view tabs with the open view's table or
// charts, model notes. State lives in state/usePage; components render it and raise edits.
// Every child that does not depend on the keystroke is memoised.
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { Engine, Table } from '../../engine';
import { strings, tr } from '../../i18n';
import { changedKeys, gpuNames } from '../../state/form';
import { usePage } from '../../state/page';
import { CompareBar } from '../Compare/CompareBar';
import { ConfigPanel } from '../ConfigPanel/ConfigPanel';
import { DataTable } from '../DataTable/DataTable';
import { firstRowBars, prefillBars } from '../../table/parts';
import { Breakdown } from '../Breakdown/Breakdown';
import { CatalogView } from '../CatalogView/CatalogView';
import { ErrorList } from '../ErrorList/ErrorList';
import { FitNotes } from '../FitNotes/FitNotes';
import { FrontierView } from '../FrontierView/FrontierView';
import { Header } from '../Header/Header';
import { Legend } from '../Legend/Legend';
import { memo } from '../memo';
import { ModelNotes } from '../ModelNotes/ModelNotes';
import { ServeView } from '../ServeView/ServeView';
import { PlanView } from '../PlanView/PlanView';
import { PrefillTable } from '../PrefillTable/PrefillTable';
import { RealityView } from '../RealityView/RealityView';
import { useCorrectionEffects } from '../../state/reality';
import { SweepView } from '../SweepView/SweepView';
import { Tabs } from '../Tabs/Tabs';

const MemoHeader = memo(Header);
/** The views whose rows are decode rows: a GPU whose smallest batch does not fit is missing. */
const NO_WARNINGS: readonly { gpu: string; warnings: string[] }[] = [];
const FIT_VIEWS = new Set(['decode', 'leaderboard', 'frontier', 'maxbatch', 'sweep']);
const MemoTabs = memo(Tabs);
const MemoNotes = memo(ModelNotes);
const MemoLegend = memo(Legend);

function narrowScreen(win: Window): boolean {
  return typeof win.matchMedia === 'function' && win.matchMedia('(max-width: 60rem)').matches;
}

export function Page({ engine, win }: { engine: Engine; win: Window }) {
  const [state, api] = usePage(engine, win);
  const { describe } = engine;
  const [startOpen] = useState(() => !narrowScreen(win));
  const { fields, errors, good, goodFields, view, lang, pending } = state;
  const t = strings[lang];
  const fieldKeys = useMemo(
    () =>
      new Set([
        ...describe.fields.filter((f) => f.group !== 'View').map((f) => f.key),
        ...(view?.inputs ?? []),
      ]),
    [describe, view],
  );

  useEffect(() => {
    win.document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    win.document.title = t.docTitle;
  }, [lang, t, win]);

  const setView = useCallback((v: string) => api.set('view', v), [api]);
  const setLang = useCallback((l: string) => api.set('lang', l), [api]);

  const stale = errors.length > 0 && good !== null;
  // Colours follow the GPU (catalog order, then custom rows), not its position in a table.
  const names = gpuNames(describe, fields).join(',');
  const colors = useMemo(
    () => new Map(names.split(',').map((name, i) => [name, i % 12] as const)),
    [names],
  );
  // The tables on screen are the last good config's: so is their Layers column (goodFields, not
  // the form's text, which may be invalid meanwhile).
  const effects = useCorrectionEffects(engine);
  // Views built on decode rows say why a GPU has none, and which Advanced settings differ.
  const advanced = useMemo(() => (goodFields ? changedKeys(describe, goodFields, 'Advanced') : []), [describe, goodFields]);
  // The header names what computes the numbers: the model preset and the mode.
  const preset = describe.presets.find((p) => p.name === fields.model)?.description ?? fields.model ?? '';
  const mode = fields.mode === 'calibrated' ? t.mode.calibrated(fields.cal || (describe.calibrations.at(-1)?.id ?? '')) : t.mode.reference;
  const baseline = good?.baseline ?? null;
  const tableInfo = view ? describe.tables.find((x) => x.key === view.table) : undefined;
  const table: Table | undefined = view && good ? good.tables[view.key] : undefined;
  const baseTable = (view && baseline?.ok ? baseline.tables[view.key] : null) ?? null;

  return (
    <div class="page">
      {/* The view tabs are the first stop past the form's 70-odd fields; not a '#' link: the
          fragment is the config. */}
      <button
        type="button"
        class="skip-link"
        id="skip-link"
        onClick={() => document.getElementById(`tab-${view?.key ?? describe.views[0]?.key ?? ''}`)?.focus()}
      >
        {t.skipToViews}
      </button>
      <MemoHeader
        lang={lang}
        languages={describe.languages}
        model={`${preset} · ${mode}`}
        onLang={setLang}
        shareUrl={api.shareUrl}
      />
      <div class="layout">
        <aside class="side">
          <ConfigPanel
            describe={describe}
            fields={fields}
            errors={errors}
            lang={lang}
            api={api}
            startOpen={startOpen}
            hwWarnings={good?.hwWarnings ?? NO_WARNINGS}
            modelFacts={good?.model ?? null}
          />
        </aside>
        <main class="main" id="main">
          <ErrorList errors={errors} lang={lang} fieldKeys={fieldKeys} stale={stale} />
          <CompareBar
            lang={lang}
            pinned={fields.base !== ''}
            baseline={baseline}
            changes={good?.changes ?? []}
            canPin={good !== null && errors.length === 0}
            onPin={() => good && api.set('base', good.pin)}
            onClear={() => api.set('base', '')}
          />
          <MemoTabs
            views={describe.views}
            active={view?.key ?? null}
            lang={lang}
            label={t.tabsLabel}
            onSelect={setView}
            onPrepare={api.prepare}
            panels={good !== null}
          />
          {!describe.views.some((v) => v.key === fields.view) && (
            <p class="notice">{t.otherView(fields.view ?? '')}</p>
          )}
          {good === null ? (
            <p class="notice empty-state">{t.noTables}</p>
          ) : (
            <div class={stale ? 'panels stale' : 'panels'}>
              {describe.views.map((v) => (
                <section
                  key={v.key}
                  id={`panel-${v.key}`}
                  role="tabpanel"
                  aria-labelledby={`tab-${v.key}`}
                  hidden={v.key !== view?.key}
                  class="panel"
                >
                  {v.key === view?.key && (
                    <>
                      <p class="intro">{tr(v.intro, lang)}</p>
                      {FIT_VIEWS.has(v.key) && <FitNotes notes={good.fit} changed={advanced} lang={lang} />}
                      {v.key === 'sweep' && (
                        <SweepView
                          engine={engine}
                          good={good}
                          fields={fields}
                          errors={errors}
                          lang={lang}
                          api={api}
                          colors={colors}
                        />
                      )}
                      {v.key === 'reality' && (
                        <RealityView engine={engine} cal={fields.cal ?? ''} lang={lang} api={api} />
                      )}
                      {v.key === 'frontier' && table && (
                        <FrontierView
                          table={table}
                          baseline={baseTable}
                          floorText={fields.tps_floor ?? ''}
                          errors={errors}
                          lang={lang}
                          api={api}
                          colors={colors}
                        />
                      )}
                      {table && tableInfo && v.key === 'prefill' && (
                        <PrefillTable
                          describe={describe}
                          table={table}
                          nLayers={Number(goodFields?.n_layers)}
                          nDense={Number(goodFields?.n_dense_layers)}
                          lang={lang}
                          colors={colors}
                          baseline={baseTable}
                          api={api}
                        />
                      )}
                      {v.key === 'catalog' && (
                        <CatalogView engine={engine} canonical={good.canonical} lang={lang} api={api} colors={colors} />
                      )}
                      {v.key === 'plan' && tableInfo && (
                        <PlanView
                          engine={engine}
                          good={good}
                          busy={pending !== null}
                          baseline={baseTable}
                          view={v}
                          info={tableInfo}
                          fields={fields}
                          errors={errors}
                          lang={lang}
                          api={api}
                          colors={colors}
                        />
                      )}
                      {v.key === 'serve' && table && tableInfo && (
                        <ServeView
                          good={good}
                          view={v}
                          info={tableInfo}
                          table={table}
                          baseline={baseTable}
                          fields={fields}
                          fieldInfo={describe.fields}
                          errors={errors}
                          lang={lang}
                          api={api}
                          colors={colors}
                          calibrations={describe.calibrations}
                        />
                      )}
                      {table && tableInfo && !['prefill', 'reality', 'plan', 'catalog', 'serve'].includes(v.key) && (
                        <DataTable
                          view={v}
                          info={tableInfo}
                          table={table}
                          fields={fields}
                          gpus={good.gpus}
                          floorInput={v.key !== 'frontier'}
                          virtualColumns={v.key === 'decode' || v.key === 'leaderboard'}
                          empty={good.fit.length > 0 ? t.fit.nothingFits : undefined}
                          lang={lang}
                          colors={colors}
                          baseline={baseTable}
                          api={api}
                        />
                      )}
                      {table && v.key === 'prefill' && (
                        <Breakdown
                          id="prefill-breakdown"
                          title={t.breakdown.prefill}
                          totalLabel={t.breakdown.sum}
                          describe={describe}
                          rows={prefillBars(table, describe.parts.length)}
                          rowLabel="GPU"
                          lang={lang}
                        />
                      )}
                      {table && (v.key === 'decode' || v.key === 'leaderboard') && (
                        <Breakdown
                          id="decode-breakdown"
                          title={t.breakdown.decode}
                          totalLabel={t.breakdown.step}
                          describe={describe}
                          rows={firstRowBars(table, describe.parts.length)}
                          rowLabel={t.breakdown.row}
                          lang={lang}
                        />
                      )}
                      {tableInfo && <MemoLegend columns={tableInfo.columns} lang={lang} />}
                    </>
                  )}
                </section>
              ))}
            </div>
          )}
        </main>
      </div>
      <MemoNotes quirks={describe.quirks} effects={effects} lang={lang} />
      <footer class="foot">
        <p>{t.footer}</p>
      </footer>
    </div>
  );
}
