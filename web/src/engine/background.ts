// Sweeps off the main thread: one worker with its own engine. Where Worker is missing (tests
// under happy-dom) or fails to start, the same work runs on the page's engine instead.
import type { Engine } from './index';
import type { BackgroundReply, BackgroundRequest, CsvResult } from './protocol';
import { sweepCsv } from './sweepWork';
import type { SweepSeriesResult } from './types';

export interface Background {
  sweepSeries(link: string): Promise<SweepSeriesResult>;
  sweepCsv(link: string): Promise<CsvResult>;
}

type Pending = (reply: BackgroundReply) => void;

function onMainThread(engine: Engine): Background {
  // A macrotask, so a caller's render is not stretched by the work.
  const later = <T>(work: () => T) =>
    new Promise<T>((resolve) => setTimeout(() => resolve(work()), 0));
  return {
    sweepSeries: (link) => later(() => engine.sweepSeries(link)),
    sweepCsv: (link) => later(() => sweepCsv(engine, link)),
  };
}

function inWorker(engine: Engine, worker: Worker): Background {
  const fallback = onMainThread(engine);
  const pending = new Map<number, { request: BackgroundRequest; done: Pending }>();
  let broken = false;
  let next = 1;
  const rerun = ({ request, done }: { request: BackgroundRequest; done: Pending }) => {
    const { id, kind, link } = request;
    if (kind === 'series') {
      void fallback.sweepSeries(link).then((result) => done({ id, kind, result }));
    } else {
      void fallback.sweepCsv(link).then((result) => done({ id, kind, result }));
    }
  };
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
  const send = (request: BackgroundRequest) =>
    new Promise<BackgroundReply>((done) => {
      if (broken) return rerun({ request, done });
      pending.set(request.id, { request, done });
      worker.postMessage(request);
    });
  return {
    sweepSeries: async (link) => {
      const reply = await send({ id: next++, kind: 'series', link });
      return (reply as Extract<BackgroundReply, { kind: 'series' }>).result;
    },
    sweepCsv: async (link) => {
      const reply = await send({ id: next++, kind: 'csv', link });
      return (reply as Extract<BackgroundReply, { kind: 'csv' }>).result;
    },
  };
}

let cached: Background | undefined;

/** The page's background engine, started on first use. */
export function background(engine: Engine): Background {
  if (cached) return cached;
  let worker: Worker | null = null;
  if (typeof Worker !== 'undefined') {
    try {
      worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    } catch {
      worker = null;
    }
  }
  cached = worker ? inWorker(engine, worker) : onMainThread(engine);
  return cached;
}
