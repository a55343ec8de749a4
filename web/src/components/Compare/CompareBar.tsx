// A/B: pin the current configuration as the baseline (base= in the link), see which settings
// differ from it, clear it.
import type { Baseline, ConfigChange } from '../../engine';
import { strings, type Lang } from '../../i18n';

interface Props {
  lang: Lang;
  /** Whether a baseline is pinned. */
  pinned: boolean;
  /** The baseline's own result (null when none). */
  baseline: Baseline | null;
  changes: readonly ConfigChange[];
  /** False while the configuration has errors: there is nothing valid to pin. */
  canPin: boolean;
  onPin: () => void;
  onClear: () => void;
}

export function CompareBar({ lang, pinned, baseline, changes, canPin, onPin, onClear }: Props) {
  const t = strings[lang].compare;
  return (
    <section class={pinned ? 'compare pinned' : 'compare'} id="compare" aria-label={t.label}>
      {pinned ? (
        <div class="compare-body">
          <p class="compare-title">
            <strong>{t.title}</strong>{' '}
            {baseline && !baseline.ok ? (
              <span class="bad">
                {t.failed} {baseline.errors.map((e) => `${e.key}: ${e.message}`).join('; ')}
              </span>
            ) : changes.length === 0 ? (
              <span class="muted">{t.same}</span>
            ) : (
              <span class="muted">{t.changes(changes.length)}</span>
            )}
          </p>
          {changes.length > 0 && (
            <ul class="changes">
              {changes.map((c) => (
                <li key={c.key} data-key={c.key}>
                  <code>{c.key}</code> <span class="was">{c.base}</span> → <span class="now">{c.current}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : (
        <p class="hint compare-hint">{t.hint}</p>
      )}
      <div class="compare-actions">
        <button type="button" class="small" id="pin-baseline" disabled={!canPin} onClick={onPin}>
          {pinned ? t.repin : t.pin}
        </button>
        {pinned && (
          <button type="button" class="small" id="clear-baseline" onClick={onClear}>
            {t.clear}
          </button>
        )}
      </div>
    </section>
  );
}
