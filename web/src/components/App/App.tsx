// Loads the engine, then shows the page. Nothing renders user text as HTML.
import type { Engine } from '../../engine';
import { strings } from '../../i18n';
import { useEngine } from '../../state/engine';
import { Page } from './Page';

export function App({ win = window, engine: loaded = null }: { win?: Window; engine?: Engine | null }) {
  const { engine, failure } = useEngine(loaded);
  const zh = /(?:^|[#&])lang=zh(?:&|$)/.test(win.location.hash);
  const t = strings[zh ? 'zh' : 'en'];
  if (failure) {
    return (
      <main class="boot">
        <h1>{t.title}</h1>
        <div role="alert">
          <p>{t.loadFailed}</p>
          <pre>{failure}</pre>
        </div>
      </main>
    );
  }
  if (!engine) {
    return (
      <main class="boot" aria-busy="true">
        <h1>{t.title}</h1>
        <p>{t.loading}</p>
      </main>
    );
  }
  return <Page engine={engine} win={win} />;
}
