// Every problem of the current config, as text (never HTML: messages can quote user input).
import type { ConfigError } from '../../engine';
import { strings, type Lang } from '../../i18n';

interface Props {
  errors: readonly ConfigError[];
  lang: Lang;
  /** Keys that have an input on the page (errors on them link to it). */
  fieldKeys: ReadonlySet<string>;
  /** Whether tables from an earlier valid config are on screen. */
  stale: boolean;
}

function focusField(key: string): void {
  const el = document.getElementById(`field-${key}`);
  if (!el) return;
  el.closest('details.config')?.setAttribute('open', '');
  el.closest('details')?.setAttribute('open', '');
  const target = el.matches('input, select, textarea') ? el : el.querySelector('input, select');
  (target as HTMLElement | null)?.focus();
}

export function ErrorList({ errors, lang, fieldKeys, stale }: Props) {
  const t = strings[lang];
  return (
    <div id="config-errors" class="errors" role="alert" hidden={errors.length === 0}>
      {errors.length > 0 && (
        <>
          <p class="errors-title">{t.errorsTitle(errors.length)}</p>
          <ul>
            {errors.map((e, i) => (
              <li key={i} data-key={e.key}>
                {fieldKeys.has(e.key) ? (
                  <button type="button" class="key-link" onClick={() => focusField(e.key)}>
                    <code>{e.key}</code>
                  </button>
                ) : (
                  <code>{e.key}</code>
                )}
                : <span class="message">{e.message}</span>
              </li>
            ))}
          </ul>
          {stale && <p class="stale-note">{t.staleNote}</p>}
        </>
      )}
    </div>
  );
}
