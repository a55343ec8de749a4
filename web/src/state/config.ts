// Config state transitions: a link or an edited form → compute → what the page shows.
import { ALL_TABLES, type ComputeOk, type ConfigError, type Engine } from '../engine';
import {
  defaultForm,
  formFromFields,
  formFromLink,
  fragmentOf,
  linkFromForm,
  type FormState,
} from './form';

export interface ConfigState {
  form: FormState;
  /** Every problem of the current form or link; empty when it is valid. */
  errors: ConfigError[];
  /** The last valid result: the tables on screen (stale while `errors` is non-empty). */
  good: ComputeOk | null;
  /** The fragment for the address bar: canonical when valid, else the raw one. */
  link: string;
}

/**
 * The core refuses longer links (SPEC §6); the form does not try to show them either (a
 * megabyte in an input would stall the page).
 */
const MAX_FORM_LINK = 8192;

export function stateFromLink(
  engine: Engine,
  link: string,
  previous: ComputeOk | null,
): ConfigState {
  const fragment = fragmentOf(link) || `v=${engine.linkVersion}`;
  // With its '#', so that a second '#' stays part of the fragment, as in the address bar.
  const result = engine.compute(`#${fragment}`, ALL_TABLES);
  if (result.ok) {
    return {
      form: formFromFields(engine, result.fields),
      errors: [],
      good: result,
      link: result.canonical,
    };
  }
  const form =
    fragment.length <= MAX_FORM_LINK ? formFromLink(engine, fragment) : defaultForm(engine);
  return { form, errors: result.errors, good: previous, link: fragment };
}

export function stateFromForm(
  engine: Engine,
  form: FormState,
  previous: ComputeOk | null,
): ConfigState {
  const fragment = linkFromForm(engine, form);
  const result = engine.compute(fragment, ALL_TABLES);
  if (result.ok) return { form, errors: [], good: result, link: result.canonical };
  return { form, errors: result.errors, good: previous, link: fragment };
}

export function cloneForm(form: FormState): FormState {
  return { values: { ...form.values }, hw: form.hw.map((row) => [...row]) };
}
