// The analysis views' keys in the link: the sweep spec (`key:from:to:step`), the metric list, and
// the A/B baseline (`base=`, a whole fragment of its own). Defaults come from the schema.
import type { ComputeOk, Engine, SchemaField } from '../engine';
import { listItems, tidyText } from './form';

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

/** How many points a spec gives (`to` included), or null when its numbers are not usable yet. */
export function pointCount(spec: SweepSpec): number | null {
  const [from, to, step] = [spec.from, spec.to, spec.step].map((t) => (t === '' ? NaN : Number(t)));
  if (!Number.isFinite(from) || !Number.isFinite(to) || !Number.isFinite(step) || !(step! > 0)) {
    return null;
  }
  if (to! < from!) return null;
  // The same tolerance as a float loop that stops at `to`: 1e-9 of a step.
  return Math.floor((to! - from!) / step! + 1e-9) + 1;
}

/** The keys a sweep may vary: every int or float field outside the View group. */
export function sweepableFields(schema: readonly SchemaField[]): SchemaField[] {
  return schema.filter((f) => (f.kind === 'int' || f.kind === 'float') && f.group !== 'View');
}

/** The reference notebooks' own sweeps (SPEC §5), offered when their key is picked. */
const REFERENCE_SWEEPS: Record<string, [number, number, number]> = {
  seq_len: [1024, 16352, 32],
  n_activated_experts: [8, 126, 2],
  n_layers: [30, 254, 2],
};

function roundStep(x: number): number {
  return Number(x.toPrecision(2));
}

/**
 * A range to start from when the swept key changes: the reference's for its three sweeps, else
 * about 100 points from half to twice the current value, inside the field's range.
 */
export function suggestedSweep(field: SchemaField, current: number): SweepSpec {
  const reference = REFERENCE_SWEEPS[field.key];
  if (reference) {
    const [from, to, step] = reference;
    return { key: field.key, from: String(from), to: String(to), step: String(step) };
  }
  const lowest = field.minExclusive ? field.min + Number.EPSILON * Math.max(1, field.min) : field.min;
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
  if (field.minExclusive && from <= field.min) from = field.min + step;
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

/** `k=v` segments of a fragment, in order (the values stay link text). */
function segments(fragment: string): [string, string][] {
  return fragment
    .split('&')
    .filter((s) => s !== '')
    .map((s) => {
      const eq = s.indexOf('=');
      return eq < 0 ? [s, ''] : [s.slice(0, eq), s.slice(eq + 1)];
    });
}

export function viewKeys(schema: readonly SchemaField[]): Set<string> {
  return new Set(schema.filter((f) => f.group === 'View').map((f) => f.key));
}

/** A fragment without its view keys (which view, sweep, language, baseline…): the config. */
export function configPart(fragment: string, view: ReadonlySet<string>): string {
  return segments(fragment)
    .filter(([k]) => !view.has(k))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
}

/** The `base=` value that pins a canonical fragment as the baseline: its config, encoded. */
export function pinnedBase(canonical: string, view: ReadonlySet<string>): string {
  return encodeURIComponent(configPart(canonical, view));
}

/** The baseline's fragment (decoded `base=`), or null when there is no comparison. */
export function baselineFragment(good: ComputeOk): string | null {
  const base = good.fields.base;
  if (typeof base !== 'string' || base === '') return null;
  try {
    return decodeURIComponent(base);
  } catch {
    return null;
  }
}

/** Keys of the sweep chart that the baseline borrows from the current link, so both line up. */
const SWEEP_KEYS = ['sweep', 'metric', 'sweep_bs', 'sweep_ep'];

/** The link that sweeps the baseline's config exactly as the current link sweeps its own. */
export function baselineSweepLink(
  base: string,
  canonical: string,
  view: ReadonlySet<string>,
): string {
  const sweep = segments(canonical).filter(([k]) => SWEEP_KEYS.includes(k));
  return `#${[configPart(base, view), ...sweep.map(([k, v]) => `${k}=${v}`)].join('&')}`;
}

export interface ConfigChange {
  key: string;
  base: string;
  current: string;
}

/** The config keys whose values differ between the baseline and the current result. */
export function configChanges(engine: Engine, current: ComputeOk, base: ComputeOk): ConfigChange[] {
  const out: ConfigChange[] = [];
  for (const f of engine.schema) {
    if (f.group === 'View') continue;
    if (f.kind === 'hw_rows') {
      const [a, b] = [JSON.stringify(base.fields.hw), JSON.stringify(current.fields.hw)];
      if (a !== b) {
        out.push({ key: 'hw', base: rowsText(base), current: rowsText(current) });
      }
      continue;
    }
    const a = base.fields[f.key];
    const b = current.fields[f.key];
    if (typeof a !== 'string' || typeof b !== 'string' || a === b) continue;
    out.push({ key: f.key, base: tidyText(f, a), current: tidyText(f, b) });
  }
  return out;
}

function rowsText(result: ComputeOk): string {
  return result.fields.hw.map((row) => row[0]).join(', ') || '—';
}
