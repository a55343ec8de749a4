// The model: a preset picker grouped by family (each with its total/active parameters and KV
// bytes per token), what the link's model is (the core's model facts), and the import of a
// Hugging Face config.json (pasted or dropped; read here, turned into a link by the core).
import { useState } from 'preact/hooks';
import type { ConfigError, Description, FieldInfo } from '../../engine';
import { formatNumber, strings, tr, type Lang } from '../../i18n';
import type { PageApi } from '../../state/page';

interface Props {
  describe: Description;
  field: FieldInfo;
  value: string;
  errors: readonly string[];
  /** The link's model facts (the model table's columns), or null before the first result. */
  facts: Record<string, string | number | null> | null;
  lang: Lang;
  api: PageApi;
}

export function ModelPanel({ describe, field, value, errors, facts, lang, api }: Props) {
  const t = strings[lang].model;
  const n = (v: number | string | null | undefined, d: number) => formatNumber(Number(v ?? NaN), d, lang);
  const families = [...new Set(describe.presets.map((p) => p.family))];
  const [text, setText] = useState('');
  const [importErrors, setImportErrors] = useState<readonly ConfigError[]>([]);
  // The file name imported last ('' when pasted); null when nothing has been imported.
  const [imported, setImported] = useState<string | null>(null);
  const id = `field-${field.key}`;
  const invalid = errors.length > 0;
  // A larger file is not read at all (the core's importer refuses it too).
  const maxBytes = describe.limits.model_config_bytes;

  const importText = (json: string, name: string) => {
        const result = api.importModelConfig(json);
    setImportErrors(result);
    setImported(result.length === 0 ? name : null);
  };
  const readFile = (file: File | undefined) => {
    if (!file) return;
    if (file.size > maxBytes) {
      setImportErrors([{ key: 'model-config', message: t.tooBig(file.size, maxBytes) }]);
      return;
    }
    void file.text().then((json) => importText(json, file.name));
  };

  return (
    <div class="model-panel" id="model-panel" data-field={field.key}>
      <label class="field" for={id}>
        <span class="key">{field.key}</span>
      </label>
      <select
        id={id}
        name={field.key}
        value={value}
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={`${id}-help`}
        onChange={(e) => api.set(field.key, e.currentTarget.value)}
      >
        {families.map((family) => (
          <optgroup key={family} label={family}>
            {describe.presets
              .filter((p) => p.family === family)
              .map((p) => (
                <option key={p.name} value={p.name} data-family={family}>
                  {t.option(p.name, n(p.facts.total_params_b, 0), n(p.facts.active_params_b, 1), n(p.facts.kv_bytes_bf16 / 1024, 1))}
                </option>
              ))}
          </optgroup>
        ))}
      </select>
      <p class="help" id={`${id}-help`}>
        {tr(field.help, lang)}
      </p>
      {errors.map((m) => (
        <p key={m} class="field-error" role="alert">
          {m}
        </p>
      ))}
      {facts && (
        <dl class="model-facts" id="model-facts" data-model={String(facts.Model ?? '')}>
          <div>
            <dt>{t.attention}</dt>
            <dd data-value={String(facts.Attention ?? '')}>{String(facts.Attention ?? '')}</dd>
          </div>
          <div>
            <dt>{t.params}</dt>
            <dd data-value={String(facts.TotalParams_B)}>
              {t.paramsValue(n(facts.TotalParams_B, 1), n(facts.ActiveParams_B, 1))}
            </dd>
          </div>
          <div>
            <dt>{t.kv}</dt>
            <dd data-value={String(facts.KV_bytes_per_token)}>
              {t.kvValue(n(facts.KV_bytes_per_token, 0), Number(facts.KV_fixed_MiB ?? 0) > 0 ? n(facts.KV_fixed_MiB, 1) : '')}
            </dd>
          </div>
          <div>
            <dt>{t.weights}</dt>
            <dd data-value={String(facts.Weights_GB)}>{t.weightsValue(n(facts.Weights_GB, 0), n(facts.Weights_GB_FP4, 0))}</dd>
          </div>
        </dl>
      )}
      <details class="model-import" id="model-config">
        <summary>{t.importTitle}</summary>
        <p class="hint">{t.importHint}</p>
        <div
          class="drop"
          onDragOver={(e) => e.preventDefault()}
          onDrop={(e) => {
            e.preventDefault();
            readFile(e.dataTransfer?.files[0]);
          }}
        >
          <textarea
            id="model-config-text"
            rows={5}
            spellcheck={false}
            placeholder={t.importPlaceholder}
            aria-label={t.importTitle}
            value={text}
            onInput={(e) => setText(e.currentTarget.value)}
          />
          <div class="import-actions">
            <button type="button" class="small" id="model-config-apply" disabled={text.trim() === ''} onClick={() => importText(text, '')}>
              {t.importApply}
            </button>
            <label class="small file button">
              {t.importFile}
              <input
                type="file"
                class="visually-hidden"
                id="model-config-file"
                accept=".json,application/json"
                onChange={(e) => readFile(e.currentTarget.files?.[0])}
              />
            </label>
          </div>
        </div>
        {importErrors.length > 0 && (
          <ul class="import-errors" id="model-config-errors" role="alert">
            {importErrors.map((e, i) => (
              <li key={i} data-key={e.key}>
                {e.message}
              </li>
            ))}
          </ul>
        )}
        {importErrors.length === 0 && imported !== null && (
          <p class="hint" id="model-config-done">
            {t.imported(imported)}
          </p>
        )}
      </details>
    </div>
  );
}
