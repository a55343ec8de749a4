// The page's state: the link text (the address bar's fragment) and what follows from it — the
// form's texts, the errors, and the last good result of the tables the open view shows. Edits
// go through the core (engine.edit), which writes every link; only the open view's tables are
// computed, with the baseline's when a base= is pinned.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ComputeOk, ConfigError, Engine, ExportFormat, ExportResult, ViewInfo } from '../engine';
import { background } from './background';
import { FragmentWriter, fragmentOf } from './url';

import type { Lang } from '../i18n';

export type { Lang };

export interface PageState {
  /** The fragment (without '#'): canonical when valid, else as edited. */
  link: string;
  /** Every key's text as the form shows it. */
  fields: Record<string, string>;
  /** Every problem of the link; empty when it is valid. */
  errors: ConfigError[];
  /** The last valid result: the tables on screen (stale while `errors` is non-empty). */
  good: ComputeOk | null;
  /** The form's texts of `good`'s config (the tables' Layers, the Advanced keys that differ). */
  goodFields: Record<string, string> | null;
  /** The view shown: the link's, or the last one when the link names a view this page lacks. */
  view: ViewInfo | null;
  lang: Lang;
  /**
   * A view whose tables the background worker computes (the planner: ~150 ms of wasm, off the
   * input path): the canonical link they are being computed for; `good` holds the previous
   * tables (stale) until they arrive. null when the tables on screen are the link's.
   */
  pending: string | null;
}

/** Views whose tables are computed in the background worker. */
const BACKGROUND_VIEWS = new Set(['plan']);

export interface PageApi {
  /** Sets one key to a form's text. */
  set: (key: string, value: string) => void;
  /** Sets several keys as one edit (one history entry). */
  setMany: (changes: readonly (readonly [string, string])[]) => void;
  /** Every config key back to its default; what is shown (view, sweep, filters…) stays. */
  reset: () => void;
  /** Writes any pending fragment now; returns the page's share URL. */
  shareUrl: () => string;
  /** The pointer or focus is on a view's tab: get its background work ready. */
  prepare: (view: string) => void;
  /** Replaces the model by a Hugging Face config.json; the errors when it cannot. */
  importModelConfig: (json: string) => ConfigError[];
  /** The text the CLI prints for this link and table. */
  exportTable: (table: string, format: ExportFormat) => ExportResult;
}

/** Keys set by a click, not typed: written to the address bar without waiting. */
const DISCRETE_KEYS = new Set(['view', 'lang', 'base']);

/** A new history entry when the user turns to another key or pauses this long. */
const EDIT_PAUSE_MS = 1000;

/** The tables the compute call needs for a view: its own, or none (charts-only views). */
export function tablesFor(view: ViewInfo | null): string[] {
  return view && view.table ? [view.key] : [];
}

function derive(engine: Engine, fragment: string, previous: PageState | null): PageState {
  const link = fragment || `v=${engine.describe.version}`;
  // The core refuses longer links (SPEC §6); the form does not show them either (a megabyte in
  // an input would stall the page).
  const tooLong = link.length > engine.describe.limits.link_bytes;
  // With its '#' (here and for compute and edit), so that a second '#' stays part of the
  // fragment, as in the address bar.
  const fields = engine.fields(tooLong ? `v=${engine.describe.version}` : `#${link}`);
  const views = engine.describe.views;
  // A view this page does not know keeps the one on screen (the errors name the bad value).
  const view = views.find((v) => v.key === fields.view) ?? previous?.view ?? views[0] ?? null;
  const lang: Lang = fields.lang === 'zh' ? 'zh' : 'en';
  const tables = tablesFor(view);
  const offPath = view !== null && BACKGROUND_VIEWS.has(view.key);
  // Validation, the canonical link and everything but the view's tables: on the input path.
  const result = engine.compute(`#${link}`, offPath ? [] : tables);
  if (result.ok && offPath) {
    // The previous tables stay (stale) until the worker's arrive.
    const prev = previous?.good;
    const keep = prev && view && prev.tables[view.key] ? prev : null;
    const good: ComputeOk = { ...result, tables: keep?.tables ?? {}, baseline: keep?.baseline ?? result.baseline };
    return { link: result.canonical, fields, errors: [], good, goodFields: fields, view, lang, pending: result.canonical };
  }
  if (result.ok) {
    return { link: result.canonical, fields, errors: [], good: result, goodFields: fields, view, lang, pending: null };
  }
  // The last good config stays on screen, in the view this link asks for.
  let good = previous?.good ?? null;
  let goodFields = previous?.goodFields ?? null;
  if (good && view && tables.some((t) => !good?.tables[t])) {
    const last = engine.compute(`#${engine.edit(good.canonical, 'view', view.key)}`, tables);
    if (last.ok) {
      good = last;
      goodFields = engine.fields(`#${last.canonical}`);
    }
  }
  return { link, fields, errors: result.errors, good, goodFields, view, lang, pending: null };
}

export function usePage(engine: Engine, win: Window = window): [PageState, PageApi] {
  const [state, setState] = useState(() => derive(engine, fragmentOf(win.location.hash), null));
  const current = useRef(state);
  const writer = useRef<FragmentWriter | null>(null);
  writer.current ??= new FragmentWriter(win);
  const lastEdit = useRef({ key: '', at: -Infinity });

  const show = useCallback(
    (next: PageState, push: boolean) => {
      current.current = next;
      setState(next);
      // An empty fragment means defaults: leave the address bar clean.
      if (win.location.hash || next.link !== `v=${engine.describe.version}`) {
        writer.current?.write(next.link, push);
      }
    },
    [engine, win],
  );

  // The view's tables from the background worker: one request in flight; when it returns, the
  // newest link asked for meanwhile goes next, and a result lands only if it is still wanted.
  const inFlight = useRef(false);
  const fetchPending = useCallback(() => {
    const want = current.current;
    if (inFlight.current || want.pending === null || want.view === null) return;
    inFlight.current = true;
    const link = want.pending;
    void background(engine)
      .compute(`#${link}`, tablesFor(want.view))
      .then((full) => {
        inFlight.current = false;
        const now = current.current;
        if (now.pending === link && full.ok) {
          const next = { ...now, good: full, pending: null };
          current.current = next;
          setState(next);
        }
        fetchPending();
      });
  }, [engine]);
  useEffect(fetchPending, [state.pending, fetchPending]);

  // A layout effect: listening from the first commit, so no hashchange can slip in between.
  useLayoutEffect(() => {
    const w = writer.current;
    if (!w) return;
    if (win.location.hash && current.current.errors.length === 0) w.write(current.current.link);
    const onHashChange = () => {
      const fragment = fragmentOf(win.location.hash);
      // Our own write, announced as a hashchange by some DOMs (happy-dom), or no change at all.
      if (fragment === w.known) return;
      w.navigated(fragment);
      lastEdit.current = { key: '', at: -Infinity };
      show(derive(engine, fragment, current.current), false);
    };
    const onPageHide = () => w.flush();
    win.addEventListener('hashchange', onHashChange);
    win.addEventListener('pagehide', onPageHide);
    return () => {
      w.flush();
      win.removeEventListener('hashchange', onHashChange);
      win.removeEventListener('pagehide', onPageHide);
    };
  }, [engine, win, show]);

  const setMany = useCallback(
    (changes: readonly (readonly [string, string])[]) => {
      const [first] = changes;
      if (!first) return;
      const key = changes.length === 1 ? first[0] : changes.map(([k]) => k).join(',');
      const now = Date.now();
      const push = key !== lastEdit.current.key || now - lastEdit.current.at > EDIT_PAUSE_MS;
      lastEdit.current = { key, at: now };
      let link = current.current.link;
      for (const [k, v] of changes) link = engine.edit(`#${link}`, k, v);
      show(derive(engine, link, current.current), push);
      // A click (another view, language or baseline) lands in the address bar at once: only
      // typing bursts wait for a pause.
      if (changes.some(([k]) => DISCRETE_KEYS.has(k))) writer.current?.flush();
    },
    [engine, show],
  );
  const set = useCallback((key: string, value: string) => setMany([[key, value]]), [setMany]);

  const reset = useCallback(() => {
    const fields = current.current.fields;
    const view = engine.describe.fields.filter((f) => f.group === 'View');
    let link = `v=${engine.describe.version}`;
    for (const f of view) link = engine.edit(link, f.key, fields[f.key] ?? f.default);
    lastEdit.current = { key: '', at: -Infinity };
    show(derive(engine, link, current.current), true);
  }, [engine, show]);

  const shareUrl = useCallback(() => {
    writer.current?.flush();
    return win.location.href;
  }, [win]);

  const exportTable = useCallback(
    (table: string, format: ExportFormat) =>
      // The tables on screen: the last good link's.
      engine.exportTable(`#${current.current.good?.canonical ?? current.current.link}`, table, format),
    [engine],
  );

  // The sweep worker compiles its own copy of the wasm (~300 ms of a core): start it when the
  // Sweep tab is pointed at or focused, not while someone types in the tables.
  const prepare = useCallback(
    (view: string) => {
      if (view === 'sweep') background(engine);
    },
    [engine],
  );

  const importModelConfig = useCallback(
    (json: string): ConfigError[] => {
      // Onto the link on screen when it is valid, else the last good one.
      const state = current.current;
      const base = state.errors.length === 0 ? state.link : (state.good?.canonical ?? state.link);
      const result = engine.importModelConfig(`#${base}`, json);
      if (!result.ok) return result.errors;
      lastEdit.current = { key: '', at: -Infinity };
      show(derive(engine, result.link, state), true);
      return [];
    },
    [engine, show],
  );

  const api = useMemo(
    () => ({ set, setMany, reset, shareUrl, prepare, exportTable, importModelConfig }),
    [set, setMany, reset, shareUrl, prepare, exportTable, importModelConfig],
  );
  return [state, api];
}
