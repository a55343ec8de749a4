// bundle_gzip_kb: what a visitor downloads — the built site's JS + WASM + CSS, each gzip -9.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = fileURLToPath(new URL('../web/dist', import.meta.url));
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (/\.(js|wasm|css|html)$/.test(name)) files.push(path);
  }
};
walk(dist);
let total = 0;
for (const f of files) {
  const gz = gzipSync(readFileSync(f), { level: 9 }).length;
  total += gz;
  console.error(`  ${f.slice(dist.length + 1)}: ${(gz / 1024).toFixed(1)} KB gzip`);
}
console.log(`bundle_gzip_kb: ${(total / 1024).toFixed(1)} KB`);
