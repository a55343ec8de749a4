// Which GPUs the tables show and in which order: the `gpus` key, edited as a list.
import { useState } from 'preact/hooks';
import type { Description } from '../../engine';
import { strings, type Lang } from '../../i18n';
import { catalogOf, gpuNames, listItems } from '../../state/form';
import type { PageApi } from '../../state/page';

interface Props {
  describe: Description;
  fields: Record<string, string>;
  lang: Lang;
  api: PageApi;
}

export function GpuPicker({ describe, fields, lang, api }: Props) {
  const t = strings[lang].gpuPicker;
  const all = gpuNames(describe, fields);
  const explicit = listItems(fields.gpus ?? '');
  // "None" clears the ticks on screen only: a link cannot list no GPU (empty = all).
  const [cleared, setCleared] = useState(false);
  const selected = cleared ? [] : explicit.length > 0 ? explicit : all;
  const catalog = new Set(catalogOf(describe, fields).map((g) => g.name));
  const entries = [...selected, ...all.filter((g) => !selected.includes(g))];

  const set = (next: string[]) => {
    setCleared(false);
    // Every GPU in catalog order is the default; the core writes it as no gpus= at all.
    api.set('gpus', next.join(','));
  };
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
      <div class="picker-actions">
        <button type="button" class="small" onClick={() => set([])}>
          {t.useAll}
        </button>
        <button type="button" class="small" onClick={() => setCleared(true)}>
          {t.none}
        </button>
      </div>
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
              <span class="order">
                <button
                  type="button"
                  class="icon only"
                  aria-label={t.only(name)}
                  title={t.only(name)}
                  onClick={() => set([name])}
                >
                  {t.onlyShort}
                </button>
                {on && (
                  <>
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
                  </>
                )}
              </span>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
