// The sweep's inputs as text: the spec (`key:from:to:step`), its point count, a starting range
// for a newly picked key, and the metric list.
import type { FieldInfo } from '../engine';
import { listItems } from './form';

/** A sweep as the inputs show it: text, so a half-typed number stays as typed. */
export interface SweepSpec {
  key: string;
  from: string;
  to: string;
  step: string;
}

export function parseSweep(text: string): SweepSpec {
  const [key = '', from = '', to = '', step = ''] = text.split(':');
  return { key: key.trim(), from: from.trim(), to: to.trim(), step: step.trim() };
}

export function formatSweep(spec: SweepSpec): string {
  return [spec.key, spec.from, spec.to, spec.step].join(':');
}

/**
 * How many points a spec gives (`to` included within `tolerance` of a step, as the core counts
 * them), or null when its numbers are not usable yet.
 */
export function pointCount(spec: SweepSpec, tolerance: number): number | null {
  const [from, to, step] = [spec.from, spec.to, spec.step].map((t) => (t === '' ? NaN : Number(t)));
  if (!Number.isFinite(from) || !Number.isFinite(to) || !Number.isFinite(step) || !(step! > 0)) {
    return null;
  }
  if (to! < from!) return null;
  return Math.floor((to! - from!) / step! + tolerance) + 1;
}

function roundStep(x: number): number {
  return Number(x.toPrecision(2));
}

/**
 * A range to start from when the swept key changes: the reference notebooks' own sweep of the
 * key where the schema names one, else about 100 points from half to twice the current value,
 * inside the field's range.
 */
export function suggestedSweep(field: FieldInfo, current: number): SweepSpec {
  if (field.reference_sweep) return parseSweep(field.reference_sweep);
  const lowest = field.min_exclusive ? field.min + Number.EPSILON * Math.max(1, field.min) : field.min;
  const value = Number.isFinite(current) && current > 0 ? current : Math.max(lowest, 1);
  if (field.kind === 'int') {
    const from = Math.max(Math.ceil(lowest), Math.floor(value / 2));
    const to = Math.min(field.max, Math.max(value * 2, from + 16));
    const step = Math.max(1, Math.round((to - from) / 100));
    return { key: field.key, from: String(from), to: String(to), step: String(step) };
  }
  let from = Math.max(lowest, value / 2);
  const to = Math.min(field.max, value * 2);
  const step = roundStep((to - from) / 100) || roundStep(to / 100) || 1;
  if (field.min_exclusive && from <= field.min) from = field.min + step;
  return { key: field.key, from: String(roundStep(from)), to: String(to), step: String(step) };
}

/** Metric list edits: tick adds at the end, untick removes (never the last one). */
export function toggleMetric(list: string, metric: string): string {
  const items = listItems(list);
  if (items.includes(metric)) {
    return items.length > 1 ? items.filter((m) => m !== metric).join(',') : items.join(',');
  }
  return [...items, metric].join(',');
}
