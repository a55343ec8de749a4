// The `hw=` rows: add a GPU or override a catalog entry, 11 fields each.
import { useState } from 'preact/hooks';
import type { Engine } from '../../engine';
import { strings, type Lang } from '../../i18n';
import { hwRowText, listItems, type FormState } from '../../state/form';
import type { UpdateForm } from '../../state/url';

interface Props {
  engine: Engine;
  form: FormState;
  lang: Lang;
  errors: readonly string[];
  help: string;
  update: UpdateForm;
}

/** A name not used by the catalog or another row: "H200-2", "H200-3", … */
function freshName(base: string, taken: Set<string>): string {
  for (let i = 2; ; i++) {
    const name = `${base}-${i}`.slice(-32);
    if (!taken.has(name)) return name;
  }
}

/** Keeps an explicit `gpus` list in step when a custom GPU appears, is renamed or goes away. */
function renameInGpus(form: FormState, from: string | null, to: string | null): void {
  const list = listItems(form.values.gpus ?? '');
  if (list.length === 0) return;
  const at = from === null ? -1 : list.indexOf(from);
  if (at >= 0) {
    if (to === null || list.includes(to)) list.splice(at, 1);
    else list[at] = to;
  } else if (to !== null && !list.includes(to)) {
    list.push(to);
  }
  form.values.gpus = list.join(',');
}

export function HwEditor({ engine, form, lang, errors, help, update }: Props) {
  const t = strings[lang].hw;
  const catalogNames = engine.catalog.map((row) => row[0]);
  const [template, setTemplate] = useState(catalogNames[0] ?? '');
  const fields = engine.hwFields;
  const templateRow = () => {
    const fromHw = form.hw.find((row) => row[0] === template);
    if (fromHw) return [...fromHw];
    const fromCatalog = engine.catalog.find((row) => row[0] === template);
    return fromCatalog ? hwRowText(fromCatalog) : null;
  };
  const customOnly = (name: string) =>
    !catalogNames.includes(name) && form.hw.filter((row) => row[0] === name).length <= 1;

  const add = (override: boolean) => {
    const row = templateRow();
    if (!row) return;
    update((f) => {
      const taken = new Set([...catalogNames, ...f.hw.map((r) => r[0] ?? '')]);
      row[0] = override ? template : freshName(template, taken);
      f.hw.push(row);
      if (!override) renameInGpus(f, null, row[0]);
    });
  };

  return (
    <fieldset class={`hw-editor${errors.length ? ' invalid' : ''}`} id="field-hw">
      <legend>
        <code>hw</code> · {t.title}
      </legend>
      <p class="hint" id="field-hw-help">
        {t.hint}
        <span class="visually-hidden"> {help}</span>
      </p>
      {form.hw.map((row, i) => {
        const name = row[0] ?? '';
        const isOverride = catalogNames.includes(name.trim());
        return (
          <div class="hw-row" key={i} data-hw-row={i}>
            <div class="hw-row-head">
              <strong>{t.row(i + 1)}</strong>
              <span class="tag">{isOverride ? t.overrides : t.adds}</span>
              <button
                type="button"
                class="small"
                aria-label={t.remove(name)}
                onClick={() =>
                  update((f) => {
                    f.hw.splice(i, 1);
                    if (customOnly(name)) renameInGpus(f, name, null);
                  })
                }
              >
                ×
              </button>
            </div>
            <div class="hw-grid">
              {fields.map((field, k) => {
                const id = `hw-${i}-${field}`;
                return (
                  <label key={field} for={id} class={k === 0 ? 'hw-name' : undefined}>
                    <span>{field}</span>
                    <input
                      id={id}
                      type="text"
                      inputMode={k === 0 ? 'text' : 'decimal'}
                      autoComplete="off"
                      spellcheck={false}
                      class={k === 0 ? undefined : 'num'}
                      value={row[k] ?? ''}
                      onInput={(e) => {
                        const value = e.currentTarget.value;
                        update((f) => {
                          const target = f.hw[i];
                          if (!target) return;
                          if (k === 0 && customOnly(name)) renameInGpus(f, name, value.trim());
                          target[k] = value;
                        });
                      }}
                    />
                  </label>
                );
              })}
            </div>
          </div>
        );
      })}
      <div class="hw-add">
        <label>
          <span>{t.template}</span>
          <select value={template} onChange={(e) => setTemplate(e.currentTarget.value)}>
            {[...new Set([...catalogNames, ...form.hw.map((r) => r[0] ?? '')])]
              .filter((n) => n)
              .map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
          </select>
        </label>
        <button type="button" class="small" onClick={() => add(false)}>
          {t.add}
        </button>
        <button
          type="button"
          class="small"
          disabled={form.hw.some((row) => row[0] === template)}
          onClick={() => add(true)}
        >
          {t.override}
        </button>
      </div>
      {errors.length > 0 && (
        <p id="field-hw-error" class="field-error" role="status">
          {errors.join('; ')}
        </p>
      )}
    </fieldset>
  );
}
