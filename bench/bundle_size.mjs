// bundle_gzip_kb: what a visitor can download — every JS, WASM, CSS, HTML and data file of the built
// site (the chart chunk and the worker included), each gzip -9.
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
    else if (/\.(js|wasm|css|html|csv|json)$/.test(name)) files.push(path);
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
// --max-kb N: the budget (scripts/check.sh). gzip -9 of the same build is the same number.
const at = process.argv.indexOf('--max-kb');
if (at > 0) {
  const max = Number(process.argv[at + 1]);
  if (!(total / 1024 <= max)) {
    console.error(`bundle_gzip_kb ${(total / 1024).toFixed(1)} KB is over the ${max} KB budget`);
    process.exit(1);
  }
}
