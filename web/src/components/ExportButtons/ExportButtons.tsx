// Downloads of a table in the CLI's formats: the text comes from the core, byte for byte what
// `shallowsim <table> LINK --format <f>` prints.
import type { ExportFormat, ExportResult } from '../../engine';
import type { Strings } from '../../i18n';
import { download } from './download';

export const EXPORT_FORMATS: { format: ExportFormat; label: string; mime: string }[] = [
  { format: 'csv', label: 'CSV', mime: 'text/csv' },
  { format: 'md', label: 'Markdown', mime: 'text/markdown' },
  { format: 'json', label: 'JSON', mime: 'application/json' },
];

interface Props {
  /** File name without extension. */
  name: string;
  t: Strings;
  /** Called only on click, so exports cost nothing until asked for. */
  text: (format: ExportFormat) => ExportResult;
}

export function ExportButtons({ name, t, text }: Props) {
  return (
    <div class="export" role="group" aria-label={t.exportLabel}>
      <span class="export-label">{t.exportLabel}</span>
      {EXPORT_FORMATS.map(({ format, label, mime }) => (
        <button
          type="button"
          class="small"
          key={format}
          data-export={format}
          title={t.exportAs(label)}
          onClick={() => {
            const result = text(format);
            if (result.ok) download(`${name}.${format === 'md' ? 'md' : format}`, result.text, mime);
          }}
        >
          {label}
        </button>
      ))}
    </div>
  );
}
