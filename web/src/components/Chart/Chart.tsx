// One line chart (uPlot, loaded on first use) with its title, a legend that doubles as the hover
// readout (exact values, with data-value), and a marker for a floor. Renders no canvas where the
// browser has none (tests under happy-dom): the legend and title still show.
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Hit, Plot, PlotLine } from '../../chart/plot';
import { colorVar, onThemeChange } from '../../chart/theme';

type PlotModule = typeof import('../../chart/plot');

let loaded: PlotModule | null = null;
let loading: Promise<PlotModule> | null = null;

function usePlotModule(): PlotModule | null {
  const [mod, setMod] = useState(loaded);
  useEffect(() => {
    if (mod) return;
    let live = true;
    loading ??= import('../../chart/plot').then((m) => (loaded = m));
    void loading.then((m) => live && setMod(m));
    return () => {
      live = false;
    };
  }, [mod]);
  return mod;
}

let canvasOk: boolean | undefined;
function canDraw(): boolean {
  if (canvasOk === undefined) {
    try {
      canvasOk = !!document.createElement('canvas').getContext('2d');
    } catch {
      canvasOk = false;
    }
  }
  return canvasOk;
}

export interface ReadoutValue {
  text: string;
  /** Full precision, as data-value (the tables do the same). */
  value?: number;
}

export interface Readout {
  heading: string;
  /** Per line: its value at the hovered point (null: nothing to show for that line). */
  values: (ReadoutValue | null)[];
}

export interface ChartProps {
  id: string;
  title: string;
  xLabel: string;
  yLabel: string;
  x: readonly number[];
  lines: readonly PlotLine[];
  hover: 'index' | 'nearest';
  points?: boolean;
  /** Charts with the same key share the hovered x. */
  sync?: string | null;
  /** A vertical marker (the TPS floor). */
  vline?: number | null;
  /** Height from width: ratio, then bounds in px. */
  aspect: readonly [number, number, number];
  /** Shown while nothing is hovered. */
  hint: string;
  /** Shown until the chart code has loaded / where there is no canvas. */
  loadingText: string;
  noCanvasText: string;
  describe: (hit: Hit) => Readout;
  /** List the dashed (baseline) lines as one legend entry with this label. */
  dashedLegend?: string;
  /** The legend entry of the crosses where lines end for memory (shown when a line has one). */
  stopLegend?: string;
  /** The live plot, for PNG export. */
  onPlot?: (id: string, plot: Plot | null) => void;
  /** Draw now even if off screen (before an export); else the plot is made when it nears view. */
  eager?: boolean;
  /** Logarithmic axes. */
  log?: boolean;
}

/** How far outside the viewport (px) a chart is still drawn at once. */
const MARGIN = 100;

function heightFor(width: number, [ratio, min, max]: readonly [number, number, number]): number {
  return Math.round(Math.min(max, Math.max(min, width * ratio)));
}

/** What forces a new plot: anything but the numbers. */
function shapeOf(p: ChartProps): string {
  return JSON.stringify([
    p.xLabel,
    p.yLabel,
    p.hover,
    p.points,
    p.sync,
    p.log,
    p.lines.map((l) => [l.label, l.color, l.dashed, l.style]),
  ]);
}

export function Chart(props: ChartProps) {
  const { id, title, lines, hover, describe } = props;
  const mod = usePlotModule();
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<Plot | null>(null);
  /** The numbers the plot holds. */
  const drawn = useRef<Pick<ChartProps, 'x' | 'lines'>>({ x: [], lines: [] });
  const latest = useRef(props);
  latest.current = props;
  const [hit, setHit] = useState<Hit | null>(null);
  const [themeVersion, setThemeVersion] = useState(0);
  const drawable = canDraw();
  const shape = shapeOf(props);
  // A page of 24 charts draws only those near the viewport: the rest as they scroll in.
  const [near, setNear] = useState(typeof IntersectionObserver === 'undefined');
  const shown = near || props.eager === true;

  useEffect(() => onThemeChange(() => setThemeVersion((v) => v + 1)), []);

  useLayoutEffect(() => {
    const el = box.current;
    if (shown || !el) return;
    // Every chart reads its place before any draws (layout effects run in order, the plots are
    // made in the re-render), so this costs one layout for the whole grid.
    const rect = el.getBoundingClientRect();
    const view = el.ownerDocument.defaultView;
    if (view && rect.bottom > -MARGIN && rect.top < view.innerHeight + MARGIN) {
      setNear(true);
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        observer.disconnect();
        setNear(true);
      },
      { rootMargin: `${MARGIN}px 0px` },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [shown]);

  useLayoutEffect(() => {
    const el = box.current;
    if (!mod || !el || !drawable || !shown) return;
    const p = latest.current;
    const width = el.clientWidth || 600;
    const u = mod.createPlot(
      el,
      {
        xLabel: p.xLabel,
        yLabel: p.yLabel,
        x: p.x,
        lines: p.lines,
        width,
        height: heightFor(width, p.aspect),
        hover: p.hover,
        points: p.points ?? false,
        log: p.log ?? false,
        sync: p.sync ?? null,
      },
      { onHover: setHit, vline: () => latest.current.vline ?? null },
    );
    plot.current = u;
    drawn.current = { x: p.x, lines: p.lines };
    p.onPlot?.(p.id, u);
    let observer: ResizeObserver | undefined;
    if (typeof ResizeObserver !== 'undefined') {
      observer = new ResizeObserver(() => {
        const w = el.clientWidth;
        if (w > 0) mod.resizePlot(u, w, heightFor(w, latest.current.aspect));
      });
      observer.observe(el);
    }
    return () => {
      observer?.disconnect();
      latest.current.onPlot?.(latest.current.id, null);
      u.destroy();
      plot.current = null;
      setHit(null);
    };
    // `shape` and the theme decide when a plot is rebuilt; the data goes through setData below.
  }, [mod, drawable, shown, shape, themeVersion]);

  useLayoutEffect(() => {
    const u = plot.current;
    const was = drawn.current;
    if (!mod || !u || (was.x === props.x && was.lines === props.lines)) return;
    drawn.current = { x: props.x, lines: props.lines };
    mod.updatePlot(u, drawn.current);
  }, [mod, props.x, props.lines]);

  // The floor may lie outside the data: set the data again, which ranges the x scale anew.
  useEffect(() => {
    const u = plot.current;
    if (mod && u) mod.updatePlot(u, drawn.current);
  }, [props.vline]);

  const readout = hit ? describe(hit) : null;
  return (
    <figure class="chart" data-chart={id}>
      <figcaption class="chart-title">{title}</figcaption>
      <div
        class="plot"
        ref={box}
        role="img"
        aria-label={`${title}: ${props.yLabel} / ${props.xLabel}`}
        // The plot's height before it is drawn: no jump when it is.
        style={{
          aspectRatio: String(1 / props.aspect[0]),
          minHeight: `${props.aspect[1]}px`,
          maxHeight: `${props.aspect[2]}px`,
        }}
      >
        {!drawable && <p class="chart-note">{props.noCanvasText}</p>}
        {drawable && !mod && <p class="chart-note">{props.loadingText}</p>}
      </div>
      <p class="readout" aria-live="off">
        {readout ? readout.heading : props.hint}
      </p>
      <ul class="chart-legend">
        {lines.map((line, i) => {
          if (line.dashed && props.dashedLegend !== undefined) return null;
          return (
            <LegendItem
              key={i}
              label={line.label}
              color={colorVar(line.color)}
              dashed={line.dashed}
              value={readout?.values[i] ?? null}
              hit={hover === 'nearest'}
            />
          );
        })}
        {props.stopLegend !== undefined && lines.some((l) => (l.stops?.length ?? 0) > 0) && (
          <li class="legend-stop" data-stop="true">
            <span class="stop-mark" aria-hidden="true">
              ×
            </span>{' '}
            {props.stopLegend}
          </li>
        )}
        {props.dashedLegend !== undefined && lines.some((l) => l.dashed) && (
          <LegendItem
            label={props.dashedLegend}
            color="var(--muted)"
            dashed
            value={readout?.values.find((v, i) => v && lines[i]?.dashed) ?? null}
            hit={hover === 'nearest'}
          />
        )}
      </ul>
    </figure>
  );
}

interface LegendItemProps {
  label: string;
  /** A CSS colour (a custom property of the stylesheet). */
  color: string;
  dashed: boolean;
  value: ReadoutValue | null;
  /** Mark the item whose point is hovered ('nearest' charts). */
  hit: boolean;
}

function LegendItem({ label, color, dashed, value, hit }: LegendItemProps) {
  const cls = [dashed ? 'dashed' : '', hit && value ? 'hit' : ''].join(' ').trim();
  const full = value?.value === undefined ? undefined : String(value.value);
  return (
    <li data-line={label} class={cls || undefined}>
      <span class="swatch" aria-hidden="true" style={{ '--c': color }} />
      <span class="label">{label}</span>
      {value && (
        <span class="value" data-value={full}>
          {value.text}
        </span>
      )}
    </li>
  );
}
