// Chart colours come from the stylesheet's custom properties, so light and dark schemes (and the
// GPU colours of the tables) are defined once, in styles.css. Read again when the scheme flips.

export interface Theme {
  fg: string;
  muted: string;
  grid: string;
  bg: string;
  accent: string;
  /** The page's font stack, for canvas text. */
  font: string;
  /** The tables' GPU colours, --g0 … --g11. */
  gpu: string[];
  /** Line colours for series that are not GPUs (EP lines), --s0 … --s7. */
  series: string[];
}

const FALLBACK = '#888888';

export function readTheme(root: Element = document.documentElement): Theme {
  const style = getComputedStyle(root);
  const get = (name: string) => style.getPropertyValue(name).trim() || FALLBACK;
  return {
    fg: get('--fg'),
    muted: get('--muted'),
    grid: get('--line'),
    bg: get('--bg'),
    accent: get('--accent'),
    font: style.getPropertyValue('--font').trim() || 'system-ui, sans-serif',
    gpu: Array.from({ length: 12 }, (_, i) => get(`--g${i}`)),
    series: Array.from({ length: 8 }, (_, i) => get(`--s${i}`)),
  };
}

/** Where a line takes its colour from: a GPU's slot or the n-th series colour. */
export interface ColorSlot {
  kind: 'gpu' | 'series';
  index: number;
}

export function colorOf(theme: Theme, slot: ColorSlot): string {
  const list = slot.kind === 'gpu' ? theme.gpu : theme.series;
  return list[slot.index % list.length] ?? FALLBACK;
}

/** The CSS custom property behind a slot, for swatches drawn by the stylesheet. */
export function colorVar(slot: ColorSlot): string {
  return slot.kind === 'gpu' ? `var(--g${slot.index % 12})` : `var(--s${slot.index % 8})`;
}

let current: Theme | null = null;
const listeners = new Set<() => void>();
let watching = false;

function watch(): void {
  if (watching || typeof matchMedia !== 'function') return;
  watching = true;
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => {
    current = null;
    listeners.forEach((f) => f());
  });
}

/** The theme now (cached until the colour scheme changes). */
export function theme(): Theme {
  watch();
  current ??= readTheme();
  return current;
}

/** Calls `f` after each colour-scheme change; returns the unsubscribe. */
export function onThemeChange(f: () => void): () => void {
  watch();
  listeners.add(f);
  return () => listeners.delete(f);
}
