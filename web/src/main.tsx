import { render } from 'preact';
import { App } from './components/App/App';
import { loadEngine, type Engine } from './engine';
import './styles.css';

const root = document.getElementById('app');

/**
 * What a visitor typed into the prerendered form before the engine arrived goes into the link
 * first, so the page renders it (and computes it) instead of putting the defaults back.
 */
function carryTypedFields(engine: Engine, form: HTMLElement): void {
  let link = location.hash.slice(1) || `v=${engine.describe.version}`;
  let typed = false;
  for (const el of form.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[id^="field-"]')) {
    const key = el.id.slice('field-'.length);
    let value: string | null = null;
    if (el instanceof HTMLSelectElement) {
      const initial = [...el.options].find((o) => o.defaultSelected)?.value ?? el.options[0]?.value;
      if (el.value !== initial) value = el.value;
    } else if (el.type === 'checkbox') {
      if (el.checked !== el.defaultChecked) value = el.checked ? '1' : '0';
    } else if (el.value !== el.defaultValue) {
      value = el.value;
    }
    if (value === null) continue;
    link = engine.edit(`#${link}`, key, value);
    typed = true;
  }
  if (typed) history.replaceState(history.state, '', `#${link}`);
}
if (root?.hasAttribute('data-prerendered')) {
  // index.html holds the default link's page (scripts/prerender.mjs): it stays on screen while
  // the engine loads, then the page renders over it. For that link the markup is the same, so
  // render() reuses its elements and only patches their attributes: nothing moves. For any
  // other link boot.js hid the prerendered tables meanwhile.
  // The engine starts after the prerendered page's first frame: its compile would hold that
  // frame back otherwise.
  const start = () =>
    loadEngine().then(
      (engine) => {
        carryTypedFields(engine, root);
        render(<App engine={engine} />, root);
        document.documentElement.classList.remove('linked');
        root.removeAttribute('data-prerendered');
      },
      () => render(<App />, root),
    );
  requestAnimationFrame(() => setTimeout(start, 0));
} else if (root) {
  render(<App />, root);
}
