// The sweep figure from the engine's series: panels (per GPU or per EP, one per metric) and their
// lines, with a gap (null) wherever the batch does not fit. Pure: tested without a canvas.
import type { SweepSeriesOk } from '../engine';
import type { ColorSlot } from './theme';

export type SweepGroup = 'gpu' | 'ep';

export interface ChartLine {
  label: string;
  color: ColorSlot;
  /** The baseline's line, drawn dashed. */
  dashed: boolean;
  y: (number | null)[];
  /** The decode TP of the best row at each point. */
  tp: (number | null)[];
  /** Points after which the line ends because the batch no longer fits (memory). */
  stops: number[];
}

export interface SweepPanel {
  id: string;
  /** The GPU name (per-GPU panels) or the EP (per-EP panels). */
  group: string;
  metric: string;
  title: string;
  lines: ChartLine[];
}

export interface SweepFigure {
  param: string;
  metrics: string[];
  batch: number;
  group: SweepGroup;
  x: number[];
  panels: SweepPanel[];
  /** Whether the baseline's lines are in the panels. */
  compared: boolean;
}

export interface SweepLabels {
  /** A baseline line's legend label from the current line's. */
  base: (label: string) => string;
  ep: (ep: number) => string;
}

/** One line: metric m, GPU g, EP e of a series. */
function lineOf(s: SweepSeriesOk, m: number, g: number, e: number): Pick<ChartLine, 'y' | 'tp' | 'stops'> {
  const P = s.x.length;
  const G = s.gpus.length;
  const E = s.eps.length;
  const yAt = ((m * G + g) * E + e) * P;
  const at = (g * E + e) * P;
  const y: (number | null)[] = new Array(P);
  const tp: (number | null)[] = new Array(P);
  for (let p = 0; p < P; p++) {
    const here = s.present[at + p] === 1;
    y[p] = here ? (s.y[yAt + p] ?? null) : null;
    tp[p] = here ? (s.tp[at + p] ?? null) : null;
  }
  const stops: number[] = [];
  for (let p = 0; p + 1 < P; p++) {
    if (s.present[at + p] === 1 && s.present[at + p + 1] !== 1) stops.push(p);
  }
  return { y, tp, stops };
}

function sameX(a: Float64Array, b: Float64Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

export function sweepFigure(
  s: SweepSeriesOk,
  base: SweepSeriesOk | null,
  group: SweepGroup,
  gpuSlots: ReadonlyMap<string, number>,
  labels: SweepLabels,
): SweepFigure {
  const compared = base !== null && sameX(s.x, base.x);
  const eps = [...s.eps];
  const slotOf = (gpu: string, g: number): ColorSlot => ({ kind: 'gpu', index: gpuSlots.get(gpu) ?? g });
  const panels: SweepPanel[] = [];
  const withBase = (
    m: number,
    metric: string,
    pairs: { g: number; e: number; label: string; color: ColorSlot }[],
  ): ChartLine[] => {
    const lines: ChartLine[] = pairs.map(({ g, e, label, color }) => ({
      label,
      color,
      dashed: false,
      ...lineOf(s, m, g, e),
    }));
    if (!compared || !base) return lines;
    const bm = base.metrics.indexOf(metric);
    if (bm < 0) return lines;
    for (const { g, e, label, color } of pairs) {
      const bg = base.gpus.indexOf(s.gpus[g] ?? '');
      const be = [...base.eps].indexOf(eps[e] ?? NaN);
      if (bg < 0 || be < 0) continue;
      lines.push({ label: labels.base(label), color, dashed: true, ...lineOf(base, bm, bg, be) });
    }
    return lines;
  };

  if (group === 'gpu') {
    s.gpus.forEach((gpu, g) => {
      s.metrics.forEach((metric, m) => {
        const pairs = eps.map((ep, e) => ({
          g,
          e,
          label: labels.ep(ep),
          color: { kind: 'series', index: e } as ColorSlot,
        }));
        panels.push({
          id: `${gpu}|${metric}`,
          group: gpu,
          metric,
          title: `${gpu} (${metric})`,
          lines: withBase(m, metric, pairs),
        });
      });
    });
  } else {
    eps.forEach((ep, e) => {
      s.metrics.forEach((metric, m) => {
        const pairs = s.gpus.map((gpu, g) => ({ g, e, label: gpu, color: slotOf(gpu, g) }));
        panels.push({
          id: `${ep}|${metric}`,
          group: String(ep),
          metric,
          title: `${labels.ep(ep)} (${metric})`,
          lines: withBase(m, metric, pairs),
        });
      });
    });
  }
  return {
    param: s.param,
    metrics: [...s.metrics],
    batch: s.batch,
    group,
    x: [...s.x],
    panels,
    compared,
  };
}
