// The one place that loads the wasm. Everything else gets an `Engine` from loadEngine(); it
// passes links in and data out, and knows nothing of views, tables or formats.
import type {
  CatalogResult,
  ComputeResult,
  Description,
  EffectsResult,
  ExportFormat,
  ExportResult,
  ImportResult,
  ModelResult,
  PlanDetailsResult,
  RealityResult,
  SweepSeriesResult,
} from './types';
import { wrap } from './wrap';

export * from './types';

export interface Engine {
  /** What the faces show about the model (read once). */
  readonly describe: Description;
  /** Every key's text as a form shows it, valid link or not (`hw`: a row per line). */
  fields(link: string): Record<string, string>;
  /** The link after setting one key to a form's text: canonical when valid. */
  edit(link: string, key: string, value: string): string;
  compute(link: string, tables: readonly string[]): ComputeResult;
  /** The text `shallowsim <table> LINK --format <format>` prints. */
  exportTable(link: string, table: string, format: ExportFormat): ExportResult;
  /** Only the plotted values of the link's sweep: what the charts draw. */
  sweepSeries(link: string): SweepSeriesResult;
  /** Published deployments against both modes (the link's calibration). */
  reality(link: string): RealityResult;
  /** What each correction of calibrated mode does to the link's tables. */
  effects(link: string): EffectsResult;
  /** The plan's misses, prices, throughput/cost frontier and P:D ratio curve. */
  planDetails(link: string): PlanDetailsResult;
  /** Every GPU the tables can use, with sources and warnings. */
  catalog(link: string): CatalogResult;
  /** What the link's model is: parameters, KV bytes per token, weights. */
  model(link: string): ModelResult;
  /** The link with its model replaced by a Hugging Face config.json. */
  importModelConfig(link: string, json: string): ImportResult;
}

export interface LoadOptions {
  /** The module's bytes; required under Node/Vitest, where the glue cannot fetch file URLs. */
  wasmBinary?: ArrayBuffer | Uint8Array;
}

let cached: Promise<Engine> | undefined;
let glueUrl: string | undefined;

/** The engine, loaded once. The options of the first call win. */
export function loadEngine(options: LoadOptions = {}): Promise<Engine> {
  if (!cached) {
    cached = import('./glue')
      .then((glue) => {
        glueUrl = glue.url;
        return glue.default(options.wasmBinary ? { wasmBinary: options.wasmBinary } : {});
      })
      .then(wrap);
    // A failed load may be retried (e.g. after a flaky network).
    cached.catch(() => {
      cached = undefined;
    });
  }
  return cached;
}

/** The URL of the glue module the page loaded (for the worker), once the engine has loaded. */
export function engineGlueUrl(): string | undefined {
  return glueUrl;
}
