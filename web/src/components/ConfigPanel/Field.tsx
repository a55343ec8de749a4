// One input generated from a schema field: its key as label, unit, help (en/zh) and errors.
import type { FieldInfo } from '../../engine';
import { tr, type Lang } from '../../i18n';

interface Props {
  field: FieldInfo;
  value: string;
  errors: readonly string[];
  lang: Lang;
  onChange: (key: string, value: string) => void;
}

function rangeText(f: FieldInfo): string {
  if (f.kind === 'bool') return '0 / 1';
  if (f.min === 0 && f.max === 0) return '';
  return `${f.min_exclusive ? '>' : ''}${f.min} … ${f.max}`;
}

/** ArrowUp/ArrowDown step a whole number by 1 (×10 with Shift), within the schema's range. */
function stepped(f: FieldInfo, text: string, direction: 1 | -1, big: boolean): string | null {
  if (f.kind !== 'int' || !/^\s*[+-]?\d+\s*$/.test(text)) return null;
  const next = Number(text) + direction * (big ? 10 : 1);
  return String(Math.min(f.max, Math.max(f.min, next)));
}

export function Field({ field, value, errors, lang, onChange }: Props) {
  const id = `field-${field.key}`;
  const help = tr(field.help, lang);
  const invalid = errors.length > 0;
  const describedBy = `${id}-help${invalid ? ` ${id}-error` : ''}`;
  const range = rangeText(field);
  const title = range ? `${help}\n${range}${field.unit ? ` ${field.unit}` : ''}` : help;
  const common = {
    id,
    name: field.key,
    'aria-invalid': invalid ? ('true' as const) : undefined,
    'aria-describedby': describedBy,
    title,
  };

  let input;
  if (field.kind === 'bool') {
    input = (
      <input
        {...common}
        type="checkbox"
        checked={value === '1'}
        onChange={(e) => onChange(field.key, e.currentTarget.checked ? '1' : '0')}
      />
    );
  } else if (field.kind === 'choice') {
    const choices = field.choices.includes(value) ? field.choices : [...field.choices, value];
    input = (
      <select {...common} value={value} onChange={(e) => onChange(field.key, e.currentTarget.value)}>
        {choices.map((c) => (
          <option key={c} value={c}>
            {c === '' ? '—' : c}
          </option>
        ))}
      </select>
    );
  } else {
    const numeric = field.kind === 'int' || field.kind === 'float';
    input = (
      <input
        {...common}
        type="text"
        inputMode={field.kind === 'int' ? 'numeric' : field.kind === 'float' ? 'decimal' : 'text'}
        autoComplete="off"
        spellcheck={false}
        class={numeric ? 'num' : undefined}
        value={value}
        onInput={(e) => onChange(field.key, e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
          const next = stepped(field, e.currentTarget.value, e.key === 'ArrowUp' ? 1 : -1, e.shiftKey);
          if (next === null) return;
          e.preventDefault();
          onChange(field.key, next);
        }}
      />
    );
  }

  return (
    <div class={`field kind-${field.kind}${invalid ? ' invalid' : ''}`} data-field={field.key}>
      <label for={id}>
        <code>{field.key}</code>
        {field.unit && <span class="unit">{field.unit}</span>}
      </label>
      {input}
      <small id={`${id}-help`} class="help">
        {help}
      </small>
      {invalid && (
        <p id={`${id}-error`} class="field-error" role="status">
          {errors.join('; ')}
        </p>
      )}
    </div>
  );
}
