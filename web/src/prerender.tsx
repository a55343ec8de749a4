// Build time only (scripts/prerender.mjs, in Node): the page of the default link, rendered to
// HTML with the real engine, so index.html paints the first table before any script runs. The
// page's own code takes it over (main.tsx) once the engine has loaded.
import renderToString from 'preact-render-to-string';
import { Page } from './components/App/Page';
import type { Engine } from './engine';
import { wrap } from './engine/wrap';
import type { ShallowSimModule } from './engine/types';

/** A window as far as the page reads it while rendering: no fragment, no history yet. */
function bootWindow(): Window {
  const noop = () => undefined;
  return {
    location: { hash: '', pathname: '/', search: '', href: '/' },
    history: { replaceState: noop, pushState: noop, state: null },
    addEventListener: noop,
    removeEventListener: noop,
    document: { documentElement: {}, title: '' },
  } as unknown as Window;
}

/** The default link's page as HTML (what `render(<App />)` shows for an empty fragment). */
export function prerender(module: ShallowSimModule): string {
  const engine: Engine = wrap(module);
  return renderToString(<Page engine={engine} win={bootWindow()} />);
}
