import { render } from 'preact';
import { App } from './components/App/App';
import { loadEngine } from './engine';
import './styles.css';

const root = document.getElementById('app');
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
