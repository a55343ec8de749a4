// The background worker: its own copy of the engine computes sweep series and long exports, so a
// long sweep (up to 4096 points, ~140 ms for the 12 GPUs) or a 57 MB CSV never blocks typing.
import { loadEngine } from './index';
import type { BackgroundReply, BackgroundRequest } from './protocol';

interface WorkerScope {
  onmessage: ((e: MessageEvent<BackgroundRequest>) => void) | null;
  postMessage(message: BackgroundReply, transfer: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;
const engine = loadEngine();

scope.onmessage = async (e) => {
  const request = e.data;
  let sim;
  try {
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
  } else {
    const result = sim.exportTable(request.link, request.table, request.format);
    scope.postMessage({ id: request.id, kind: 'export', result }, []);
  }
};
