// uPlot behind one function: a line chart on a shared x, coloured from the stylesheet (so it
// follows light/dark), no zoom (chart state lives in the link), and a hover callback. Loaded on
// demand: only the sweep and frontier views draw.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { colorOf, theme, type ColorSlot } from './theme';

export interface PlotLine {
  label: string;
  color: ColorSlot;
  dashed: boolean;
  y: readonly (number | null)[];
  /** 'points': markers only (a scatter); default: a line. */
  style?: 'line' | 'points';
  /** Indexes where the line ends for memory: drawn as a cross. */
  stops?: readonly number[];
}

export interface PlotSpec {
  xLabel: string;
  yLabel: string;
  x: readonly number[];
  lines: readonly PlotLine[];
  width: number;
  height: number;
  /** 'index': the hovered x for every line; 'nearest': the one point nearest the pointer. */
  hover: 'index' | 'nearest';
  /** Markers on every point (few points, as on the frontier). */
  points: boolean;
  /** Charts with the same key share the hovered x. */
  sync: string | null;
  /** Logarithmic x and y axes. */
  log?: boolean;
}

export interface Hit {
  idx: number;
  /** The hovered line (index into spec.lines) in 'nearest' mode. */
  line: number | null;
}

export interface PlotHooks {
  onHover: (hit: Hit | null) => void;
  /** A vertical marker at this x, with the region left of it shaded (the TPS floor). */
  vline: () => number | null;
}

export type Plot = uPlot;

const NEAREST_PX = 28;

function fontOf(size: number, weight = ''): string {
  return `${weight}${weight ? ' ' : ''}${size}px ${theme().font}`;
}

function data(spec: Pick<PlotSpec, 'x' | 'lines'>): uPlot.AlignedData {
  return [spec.x as number[], ...spec.lines.map((l) => l.y as (number | null)[])];
}

function nearest(u: uPlot, spec: PlotSpec): Hit | null {
  const { left, top } = u.cursor;
  if (left === undefined || top === undefined || left < 0 || top < 0) return null;
  let best: Hit | null = null;
  let bestD = NEAREST_PX * NEAREST_PX;
  spec.lines.forEach((line, i) => {
    if (!u.series[i + 1]?.show) return;
    line.y.forEach((y, idx) => {
      if (y === null) return;
      const dx = u.valToPos(spec.x[idx] ?? NaN, 'x') - left;
      const dy = u.valToPos(y, 'y') - top;
      const d = dx * dx + dy * dy;
      if (d < bestD) {
        bestD = d;
        best = { idx, line: i };
      }
    });
  });
  return best;
}

/** A log axis from the decade below the data to the decade above. */
function decades(min: number, max: number): [number, number] {
  return [10 ** Math.floor(Math.log10(min)), 10 ** Math.ceil(Math.log10(max))];
}

function axis(label: string, size: number): uPlot.Axis {
  const t = () => theme();
  return {
    label,
    size,
    font: fontOf(11),
    labelFont: fontOf(12),
    labelSize: 20,
    stroke: () => t().muted,
    grid: { stroke: () => t().grid, width: 1 },
    ticks: { stroke: () => t().grid, width: 1, size: 4 },
  };
}

export function createPlot(target: HTMLElement, spec: PlotSpec, hooks: PlotHooks): uPlot {
  let marker: HTMLDivElement | null = null;
  let last = '';
  const report = (hit: Hit | null) => {
    const key = hit ? `${hit.idx}:${hit.line}` : '';
    if (key === last) return;
    last = key;
    hooks.onHover(hit);
  };
  const options: uPlot.Options = {
    width: spec.width,
    height: spec.height,
    legend: { show: false },
    cursor: {
      drag: { x: false, y: false, setScale: false },
      points: { show: spec.hover === 'index', size: 7 },
      // The hovered x is what matters on a sweep; on the frontier, the point under the pointer.
      ...(spec.hover === 'nearest' ? { x: true, y: true } : { y: false }),
      ...(spec.sync ? { sync: { key: spec.sync } } : {}),
    },
    scales: {
      x: {
        time: false,
        ...(spec.log ? { distr: 3 } : {}),
        range: (_u, min, max) => {
          if (spec.log) return decades(min, max);
          const v = hooks.vline();
          const hi = v !== null && v > max ? v : max;
          const lo = v !== null && v < min ? v : min;
          if (spec.hover === 'index') return [lo, hi];
          const pad = (hi - lo) * 0.03 || 1;
          return [Math.max(0, lo - pad), hi + pad];
        },
      },
      ...(spec.log ? { y: { distr: 3, range: (_u, min, max) => decades(min, max) } } : {}),
    },
    axes: [axis(spec.xLabel, 34), axis(spec.yLabel, 58)],
    series: [
      {},
      ...spec.lines.map(
        (line): uPlot.Series => ({
          label: line.label,
          stroke: () => colorOf(theme(), line.color),
          width: line.dashed ? 1.25 : 1.6,
          ...(line.dashed ? { dash: [6, 4] } : {}),
          spanGaps: spec.hover === 'nearest',
          ...(line.style === 'points' ? { paths: () => null } : {}),
          points:
            spec.points || line.style === 'points'
              ? {
                  show: true,
                  size: line.style === 'points' ? 8 : line.dashed ? 4 : 5,
                  fill: () => colorOf(theme(), line.color),
                }
              : { show: false },
        }),
      ),
    ],
    hooks: {
      setCursor: [
        (u) => {
          if (spec.hover === 'index') {
            const idx = u.cursor.idx;
            const off = idx === null || idx === undefined || (u.cursor.left ?? -1) < 0;
            report(off ? null : { idx, line: null });
            return;
          }
          const hit = nearest(u, spec);
          report(hit);
          if (!marker) return;
          if (!hit || hit.line === null) {
            marker.hidden = true;
            return;
          }
          const line = spec.lines[hit.line];
          const x = u.valToPos(spec.x[hit.idx] ?? NaN, 'x');
          const y = u.valToPos(line?.y[hit.idx] ?? NaN, 'y');
          marker.hidden = false;
          marker.style.transform = `translate(${x}px, ${y}px)`;
          marker.style.borderColor = line ? colorOf(theme(), line.color) : '';
        },
      ],
      draw: [
        (u) => {
          // A cross where a line ends because the batch no longer fits.
          const { ctx } = u;
          const r = 4 * uPlot.pxRatio;
          ctx.save();
          ctx.lineWidth = 1.8 * uPlot.pxRatio;
          spec.lines.forEach((line, i) => {
            if (!line.stops?.length || u.series[i + 1]?.show === false) return;
            ctx.strokeStyle = colorOf(theme(), line.color);
            for (const idx of line.stops) {
              const yv = line.y[idx];
              const xv = spec.x[idx];
              if (yv === null || yv === undefined || xv === undefined) continue;
              const px = u.valToPos(xv, 'x', true);
              const py = u.valToPos(yv, 'y', true);
              ctx.beginPath();
              ctx.moveTo(px - r, py - r);
              ctx.lineTo(px + r, py + r);
              ctx.moveTo(px + r, py - r);
              ctx.lineTo(px - r, py + r);
              ctx.stroke();
            }
          });
          ctx.restore();
        },
        (u) => {
          const v = hooks.vline();
          if (v === null || v <= 0) return;
          const { ctx, bbox } = u;
          const px = Math.round(u.valToPos(v, 'x', true));
          const t = theme();
          ctx.save();
          ctx.globalAlpha = 0.08;
          ctx.fillStyle = t.fg;
          ctx.fillRect(bbox.left, bbox.top, Math.max(0, px - bbox.left), bbox.height);
          ctx.globalAlpha = 1;
          ctx.strokeStyle = t.accent;
          ctx.lineWidth = 1.5 * uPlot.pxRatio;
          ctx.setLineDash([4 * uPlot.pxRatio, 3 * uPlot.pxRatio]);
          ctx.beginPath();
          ctx.moveTo(px, bbox.top);
          ctx.lineTo(px, bbox.top + bbox.height);
          ctx.stroke();
          ctx.restore();
        },
      ],
    },
  };
  const u = new uPlot(options, data(spec), target);
  if (spec.hover === 'nearest') {
    marker = document.createElement('div');
    marker.className = 'plot-marker';
    marker.hidden = true;
    u.over.append(marker);
    u.over.addEventListener('mouseleave', () => {
      if (marker) marker.hidden = true;
      report(null);
    });
  }
  return u;
}

export function updatePlot(u: uPlot, spec: Pick<PlotSpec, 'x' | 'lines'>): void {
  u.setData(data(spec));
}

export function resizePlot(u: uPlot, width: number, height: number): void {
  if (u.width !== width || u.height !== height) u.setSize({ width, height });
}

/** The drawn canvas (lines and axes), for PNG export. */
export function canvasOf(u: uPlot): HTMLCanvasElement {
  return u.ctx.canvas;
}
