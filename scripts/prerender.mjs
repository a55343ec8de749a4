// Puts the default link's first view into web/dist/index.html (web/src/prerender.tsx): the
// tables paint before any script runs. Run by build.sh after `vite build`, with the wasm engine
// the site ships (the same core, so the numbers are the page's).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { prerender } = await import(pathToFileURL(`${root}build/prerender/prerender.js`).href);
const { default: createModule } = await import(pathToFileURL(`${root}web/src/engine/generated/shallowsim.js`).href);
const module = await createModule({ wasmBinary: readFileSync(`${root}web/src/engine/generated/shallowsim.wasm`) });
const html = prerender(module);

// The page's policy refuses style attributes in markup (style-src 'self'; the app sets its
// column widths through the CSSOM, which it allows): each distinct one becomes a rule of a
// stylesheet beside the page, keyed by a data-pr attribute the app's first render removes.
const rules = new Map();
const styled = html.replace(/ style="([^"]*)"/g, (_, css) => {
  if (!rules.has(css)) rules.set(css, rules.size);
  return ` data-pr="${rules.get(css)}"`;
});
const sheet = [...rules].map(([css, n]) => `[data-pr="${n}"]{${css.replace(/&quot;/g, '"')}}`).join('\n');
writeFileSync(`${root}web/dist/assets/prerender.css`, `${sheet}\n`);

const file = `${root}web/dist/index.html`;
const page = readFileSync(file, 'utf8');
const start = page.indexOf('<div id="app">');
const end = page.indexOf('</div>', page.indexOf('</main>', start)) + '</div>'.length;
if (start < 0 || end < start) throw new Error('prerender: no <div id="app"> in index.html');
// data-prerendered: main.tsx takes this markup over instead of showing the loading screen.
const head = page.slice(0, start).replace('</head>', '  <link rel="stylesheet" href="./assets/prerender.css" />\n  </head>');
writeFileSync(file, `${head}<div id="app" data-prerendered="">${styled}</div>${page.slice(end)}`);
console.log(`prerender: ${(styled.length / 1024).toFixed(0)} KB of HTML for the default link, ${rules.size} style rules`);
