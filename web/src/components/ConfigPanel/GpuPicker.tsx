// Which GPUs the tables show and in which order: the `gpus` key, edited as a list.
import type { Engine } from '../../engine';
import { strings, type Lang } from '../../i18n';
import { listItems, resolvedGpuNames, type FormState } from '../../state/form';
import type { UpdateForm } from '../../state/url';

interface Props {
  engine: Engine;
  form: FormState;
  lang: Lang;
  update: UpdateForm;
}

/** The `gpus` text for a selection: empty (= all) when it is every GPU in catalog order. */
export function gpusText(selected: readonly string[], all: readonly string[]): string {
  const same = selected.length === all.length && selected.every((g, i) => g === all[i]);
  return same ? '' : selected.join(',');
}

export function GpuPicker({ engine, form, lang, update }: Props) {
  const t = strings[lang].gpuPicker;
  const all = resolvedGpuNames(engine, form);
  const explicit = listItems(form.values.gpus ?? '');
  const selected = explicit.length > 0 ? explicit : all;
  const catalog = new Set(engine.catalog.map((row) => row[0]));
  const entries = [...selected, ...all.filter((g) => !selected.includes(g))];

  const set = (next: string[]) =>
    update((f) => {
      f.values.gpus = gpusText(next, resolvedGpuNames(engine, f));
    });
  const move = (i: number, by: -1 | 1) => {
    const next = [...selected];
    const j = i + by;
    if (j < 0 || j >= next.length) return;
    [next[i], next[j]] = [next[j] as string, next[i] as string];
    set(next);
  };

  return (
    <fieldset class="gpu-picker">
      <legend>{t.title}</legend>
      <p class="hint">{t.hint}</p>
      <ul>
        {entries.map((name) => {
          const index = selected.indexOf(name);
          const on = index >= 0;
          const id = `gpu-pick-${name.replace(/[^A-Za-z0-9_-]/g, '_')}`;
          return (
            <li key={name} class={on ? 'on' : undefined}>
              <input
                type="checkbox"
                id={id}
                checked={on}
                onChange={() => set(on ? selected.filter((g) => g !== name) : [...selected, name])}
              />
              <label for={id}>
                {name}
                {!catalog.has(name) && <span class="tag">{t.custom}</span>}
              </label>
              {on && (
                <span class="order">
                  <button
                    type="button"
                    class="icon"
                    aria-label={t.up(name)}
                    title={t.up(name)}
                    disabled={index === 0}
                    onClick={() => move(index, -1)}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    class="icon"
                    aria-label={t.down(name)}
                    title={t.down(name)}
                    disabled={index === selected.length - 1}
                    onClick={() => move(index, 1)}
                  >
                    ↓
                  </button>
                </span>
              )}
            </li>
          );
        })}
      </ul>
      {explicit.length > 0 && (
        <button type="button" class="small" onClick={() => set([])}>
          {t.useAll}
        </button>
      )}
    </fieldset>
  );
}
