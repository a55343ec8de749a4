// Background work: one worker with its own engine computes sweep series and long exports. Where
// Worker is missing (tests under happy-dom) or fails to start, the same work runs on the page's
// engine instead, in a macrotask.
import {
  engineGlueUrl,
  type ComputeResult,
  type Engine,
  type ExportFormat,
  type ExportResult,
  type PlanDetailsResult,
  type SweepSeriesResult,
} from '../engine';
import type { BackgroundReply, BackgroundRequest, WorkerInit } from '../engine/protocol';

export interface Background {
  sweepSeries(link: string): Promise<SweepSeriesResult>;
  exportTable(link: string, table: string, format: ExportFormat): Promise<ExportResult>;
  compute(link: string, tables: readonly string[]): Promise<ComputeResult>;
  planDetails(link: string): Promise<PlanDetailsResult>;
}

type Pending = (reply: BackgroundReply) => void;
type Request = BackgroundRequest extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never;

function onMainThread(engine: Engine): Background {
  const later = <T>(work: () => T) =>
    new Promise<T>((resolve) => setTimeout(() => resolve(work()), 0));
  return {
    sweepSeries: (link) => later(() => engine.sweepSeries(link)),
    exportTable: (link, table, format) => later(() => engine.exportTable(link, table, format)),
    compute: (link, tables) => later(() => engine.compute(link, tables)),
    planDetails: (link) => later(() => engine.planDetails(link)),
  };
}

function run(engine: Background, request: Request): Promise<BackgroundReply> {
  if (request.kind === 'series') {
    return engine.sweepSeries(request.link).then((result) => ({ id: 0, kind: 'series', result }));
  }
  if (request.kind === 'compute') {
    return engine.compute(request.link, request.tables).then((result) => ({ id: 0, kind: 'compute', result }));
  }
  if (request.kind === 'planDetails') {
    return engine.planDetails(request.link).then((result) => ({ id: 0, kind: 'planDetails', result }));
  }
  return engine
    .exportTable(request.link, request.table, request.format)
    .then((result) => ({ id: 0, kind: 'export', result }));
}

function inWorker(engine: Engine, worker: Worker): Background {
  const fallback = onMainThread(engine);
  const pending = new Map<number, { request: Request; done: Pending }>();
  let broken = false;
  let next = 1;
  const rerun = ({ request, done }: { request: Request; done: Pending }) =>
    void run(fallback, request).then(done);
  // The worker could not start or load its engine: everything runs on the page from now on.
  const giveUp = () => {
    broken = true;
    worker.terminate();
    const stuck = [...pending.values()];
    pending.clear();
    stuck.forEach(rerun);
  };
  worker.onmessage = (e: MessageEvent<BackgroundReply>) => {
    if (e.data.kind === 'broken') return giveUp();
    const entry = pending.get(e.data.id);
    pending.delete(e.data.id);
    entry?.done(e.data);
  };
  worker.onerror = (e) => {
    e.preventDefault();
    giveUp();
  };
  const send = (request: Request) =>
    new Promise<BackgroundReply>((done) => {
      if (broken) return rerun({ request, done });
      const id = next++;
      pending.set(id, { request, done });
      worker.postMessage({ ...request, id } as BackgroundRequest);
    });
  return {
    sweepSeries: async (link) => {
      const reply = await send({ kind: 'series', link });
      return (reply as Extract<BackgroundReply, { kind: 'series' }>).result;
    },
    exportTable: async (link, table, format) => {
      const reply = await send({ kind: 'export', link, table, format });
      return (reply as Extract<BackgroundReply, { kind: 'export' }>).result;
    },
    compute: async (link, tables) => {
      const reply = await send({ kind: 'compute', link, tables: [...tables] });
      return (reply as Extract<BackgroundReply, { kind: 'compute' }>).result;
    },
    planDetails: async (link) => {
      const reply = await send({ kind: 'planDetails', link });
      return (reply as Extract<BackgroundReply, { kind: 'planDetails' }>).result;
    },
  };
}

const started = new WeakMap<Engine, Background>();

/** The background engine for a page's engine, started on first use. */
export function background(engine: Engine): Background {
  const known = started.get(engine);
  if (known) return known;
  let worker: Worker | null = null;
  const glue = engineGlueUrl();
  if (typeof Worker !== 'undefined' && glue) {
    try {
      worker = new Worker(new URL('../engine/worker.ts', import.meta.url), { type: 'module' });
      worker.postMessage({ kind: 'init', glue } satisfies WorkerInit);
    } catch {
      worker = null;
    }
  }
  const made = worker ? inWorker(engine, worker) : onMainThread(engine);
  started.set(engine, made);
  return made;
}
