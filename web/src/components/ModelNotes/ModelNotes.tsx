// "Model notes": what the faithful reference model does that an analyst should know (the core's
// quirk list), with what calibrated mode does instead.
import type { CorrectionEffect, Quirk } from '../../engine';
import { formatNumber, strings, tr, type Lang } from '../../i18n';

interface Props {
  quirks: readonly Quirk[];
  /** Measured on the default tables in calibrated mode (null until computed). */
  effects: ReadonlyMap<string, CorrectionEffect> | null;
  lang: Lang;
}

export function ModelNotes({ quirks, effects, lang }: Props) {
  const t = strings[lang];
  return (
    <section class="notes" id="model-notes" aria-labelledby="model-notes-title">
      <h2 id="model-notes-title">{t.notesTitle}</h2>
      <p class="hint">{t.notesIntro}</p>
      <ol>
        {quirks.map((q) => (
          <li key={q.id} id={`note-${q.id}`} data-corrected={q.corrected ? 'true' : 'false'}>
            <strong class="note-id">{q.id}</strong> {tr(q.text, lang)}
            {q.effect.en && <span class="effect"> {tr(q.effect, lang)}</span>}
            <span class="correction">
              {' '}
              <em>{q.corrected ? t.corrected : t.kept}</em> {tr(q.correction, lang)}
            </span>
            {q.corrected && effects?.get(q.id) && (
              <span class="measured-effect" data-effect={q.id}>
                {' '}
                {t.effect(effects.get(q.id) as CorrectionEffect, (v) => formatNumber(v, 1, lang))}
              </span>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
