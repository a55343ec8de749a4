// The background worker: its own instance of the engine computes sweep series, long exports and
// the planner's tables (off the input path),
// so a long sweep (up to 4096 points, ~140 ms for the 12 GPUs) or a 57 MB CSV never blocks
// typing. It loads the glue module the page loaded (the first message says where), so the site
// ships one copy of it.
import type { Engine } from './index';
import type { BackgroundReply, BackgroundRequest, WorkerInit } from './protocol';
import type { ShallowSimModule } from './types';
import { wrap } from './wrap';

interface WorkerScope {
  onmessage: ((e: MessageEvent<BackgroundRequest | WorkerInit>) => void) | null;
  postMessage(message: BackgroundReply, transfer: Transferable[]): void;
}
type Glue = { default: (options?: object) => Promise<ShallowSimModule> };
const scope = self as unknown as WorkerScope;
let engine: Promise<Engine> | undefined;

scope.onmessage = async (e) => {
  const request = e.data;
  if (request.kind === 'init') {
    engine = (import(/* @vite-ignore */ request.glue) as Promise<Glue>)
      .then((glue) => glue.default())
      .then(wrap);
    engine.catch(() => undefined);
    return;
  }
  let sim;
  try {
    if (!engine) throw new Error('no glue');
    sim = await engine;
  } catch {
    scope.postMessage({ id: request.id, kind: 'broken' }, []);
    return;
  }
  if (request.kind === 'series') {
    const result = sim.sweepSeries(request.link);
    const transfer = result.ok
      ? [result.x.buffer, result.eps.buffer, result.y.buffer, result.tp.buffer, result.present.buffer]
      : [];
    scope.postMessage({ id: request.id, kind: 'series', result }, transfer);
  } else if (request.kind === 'compute') {
    scope.postMessage({ id: request.id, kind: 'compute', result: sim.compute(request.link, request.tables) }, []);
  } else if (request.kind === 'planDetails') {
    scope.postMessage({ id: request.id, kind: 'planDetails', result: sim.planDetails(request.link) }, []);
  } else {
    const result = sim.exportTable(request.link, request.table, request.format);
    scope.postMessage({ id: request.id, kind: 'export', result }, []);
  }
};
