// The sweep's own inputs: which key, its range, the metrics, batch, EP lines and grouping. They
// edit the link's view keys (sweep=, metric=, sweep_bs=, sweep_ep=, sweep_group=) like any field.
import type { ConfigError, Description } from '../../engine';
import { strings, tr, type Lang } from '../../i18n';
import { listItems } from '../../state/form';
import type { PageApi } from '../../state/page';
import {
  formatSweep,
  parseSweep,
  pointCount,
  suggestedSweep,
  toggleMetric,
  type SweepSpec,
} from '../../state/sweep';

interface Props {
  describe: Description;
  fields: Record<string, string>;
  errors: readonly ConfigError[];
  lang: Lang;
  api: PageApi;
}

function ErrorText({ errors, id }: { errors: readonly ConfigError[]; id: string }) {
  if (errors.length === 0) return null;
  return (
    <p id={id} class="field-error" role="status">
      {errors.map((e) => e.message).join('; ')}
    </p>
  );
}

export function SweepControls({ describe, fields: values, errors, lang, api }: Props) {
  const t = strings[lang].sweep;
  const spec = parseSweep(values.sweep ?? '');
  const fields = describe.fields.filter((f) => f.sweepable);
  const field = (key: string) => describe.fields.find((f) => f.key === key);
  const metrics = listItems(values.metric ?? '');
  const errorsOf = (key: string) => errors.filter((e) => e.key === key);
  const help = (key: string) => {
    const f = field(key);
    return f ? tr(f.help, lang) : '';
  };
  const set = api.set;
  const setSpec = (change: Partial<SweepSpec>) => set('sweep', formatSweep({ ...spec, ...change }));
  const points = pointCount(spec, describe.limits.sweep_tolerance);
  const invalid = (key: string) => (errorsOf(key).length > 0 ? ('true' as const) : undefined);
  const num = (key: 'from' | 'to' | 'step', label: string) => (
    <label class="ctl">
      <span>{label}</span>
      <input
        type="text"
        inputMode="decimal"
        class="num"
        size={7}
        autoComplete="off"
        spellcheck={false}
        data-sweep={key}
        aria-invalid={invalid('sweep')}
        value={spec[key]}
        onInput={(e) => setSpec({ [key]: e.currentTarget.value })}
      />
    </label>
  );

  return (
    <div class="view-controls" role="group" aria-label={t.controls}>
      <fieldset class="ctl-group" id="field-sweep" title={help('sweep')}>
        <legend>
          <code>sweep</code>
        </legend>
        <label class="ctl">
          <span>{t.param}</span>
          <select
            value={spec.key}
            data-sweep="key"
            aria-invalid={invalid('sweep')}
            onChange={(e) => {
              const field = fields.find((f) => f.key === e.currentTarget.value);
              if (field) set('sweep', formatSweep(suggestedSweep(field, Number(values[field.key]))));
            }}
          >
            {!fields.some((f) => f.key === spec.key) && <option value={spec.key}>{spec.key}</option>}
            {fields.map((f) => (
              <option key={f.key} value={f.key}>
                {f.key}
              </option>
            ))}
          </select>
        </label>
        {num('from', t.from)}
        {num('to', t.to)}
        {num('step', t.step)}
        <span class="ctl-note" aria-live="polite">
          {points !== null ? t.points(points) : ''}
        </span>
        <ErrorText errors={errorsOf('sweep')} id="field-sweep-error" />
      </fieldset>

      <details class="ctl-group metric-picker" id="field-metric">
        <summary title={help('metric')}>
          <code>metric</code> <span class="picked">{metrics.join(', ')}</span>
        </summary>
        <div class="metric-list">
          {(field('metric')?.choices ?? []).map((m) => {
            const on = metrics.includes(m);
            return (
              <label key={m} class="check">
                <input
                  type="checkbox"
                  data-metric={m}
                  checked={on}
                  disabled={on && metrics.length === 1}
                  onChange={() => set('metric', toggleMetric(values.metric ?? '', m))}
                />
                {m}
              </label>
            );
          })}
        </div>
        <ErrorText errors={errorsOf('metric')} id="field-metric-error" />
      </details>

      <div class="ctl-group">
        <label class="ctl" title={help('sweep_bs')}>
          <span>
            <code>sweep_bs</code>
          </span>
          <input
            id="field-sweep_bs"
            type="text"
            inputMode="numeric"
            class="num"
            size={6}
            autoComplete="off"
            aria-invalid={invalid('sweep_bs')}
            value={values.sweep_bs ?? ''}
            onInput={(e) => set('sweep_bs', e.currentTarget.value)}
          />
        </label>
        <label class="ctl" title={help('sweep_ep')}>
          <span>
            <code>sweep_ep</code>
          </span>
          <input
            id="field-sweep_ep"
            type="text"
            size={14}
            autoComplete="off"
            spellcheck={false}
            aria-invalid={invalid('sweep_ep')}
            value={values.sweep_ep ?? ''}
            onInput={(e) => set('sweep_ep', e.currentTarget.value)}
          />
        </label>
        <label class="ctl" title={help('sweep_group')}>
          <span>{t.group}</span>
          <select
            id="field-sweep_group"
            value={values.sweep_group ?? ''}
            onChange={(e) => set('sweep_group', e.currentTarget.value)}
          >
            {(field('sweep_group')?.choices ?? []).map((g) => (
              <option key={g} value={g}>
                {g === 'ep' ? t.byEp : t.byGpu}
              </option>
            ))}
          </select>
        </label>
        <ErrorText errors={[...errorsOf('sweep_bs'), ...errorsOf('sweep_ep')]} id="field-sweep_bs-error" />
      </div>
    </div>
  );
}
