// The `hw=` rows: add a GPU (blank, or copied from a catalog entry) or override a catalog entry.
// Field names, units, ranges and meanings come from the core's hw_fields.
import { useState } from 'preact/hooks';
import type { Description } from '../../engine';
import { strings, tr, type Lang } from '../../i18n';
import { catalogOf, hwRows, hwText, listItems } from '../../state/form';
import type { PageApi } from '../../state/page';

interface Props {
  describe: Description;
  fields: Record<string, string>;
  lang: Lang;
  errors: readonly string[];
  help: string;
  api: PageApi;
  /** Per hw= row name: what is physically odd about its figures. */
  warnings: readonly { gpu: string; warnings: string[] }[];
}

const BLANK = '';

/** A name not used by the catalog or another row: "H200-2", "H200-3", … */
function freshName(base: string, taken: Set<string>): string {
  for (let i = 2; ; i++) {
    const name = `${base}-${i}`.slice(-32);
    if (!taken.has(name)) return name;
  }
}

/** The `gpus` text after a custom GPU appears, is renamed or goes away (null: no change). */
function renamedGpus(gpus: string, from: string | null, to: string | null): string | null {
  const list = listItems(gpus);
  if (list.length === 0) return null;
  const at = from === null ? -1 : list.indexOf(from);
  if (at >= 0) {
    if (to === null || list.includes(to)) list.splice(at, 1);
    else list[at] = to;
  } else if (to !== null && !list.includes(to)) {
    list.push(to);
  } else {
    return null;
  }
  return list.join(',');
}

export function HwEditor({ describe, fields, lang, errors, help, api, warnings }: Props) {
  const t = strings[lang].hw;
  const rows = hwRows(fields.hw ?? '');
  const catalog = catalogOf(describe, fields);
  const catalogNames = catalog.map((g) => g.name);
  const [template, setTemplate] = useState(BLANK);
  const specs = describe.hw_fields;
  const templateRow = (): string[] => {
    if (template === BLANK) return specs.map((f, k) => (k === 0 ? 'MyGPU' : ''));
    const fromHw = rows.find((row) => row[0] === template);
    if (fromHw) return [...fromHw];
    const gpu = catalog.find((g) => g.name === template);
    return specs.map((f) => String(gpu?.[f.key === 'name' ? 'name' : f.key] ?? ''));
  };
  const customOnly = (name: string) =>
    !catalogNames.includes(name) && rows.filter((row) => row[0] === name).length <= 1;
  const edit = (next: string[][], gpus: string | null) => {
    const changes: [string, string][] = [['hw', hwText(next)]];
    if (gpus !== null) changes.push(['gpus', gpus]);
    api.setMany(changes);
  };

  const add = (override: boolean) => {
    const row = templateRow();
    const taken = new Set([...catalogNames, ...rows.map((r) => r[0] ?? '')]);
    row[0] = override ? template : freshName(row[0] || 'MyGPU', taken);
    edit([...rows, row], override ? null : renamedGpus(fields.gpus ?? '', null, row[0]));
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
      <details class="hw-meanings">
        <summary>{t.meanings}</summary>
        <dl>
          {specs.map((f) => (
            <div key={f.key}>
              <dt>
                <code>{f.key}</code> {f.unit && <span class="unit">{f.unit}</span>}
              </dt>
              <dd>{tr(f.meaning, lang)}</dd>
            </div>
          ))}
        </dl>
      </details>
      {rows.map((row, i) => {
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
                  edit(
                    rows.filter((_, j) => j !== i),
                    customOnly(name) ? renamedGpus(fields.gpus ?? '', name, null) : null,
                  )
                }
              >
                ×
              </button>
            </div>
            <div class="hw-grid">
              {specs.map((spec, k) => {
                const id = `hw-${i}-${spec.key}`;
                return (
                  <label key={spec.key} for={id} class={k === 0 ? 'hw-name' : undefined} title={tr(spec.meaning, lang)}>
                    <span>
                      {spec.key}
                      {spec.unit && <span class="unit"> {spec.unit}</span>}
                    </span>
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
                        const next = rows.map((r) => [...r]);
                        const target = next[i];
                        if (!target) return;
                        target[k] = value;
                        const gpus =
                          k === 0 && customOnly(name)
                            ? renamedGpus(fields.gpus ?? '', name, value.trim())
                            : null;
                        edit(next, gpus);
                      }}
                    />
                  </label>
                );
              })}
            </div>
            {(warnings.find((w) => w.gpu === name.trim())?.warnings ?? []).length > 0 && (
              <ul class="hw-warnings" data-hw-warnings={name}>
                {warnings
                  .find((w) => w.gpu === name.trim())
                  ?.warnings.map((w, j) => (
                    <li key={j}>⚠ {w}</li>
                  ))}
              </ul>
            )}
          </div>
        );
      })}
      <div class="hw-add">
        <label>
          <span>{t.template}</span>
          <select value={template} onChange={(e) => setTemplate(e.currentTarget.value)}>
            <option value={BLANK}>{t.blank}</option>
            {[...new Set([...catalogNames, ...rows.map((r) => r[0] ?? '')])]
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
          disabled={template === BLANK || rows.some((row) => row[0] === template)}
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
