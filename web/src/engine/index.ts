// The one place that loads the wasm. Everything else gets an `Engine` from loadEngine().
import createShallowSim from './generated/shallowsim.js';
import type {
  ComputeResult,
  HwRow,
  Preset,
  SchemaField,
  ShallowSimModule,
  SweepResult,
  SweepSeriesResult,
  TableName,
} from './types';

export * from './types';

export interface Engine {
  compute(link: string, tables: readonly TableName[]): ComputeResult;
  /** The full sweep table (best row per GPU × batch × EP at each point): big, for export. */
  sweep(link: string): SweepResult;
  /** Only the plotted values of the sweep: what the charts draw. */
  sweepSeries(link: string): SweepSeriesResult;
  /** Static tables, read once. */
  readonly schema: readonly SchemaField[];
  readonly catalog: readonly HwRow[];
  readonly presets: readonly Preset[];
  readonly hwFields: readonly string[];
  readonly linkVersion: number;
}

export interface LoadOptions {
  /** The module's bytes; required under Node/Vitest, where the glue cannot fetch file URLs. */
  wasmBinary?: ArrayBuffer | Uint8Array;
}

let cached: Promise<Engine> | undefined;

/** The engine, loaded once. The options of the first call win. */
export function loadEngine(options: LoadOptions = {}): Promise<Engine> {
  if (!cached) {
    cached = createShallowSim(options.wasmBinary ? { wasmBinary: options.wasmBinary } : {}).then(
      wrap,
    );
    // A failed load may be retried (e.g. after a flaky network).
    cached.catch(() => {
      cached = undefined;
    });
  }
  return cached;
}

function wrap(module: ShallowSimModule): Engine {
  return {
    compute: (link, tables) => module.compute(link, [...tables]),
    sweep: (link) => module.sweep(link),
    sweepSeries: (link) => module.sweepSeries(link),
    schema: module.schema(),
    catalog: module.catalog(),
    presets: module.presets(),
    hwFields: module.hwFields(),
    linkVersion: module.linkVersion,
  };
}
