// A view's own inputs (the core's ViewInfo.inputs: the plan's workload and targets, the serve
// benchmark's deployment), as the fields of one fieldset. sort= belongs to the table.
import type { ConfigError, FieldInfo } from '../../engine';
import type { Lang } from '../../i18n';
import type { PageApi } from '../../state/page';
import { Field } from '../ConfigPanel/Field';

interface Props {
  id: string;
  legend: string;
  keys: readonly string[];
  fieldInfo: readonly FieldInfo[];
  fields: Record<string, string>;
  errors: readonly ConfigError[];
  lang: Lang;
  api: PageApi;
}

export function ViewInputs({ id, legend, keys, fieldInfo, fields, errors, lang, api }: Props) {
  return (
    <fieldset class="plan-inputs" id={id}>
      <legend>{legend}</legend>
      {keys
        .filter((key) => key !== 'sort')
        .map((key) => {
          const f = fieldInfo.find((x) => x.key === key);
          if (!f) return null;
          return (
            <Field
              key={key}
              field={f}
              value={fields[key] ?? ''}
              errors={errors.filter((e) => e.key === key).map((e) => e.message)}
              lang={lang}
              onChange={api.set}
            />
          );
        })}
    </fieldset>
  );
}
