// The config form, generated from the engine's schema: one fieldset per group.
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { ConfigError, Engine, SchemaField } from '../../engine';
import { strings, type GroupName, type Lang } from '../../i18n';
import { applyPreset, defaultForm, type FormState } from '../../state/form';
import type { UpdateForm } from '../../state/url';
import { memo } from '../memo';
import { Field } from './Field';
import { GpuPicker } from './GpuPicker';
import { HwEditor } from './HwEditor';

export const FORM_GROUPS: readonly GroupName[] = ['Scenario', 'Model', 'Hardware', 'Advanced'];
const OPEN_AT_START: ReadonlySet<GroupName> = new Set(['Scenario', 'Hardware']);
const NONE: readonly string[] = [];

const MemoField = memo(Field);

interface Props {
  engine: Engine;
  form: FormState;
  errors: readonly ConfigError[];
  lang: Lang;
  update: UpdateForm;
  /** Collapsed at start on narrow screens. */
  startOpen: boolean;
}

function messagesFor(errors: readonly ConfigError[], key: string): readonly string[] {
  const out = errors.filter((e) => e.key === key).map((e) => e.message);
  return out.length ? out : NONE;
}

interface GroupProps extends Props {
  name: GroupName;
  fields: readonly SchemaField[];
  onChange: (key: string, value: string) => void;
}

function Group({ name, fields, onChange, ...props }: GroupProps) {
  const { engine, form, errors, lang, update } = props;
  const t = strings[lang];
  const hasErrors = errors.some((e) => fields.some((f) => f.key === e.key));
  const [open, setOpen] = useState(OPEN_AT_START.has(name) || hasErrors);
  useEffect(() => {
    if (hasErrors) setOpen(true);
  }, [hasErrors]);

  return (
    <details
      class="group"
      open={open}
      data-group={name}
      onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}
    >
      <summary>
        {t.groups[name]}
        {hasErrors && <span class="badge" aria-label="!">!</span>}
      </summary>
      {t.groupNotes[name] && <p class="hint">{t.groupNotes[name]}</p>}
      <div class="fields">
        {fields.map((field) =>
          field.kind === 'hw_rows' ? (
            <HwEditor
              key={field.key}
              engine={engine}
              form={form}
              lang={lang}
              errors={messagesFor(errors, field.key)}
              help={field.help[lang]}
              update={update}
            />
          ) : (
            <div key={field.key} class="field-wrap">
              <MemoField
                field={field}
                value={form.values[field.key] ?? ''}
                errors={messagesFor(errors, field.key)}
                lang={lang}
                onChange={onChange}
              />
              {field.key === 'gpus' && (
                <GpuPicker engine={engine} form={form} lang={lang} update={update} />
              )}
            </div>
          ),
        )}
      </div>
    </details>
  );
}

function errorsText(errors: readonly ConfigError[], fields: readonly SchemaField[]): string {
  return errors
    .filter((e) => fields.some((f) => f.key === e.key))
    .map((e) => `${e.key}\u0000${e.message}`)
    .join('\n');
}

/**
 * A group renders again only when one of its own values, rows or errors changed: a keystroke in
 * one field leaves the other groups (and the GPU picker) alone.
 */
function sameGroup(a: GroupProps, b: GroupProps): boolean {
  if (
    a.name !== b.name ||
    a.fields !== b.fields ||
    a.lang !== b.lang ||
    a.engine !== b.engine ||
    a.onChange !== b.onChange ||
    a.update !== b.update ||
    a.startOpen !== b.startOpen
  ) {
    return false;
  }
  for (const f of a.fields) {
    if (f.kind === 'hw_rows') {
      if (JSON.stringify(a.form.hw) !== JSON.stringify(b.form.hw)) return false;
    } else if (a.form.values[f.key] !== b.form.values[f.key]) {
      return false;
    }
  }
  return a.errors === b.errors || errorsText(a.errors, a.fields) === errorsText(b.errors, b.fields);
}

const MemoGroup = memo(Group, sameGroup);

export function ConfigPanel(props: Props) {
  const { engine, lang, update, startOpen } = props;
  const t = strings[lang];
  const [open, setOpen] = useState(startOpen);
  const groups = useMemo(
    () => FORM_GROUPS.map((g) => [g, engine.schema.filter((f) => f.group === g)] as const),
    [engine],
  );
  const onChange = useCallback(
    (key: string, value: string) =>
      update((f) => {
        if (key === 'model') return applyPreset(engine, f, value);
        f.values[key] = value;
        return f;
      }),
    [engine, update],
  );

  return (
    <details
      class="config"
      id="config"
      open={open}
      onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}
    >
      <summary class="config-title">
        <h2>{t.configTitle}</h2>
      </summary>
      <form class="config-form" onSubmit={(e) => e.preventDefault()} novalidate>
        {groups.map(([group, fields]) => (
          <MemoGroup key={group} name={group} fields={fields} onChange={onChange} {...props} />
        ))}
        <button
          type="button"
          class="small"
          onClick={() =>
            update((f) => {
              // The config goes back to defaults; what is shown (view, sweep, baseline…) stays.
              const fresh = defaultForm(engine);
              for (const field of engine.schema) {
                if (field.group === 'View') fresh.values[field.key] = f.values[field.key] ?? '';
              }
              return fresh;
            })
          }
        >
          {t.resetAll}
        </button>
      </form>
    </details>
  );
}
