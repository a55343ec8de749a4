// Title, language toggle and "Copy link".
import { useEffect, useState } from 'preact/hooks';
import { strings, type Lang } from '../../i18n';

interface Props {
  lang: Lang;
  /** What computes the numbers: the model preset and the mode. */
  model: string;
  /** The languages the core describes: key (lang=) and label. */
  languages: readonly { key: string; label: string }[];
  onLang: (lang: string) => void;
  /** The link to share, with any pending address-bar write flushed first. */
  shareUrl: () => string;
}

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Clipboard API refused (insecure context, permissions): the old way.
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}

export function Header({ lang, model, languages, onLang, shareUrl }: Props) {
  const t = strings[lang];
  const [status, setStatus] = useState('');
  useEffect(() => {
    if (!status) return;
    const timer = setTimeout(() => setStatus(''), 2500);
    return () => clearTimeout(timer);
  }, [status]);

  return (
    <header class="top">
      <div class="brand">
        <h1>{t.title}</h1>
        <p class="tagline">{t.tagline}</p>
        <p class="model-in-use" id="model-in-use">
          {model}
        </p>
      </div>
      <div class="actions">
        <div class="lang" role="group" aria-label={t.languageLabel}>
          {languages.map(({ key, label }) => (
            <button
              key={key}
              type="button"
              class="small"
              lang={key === 'zh' ? 'zh-CN' : key}
              aria-pressed={lang === key}
              onClick={() => onLang(key)}
            >
              {label}
            </button>
          ))}
        </div>
        <button
          type="button"
          class="primary"
          id="copy-link"
          onClick={async () => setStatus((await copy(shareUrl())) ? t.copied : t.copyFailed)}
        >
          {t.copyLink}
        </button>
        <span class="copy-status" role="status" aria-live="polite">
          {status}
        </span>
      </div>
    </header>
  );
}
