// Messages between the page and the background worker (engine/worker.ts).
import type { ComputeResult, ExportFormat, ExportResult, PlanDetailsResult, SweepSeriesResult } from './types';

export type BackgroundRequest =
  | { id: number; kind: 'series'; link: string }
  | { id: number; kind: 'compute'; link: string; tables: string[] }
  | { id: number; kind: 'planDetails'; link: string }
  | { id: number; kind: 'export'; link: string; table: string; format: ExportFormat };

/** The first message: where the page's glue module is (the worker loads the same file). */
export interface WorkerInit {
  kind: 'init';
  glue: string;
}

export type BackgroundReply =
  | { id: number; kind: 'series'; result: SweepSeriesResult }
  | { id: number; kind: 'export'; result: ExportResult }
  | { id: number; kind: 'compute'; result: ComputeResult }
  | { id: number; kind: 'planDetails'; result: PlanDetailsResult }
  /** The worker's engine did not load: the page does the work itself from now on. */
  | { id: number; kind: 'broken' };
