// Why a GPU is missing from the decode-based views: the core's memory arithmetic for each GPU
// whose smallest batch fits nowhere, and the Advanced settings that differ from their defaults
// (a changed mem_util or discount is the usual reason a result looks odd).
import type { FitNote } from '../../engine';
import { strings, type Lang } from '../../i18n';

interface Props {
  notes: readonly FitNote[];
  /** Advanced keys whose value is not the default: [key, value, default]. */
  changed: readonly (readonly [string, string, string])[];
  lang: Lang;
}

export function FitNotes({ notes, changed, lang }: Props) {
  const t = strings[lang].fit;
  if (notes.length === 0 && changed.length === 0) return null;
  return (
    <section class={`fit-notes${notes.length ? '' : ' neutral'}`} id="fit-notes" aria-label={t.title}>
      {notes.length > 0 && (
        <>
          <h3>{t.title}</h3>
          <ul>
            {notes.map((n) => (
              <li key={n.gpu} data-gpu={n.gpu} data-mem-util-needed={String(n.memUtilNeeded)}>
                {n.message}
              </li>
            ))}
          </ul>
        </>
      )}
      {changed.length > 0 && (
        <p class="changed-advanced" id="changed-advanced">
          {t.changed}{' '}
          {changed.map(([key, value, def], i) => (
            <span key={key}>
              {i > 0 && ', '}
              <code>{key}</code> = {value} <span class="muted">({t.default(def)})</span>
            </span>
          ))}
        </p>
      )}
    </section>
  );
}
