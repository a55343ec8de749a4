import type { Strings } from '../../i18n';
import { download, EXPORT_FORMATS, type ExportFormat } from '../../table/export';

interface Props {
  /** File name without extension. */
  name: string;
  t: Strings;
  /** Called only on click, so exports cost nothing until asked for. */
  text: (format: ExportFormat) => string;
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
          onClick={() => download(`${name}.${format}`, text(format), mime)}
        >
          {label}
        </button>
      ))}
    </div>
  );
}
