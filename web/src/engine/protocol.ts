// Messages between the page and the sweep worker (engine/worker.ts).
import type { ComputeFail, SweepSeriesResult } from './types';

export type BackgroundRequest =
  | { id: number; kind: 'series'; link: string }
  | { id: number; kind: 'csv'; link: string };

export type CsvResult = { ok: true; blob: Blob; rows: number } | ComputeFail;

export type BackgroundReply =
  | { id: number; kind: 'series'; result: SweepSeriesResult }
  | { id: number; kind: 'csv'; result: CsvResult }
  /** The worker's engine did not load: the page does the work itself from now on. */
  | { id: number; kind: 'broken' };
