// The JS shapes of wasm/bindings.cpp (emscripten 3.1.6 cannot emit them). Keep in step with it.

export type TableName = 'prefill' | 'decode' | 'leaderboard' | 'maxbatch' | 'frontier';

export const ALL_TABLES: readonly TableName[] = [
  'prefill',
  'decode',
  'leaderboard',
  'maxbatch',
  'frontier',
];

/** Row-major numbers; the first column (GPU) is left out of `values` and given by `gpu`. */
export interface Table {
  columns: string[];
  gpus: string[];
  gpu: Int32Array;
  values: Float64Array;
  rows: number;
}

export interface ConfigError {
  key: string;
  message: string;
}

/** NAME then the 10 numeric hw fields (see hwFields()). */
export type HwRow = [string, ...number[]];

export interface ComputeOk {
  ok: true;
  errors: ConfigError[];
  /** The canonical fragment, without '#'. */
  canonical: string;
  /** Every schema key's value as link text; `hw` holds the rows. */
  fields: { hw: HwRow[]; [key: string]: string | HwRow[] };
  gpus: string[];
  prefill?: Table;
  decode?: Table;
  leaderboard?: Table;
  maxbatch?: Table;
  frontier?: Table;
}

export interface ComputeFail {
  ok: false;
  errors: ConfigError[];
}

export type ComputeResult = ComputeOk | ComputeFail;

export interface SweepOk {
  ok: true;
  errors: ConfigError[];
  param: string;
  index: Float64Array;
  table: Table;
}

export type SweepResult = SweepOk | ComputeFail;

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
  | 'link';

export type FieldGroup = 'Scenario' | 'Model' | 'Hardware' | 'Advanced' | 'View';

export interface SchemaField {
  key: string;
  kind: FieldKind;
  group: FieldGroup;
  /** The default as link text. */
  default: string;
  min: number;
  max: number;
  minExclusive: boolean;
  unit: string;
  help: { en: string; zh: string };
  choices: string[];
}

export interface Preset {
  name: string;
  description: string;
  model: Record<string, number>;
}

/** The raw embind module. */
export interface ShallowSimModule {
  compute(link: string, tables: string[]): ComputeResult;
  sweep(link: string): SweepResult;
  sweepSeries(link: string): SweepSeriesResult;
  schema(): SchemaField[];
  catalog(): HwRow[];
  presets(): Preset[];
  hwFields(): string[];
  linkVersion: number;
}
