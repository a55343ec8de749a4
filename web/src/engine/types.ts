// The JS shapes of wasm/bindings.cpp and of the description the core writes (describe.cpp,
// `shallowsim schema`). Emscripten 3.1.6 cannot emit them; keep them in step with those files.

export interface Bilingual {
  en: string;
  zh: string;
}

export type FieldKind =
  | 'int'
  | 'float'
  | 'bool'
  | 'int_list'
  | 'name_list'
  | 'choice'
  | 'choice_list'
  | 'hw_rows'
  | 'sweep'
  | 'link'
  | 'sort'
  | 'prices';

export interface FieldInfo {
  key: string;
  kind: FieldKind;
  group: string;
  /** The default as link text. */
  default: string;
  min: number;
  max: number;
  min_exclusive: boolean;
  may_be_empty: boolean;
  unit: string;
  help: Bilingual;
  choices: string[];
  sweepable: boolean;
  /** key:from:to:step of the reference notebooks' own sweep of this key, or "". */
  reference_sweep: string;
}

export interface ColumnInfo {
  name: string;
  unit: string;
  style: 'text' | 'integer' | 'decimal' | 'fraction';
  /** `none`: an identity column (never a % change). */
  better: 'none' | 'higher' | 'lower';
  /** Decimals on screen. */
  decimals: number;
  meaning: Bilingual;
  formula: string;
}

export interface TableInfo {
  key: string;
  /** The leading columns on screen, frozen at the left; empty = export order. */
  headline: string[];
  columns: ColumnInfo[];
}

export interface ViewInfo {
  key: string;
  label: Bilingual;
  intro: Bilingual;
  /** The TableInfo key of the table it shows; "" = charts only. */
  table: string;
  caption: Bilingual;
  /** Columns besides GPU that match a row with the baseline's. */
  match: string[];
  /** Shows one best row per key: compares best with best. */
  best: boolean;
  /** View keys whose inputs it shows. */
  inputs: string[];
}

export interface GroupInfo {
  key: string;
  label: Bilingual;
  note: Bilingual;
  in_form: boolean;
  open: boolean;
}

export interface HwFieldInfo {
  key: string;
  unit: string;
  min: number;
  max: number;
  whole: boolean;
  meaning: Bilingual;
}

export interface PrefillLine {
  metric: string;
  label: string;
  layers: 'dense' | 'sparse' | 'none';
  note: Bilingual;
}

export interface Preset {
  name: string;
  /** The picker's group ("DeepSeek", "Qwen3", …). */
  family: string;
  description: string;
  model: Record<string, number | string>;
  /** Derived from the dimensions: parameters (billions) and KV bytes per token at BF16 and FP8. */
  facts: { total_params_b: number; active_params_b: number; kv_bytes_bf16: number; kv_bytes_fp8: number };
}

export type CatalogGpu = { name: string } & Record<string, number | string>;

/** A behaviour of the reference model (docs/QUIRKS.md) and what calibrated mode does instead. */
export interface Quirk {
  id: string;
  text: Bilingual;
  effect: Bilingual;
  corrected: boolean;
  correction: Bilingual;
}

export interface Description {
  version: number;
  limits: {
    link_bytes: number;
    list_items: number;
    hw_rows: number;
    sweep_points: number;
    sweep_tolerance: number;
    gpu_name_chars: number;
    /** The largest config.json the importer reads. */
    model_config_bytes: number;
  };
  languages: { key: string; label: string }[];
  groups: GroupInfo[];
  views: ViewInfo[];
  fields: FieldInfo[];
  hw_fields: HwFieldInfo[];
  tables: TableInfo[];
  prefill_layout: { rows: PrefillLine[]; summary: PrefillLine[] };
  presets: Preset[];
  /** The GPUs of a link without catalog= (the reference's). */
  catalog: CatalogGpu[];
  /** Every catalog version a link may name (catalog=), with its GPUs; the newest last. */
  catalogs: { id: string; about: Bilingual; gpus: CatalogGpu[] }[];
  quirks: Quirk[];
  /** dpa_prefill_ranks: serve_align applies (aggregated attention DP, from 2026-12g). */
  calibrations: { id: string; dpa_prefill_ranks: boolean }[];
  /** The parts a prefill Sum or a decode step splits into (breakdown.h). */
  parts: { key: string; label: Bilingual; meaning: Bilingual }[];
}

/** Row-major numbers; the first column (GPU) is left out of `values` and given by `gpu`. */
export interface Table {
  columns: string[];
  gpus: string[];
  gpu: Int32Array;
  values: Float64Array;
  /** Rows shown (after the link's filters). */
  rows: number;
  /** Rows before the link's filters. */
  total: number;
  /** Prefill and decode-row tables: each row's time by part (Description.parts), ms. */
  parts?: Float64Array;
  /** Text columns besides GPU (NaN in `values`): column name → one string per row. */
  text?: Record<string, string[]>;
  /** Serve: GPUs the benchmark cannot run on, and why. */
  misses?: { gpu: string; message: string }[];
  /**
   * Decode-row and prefill tables: each row's measured error band, % (the median |error| of its
   * regime on published measurements, in the link's mode; NaN where none): shown as ± beside
   * Total and PrefillTPS.
   */
  band?: Float64Array;
}

export interface ConfigError {
  key: string;
  message: string;
}

export interface ComputeFail {
  ok: false;
  errors: ConfigError[];
}

export type Tables = Partial<Record<string, Table>>;

export interface ConfigChange {
  key: string;
  base: string;
  current: string;
}

export type Baseline = ({ ok: true; errors: ConfigError[]; tables: Tables } | ComputeFail) & {
  /** The baseline's config with this link's view keys. */
  link: string;
};

/** Why a selected GPU has no decode row: memory, with the numbers (decode.h FitNote). */
export interface FitNote {
  gpu: string;
  message: string;
  usableGb: number;
  fixedGb: number;
  kvGb: number;
  maxBatch: number;
  memUtilNeeded: number;
  maxContext: number;
}

export interface ComputeOk {
  ok: true;
  errors: ConfigError[];
  /** GPUs whose smallest batch fits at no EP/TP, and why. */
  fit: FitNote[];
  /** What is physically odd about the link's own hw= rows. */
  hwWarnings: { gpu: string; warnings: string[] }[];
  /** The canonical fragment, without '#'. */
  canonical: string;
  gpus: string[];
  tables: Tables;
  baseline: Baseline | null;
  changes: ConfigChange[];
  /** The base= value that pins this config as the baseline. */
  pin: string;
  /** What the link's model is (the model table's columns: Model, Attention, TotalParams_B…). */
  model: Record<string, string | number | null>;
}

export type ComputeResult = ComputeOk | ComputeFail;

export type ExportFormat = 'csv' | 'md' | 'json';
export type ExportResult = { ok: true; errors: ConfigError[]; text: string } | ComputeFail;

/**
 * The sweep chart's data (the link's sweep=, metric=, sweep_bs=, sweep_ep=). With G gpus, E eps
 * and P points: y[((m·G + g)·E + e)·P + p]; tp and present are [(g·E + e)·P + p]. present = 0
 * where the batch does not fit at that point (a gap in the line).
 */
export interface SweepSeriesOk {
  ok: true;
  errors: ConfigError[];
  param: string;
  metrics: string[];
  batch: number;
  x: Float64Array;
  gpus: string[];
  eps: Float64Array;
  y: Float64Array;
  tp: Float64Array;
  present: Uint8Array;
}

export type SweepSeriesResult = SweepSeriesOk | ComputeFail;

export type RealityCell = string | number | null;

export interface RealityStats {
  rows: number;
  /** Median |error| %, per mode. */
  reference: number;
  calibrated: number;
  worstReference: number;
  worstCalibrated: number;
}

/** The reality check: one row object per deployment, keyed by the reality table's columns. */
export type RealityResult =
  | {
      ok: true;
      errors: ConfigError[];
      calibration: string;
      rows: Record<string, RealityCell>[];
      /** Per tier, every row. */
      stats: { A: RealityStats; AB: RealityStats };
      /** Per tier, the rows whose source supplied no constant (in_sample 0): the headline. */
      outOfSample: { A: RealityStats; AB: RealityStats };
    }
  | ComputeFail;

/** What switching one correction of calibrated mode off does to a link's tables. */
export interface CorrectionEffect {
  id: string;
  decodeRows: number;
  decodeChanged: number;
  decodeTotalPct: number;
  prefillGpus: number;
  prefillChanged: number;
  prefillTpsPct: number;
}

export type EffectsResult = { ok: true; errors: ConfigError[]; effects: CorrectionEffect[] } | ComputeFail;

/** A target a GPU's plans all miss, with the closest value reached. */
export interface PlanMiss {
  gpu: string;
  /** ttft_ms, tpot_ms or mem_util. */
  key: string;
  best: number;
  message: string;
}

/** Per GPU, the best output per GPU (and its cost) at each TPS per user, ascending. */
export interface PlanCurve {
  gpu: string;
  tpsUser: Float64Array;
  output: Float64Array;
  usd: Float64Array;
}

/** What the plan view draws besides its table (plan.h). */
export type PlanDetailsResult =
  | {
      ok: true;
      errors: ConfigError[];
      misses: PlanMiss[];
      prices: { gpu: string; usd: number; source: string }[];
      frontier: PlanCurve[];
      /** The P:D ratio of each GPU's best plan (NaN: none) at isl/osl = x, isl + osl held. */
      ratios: { x: Float64Array; gpus: string[]; pd: Float64Array[] };
    }
  | ComputeFail;

/** The resolved catalog: one row object per GPU, keyed by the catalog table's columns. */
export type CatalogResult = { ok: true; errors: ConfigError[]; rows: Record<string, string | number>[] } | ComputeFail;

/** What the link's model is (model_facts.h): one object keyed by the model table's columns. */
export type ModelResult = { ok: true; errors: ConfigError[]; facts: Record<string, string | number | null> } | ComputeFail;

/** A config.json turned into a link (without '#'), or the errors naming the field. */
export type ImportResult = { ok: true; errors: ConfigError[]; link: string } | ComputeFail;

/** The raw embind module. */
export interface ShallowSimModule {
  describe(): string;
  fields(link: string): Record<string, string>;
  edit(link: string, key: string, value: string): string;
  compute(link: string, tables: string[]): ComputeResult;
  exportTable(link: string, table: string, format: string): ExportResult;
  sweepSeries(link: string): SweepSeriesResult;
  reality(link: string): RealityResult;
  effects(link: string): EffectsResult;
  planDetails(link: string): PlanDetailsResult;
  catalog(link: string): CatalogResult;
  model(link: string): ModelResult;
  importModelConfig(link: string, json: string): ImportResult;
}
