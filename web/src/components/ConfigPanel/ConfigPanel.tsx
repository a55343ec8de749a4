// The config form, generated from the core's description: one fieldset per group it marks for
// the form, one input per key. Edits go to the page state as (key, text).
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ConfigError, Description, FieldInfo, GroupInfo } from '../../engine';
import { strings, tr, type Lang } from '../../i18n';
import type { PageApi } from '../../state/page';
import { memo } from '../memo';
import { Field } from './Field';
import { GpuPicker } from './GpuPicker';
import { HwEditor } from './HwEditor';
import { ModelPanel } from './ModelPanel';

const NONE: readonly string[] = [];

const MemoField = memo(Field);

interface Props {
  describe: Description;
  fields: Record<string, string>;
  errors: readonly ConfigError[];
  lang: Lang;
  api: PageApi;
  /** Collapsed at start on narrow screens. */
  startOpen: boolean;
  /** What is physically odd about the link's hw= rows (the core's GpuWarnings). */
  hwWarnings: readonly { gpu: string; warnings: string[] }[];
  /** What the last good link's model is (the model panel). */
  modelFacts: Record<string, string | number | null> | null;
}

function messagesFor(errors: readonly ConfigError[], key: string): readonly string[] {
  const out = errors.filter((e) => e.key === key).map((e) => e.message);
  return out.length ? out : NONE;
}

interface GroupProps extends Props {
  group: GroupInfo;
  members: readonly FieldInfo[];
}

function Group({ group, members, ...props }: GroupProps) {
  const { describe, fields, errors, lang, api } = props;
  const hasErrors = errors.some((e) => members.some((f) => f.key === e.key));
  const [open, setOpen] = useState(group.open || hasErrors);
  useEffect(() => {
    if (hasErrors) setOpen(true);
  }, [hasErrors]);
  const note = tr(group.note, lang);

  return (
    <details
      class="group"
      open={open}
      data-group={group.key}
      onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}
    >
      <summary>
        {tr(group.label, lang)}
        {hasErrors && (
          <span class="badge" aria-hidden="true">
            !
          </span>
        )}
      </summary>
      {note && <p class="hint">{note}</p>}
      <div class="fields">
        {members.map((field) =>
          field.kind === 'hw_rows' ? (
            <HwEditor
              key={field.key}
              describe={describe}
              fields={fields}
              lang={lang}
              errors={messagesFor(errors, field.key)}
              help={tr(field.help, lang)}
              api={api}
              warnings={props.hwWarnings}
            />
          ) : field.key === 'model' ? (
            <div key={field.key} class="field-wrap">
              <ModelPanel
                describe={describe}
                field={field}
                value={fields[field.key] ?? ''}
                errors={messagesFor(errors, field.key)}
                facts={props.modelFacts}
                lang={lang}
                api={api}
              />
            </div>
          ) : (
            <div key={field.key} class="field-wrap">
              <MemoField
                field={field}
                value={fields[field.key] ?? ''}
                errors={messagesFor(errors, field.key)}
                lang={lang}
                onChange={api.set}
              />
              {field.key === 'gpus' && (
                <GpuPicker describe={describe} fields={fields} lang={lang} api={api} />
              )}
            </div>
          ),
        )}
      </div>
    </details>
  );
}

function errorsText(errors: readonly ConfigError[], members: readonly FieldInfo[]): string {
  return errors
    .filter((e) => members.some((f) => f.key === e.key))
    .map((e) => `${e.key}\u0000${e.message}`)
    .join('\n');
}

/**
 * A group renders again only when one of its own values or errors changed: a keystroke in one
 * field leaves the other groups (and the GPU picker) alone.
 */
function sameGroup(a: GroupProps, b: GroupProps): boolean {
  if (
    a.group !== b.group ||
    a.members !== b.members ||
    a.lang !== b.lang ||
    a.describe !== b.describe ||
    a.api !== b.api ||
    a.startOpen !== b.startOpen
  ) {
    return false;
  }
  if (
    a.members.some((f) => f.kind === 'hw_rows') &&
    JSON.stringify(a.hwWarnings) !== JSON.stringify(b.hwWarnings)
  ) {
    return false;
  }
  if (a.members.some((f) => f.key === 'model') && a.modelFacts !== b.modelFacts) return false;
  // The GPU picker lists the custom GPUs' names too.
  if (a.members.some((f) => f.key === 'gpus') && a.fields.hw !== b.fields.hw) return false;
  for (const f of a.members) {
    if (a.fields[f.key] !== b.fields[f.key]) return false;
  }
  return a.errors === b.errors || errorsText(a.errors, a.members) === errorsText(b.errors, b.members);
}

const MemoGroup = memo(Group, sameGroup);

export function ConfigPanel(props: Props) {
  const { describe, lang, api, startOpen } = props;
  const t = strings[lang];
  const [open, setOpen] = useState(startOpen);
  const groups = useMemo(
    () =>
      describe.groups
        .filter((g) => g.in_form)
        .map((g) => [g, describe.fields.filter((f) => f.group === g.key)] as const),
    [describe],
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
        {groups.map(([group, members]) => (
          <MemoGroup key={group.key} group={group} members={members} {...props} />
        ))}
        <button type="button" class="small" onClick={api.reset}>
          {t.resetAll}
        </button>
      </form>
    </details>
  );
}
