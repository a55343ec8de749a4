// The form's state and its link: every key as the text the user sees, built from the engine's
// schema (defaults are never restated here) and turned back into a `v=1&...` fragment.
import type { Engine, HwRow, SchemaField } from '../engine';

export interface FormState {
  /**
   * Every schema key except `hw`, as the input shows it: the decoded value, except for `link`
   * keys (base=), which hold a fragment and stay percent-encoded link text.
   */
  values: Record<string, string>;
  /** `hw=` rows as text: NAME then the 10 numeric fields. */
  hw: string[][];
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The shortest JS spelling of a number the core wrote (the core may write 1210 as "1.21e+03"). */
function tidyNumber(text: string): string {
  return NUMBER.test(text) ? String(Number(text)) : text;
}

/** Display text of a value the engine produced, per field kind. User text is never tidied. */
export function tidyText(field: SchemaField, text: string): string {
  switch (field.kind) {
    case 'int':
    case 'float':
    case 'bool':
      return tidyNumber(text);
    case 'int_list':
      return text.split(',').map(tidyNumber).join(',');
    case 'sweep': {
      const [key, ...numbers] = text.split(':');
      return [key ?? '', ...numbers.map(tidyNumber)].join(':');
    }
    default:
      return text;
  }
}

/** Whitespace is never meaningful in a value: drop it around the text and around list items. */
function clean(field: SchemaField, text: string): string {
  const t = text.trim();
  if (field.kind === 'int_list' || field.kind === 'name_list') {
    return t
      .split(',')
      .map((s) => s.trim())
      .join(',');
  }
  return t;
}

export function formFields(schema: readonly SchemaField[]): SchemaField[] {
  return schema.filter((f) => f.kind !== 'hw_rows');
}

export function defaultForm(engine: Engine): FormState {
  const values: Record<string, string> = {};
  for (const f of formFields(engine.schema)) values[f.key] = tidyText(f, f.default);
  return { values, hw: [] };
}

export function hwRowText(row: HwRow): string[] {
  return row.map((v) => String(v));
}

/** The form of a valid config, from compute()'s `fields`. */
export function formFromFields(
  engine: Engine,
  fields: { hw: HwRow[]; [key: string]: string | HwRow[] },
): FormState {
  const form = defaultForm(engine);
  for (const f of formFields(engine.schema)) {
    const v = fields[f.key];
    if (typeof v === 'string') form.values[f.key] = tidyText(f, v);
  }
  form.hw = fields.hw.map(hwRowText);
  return form;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * The fragment part of a URL, `#fragment` or bare `k=v&...` string. Extra leading '#'s are
 * dropped (`##v=1&…` is a pasted `#v=1&…`); a '#' later on stays part of the fragment.
 */
export function fragmentOf(link: string): string {
  const hash = link.indexOf('#');
  return (hash >= 0 ? link.slice(hash + 1) : link).replace(/^#+/, '');
}

/**
 * The form of a link the engine rejected: each known key shows the text the link gave it, so
 * the errors appear next to the right fields. Unknown keys only show up in the error list.
 */
export function formFromLink(engine: Engine, link: string): FormState {
  const form = defaultForm(engine);
  const kinds = new Map(formFields(engine.schema).map((f) => [f.key, f.kind]));
  const pairs: [string, string][] = [];
  for (const segment of fragmentOf(link).split('&')) {
    const eq = segment.indexOf('=');
    if (eq < 0) continue;
    const key = decode(segment.slice(0, eq));
    const raw = segment.slice(eq + 1);
    // A `link` value (base=) is itself a fragment: the form keeps it as link text.
    pairs.push([key, kinds.get(key) === 'link' ? raw : decode(raw)]);
  }
  const preset = pairs.find(([k]) => k === 'model')?.[1];
  if (preset !== undefined) applyPreset(engine, form, preset);
  for (const [key, value] of pairs) {
    if (key === 'hw') form.hw.push(value.split(','));
    else if (kinds.has(key)) form.values[key] = value;
  }
  return form;
}

function presetOf(engine: Engine, name: string | undefined) {
  return engine.presets.find((p) => p.name === name);
}

/** Sets `model` and loads the preset's model values (a known preset only). */
export function applyPreset(engine: Engine, form: FormState, name: string): FormState {
  form.values.model = name;
  const preset = presetOf(engine, name);
  if (preset) {
    for (const [key, value] of Object.entries(preset.model)) form.values[key] = String(value);
  }
  return form;
}

/** Link text that keeps `,` and `:` readable. The core decodes percent-encoding. */
function encode(text: string): string {
  return encodeURIComponent(text).replace(/%2C/gi, ',').replace(/%3A/gi, ':');
}

/**
 * The fragment (without '#') for the form: `v=1`, then every key that differs from its default
 * (a model key: from the selected preset), then the `hw=` rows. The engine canonicalises it.
 */
export function linkFromForm(engine: Engine, form: FormState): string {
  const parts = [`v=${engine.linkVersion}`];
  const preset = presetOf(engine, form.values.model);
  for (const f of formFields(engine.schema)) {
    const text = clean(f, form.values[f.key] ?? '');
    const presetValue = f.group === 'Model' ? preset?.model[f.key] : undefined;
    const base = presetValue !== undefined ? String(presetValue) : tidyText(f, f.default);
    if (tidyText(f, text) === base) continue;
    parts.push(`${f.key}=${f.kind === 'link' ? text : encode(text)}`);
  }
  for (const row of form.hw) parts.push(`hw=${row.map((v) => encode(v.trim())).join(',')}`);
  return parts.join('&');
}

/** The GPU names the picker offers: the catalog, then `hw=` rows with new names. */
export function resolvedGpuNames(engine: Engine, form: FormState): string[] {
  const names = engine.catalog.map((row) => row[0]);
  for (const row of form.hw) {
    const name = (row[0] ?? '').trim();
    if (name && !names.includes(name)) names.push(name);
  }
  return names;
}

export function listItems(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
