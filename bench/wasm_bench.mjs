// The wasm engine under Node: the calls the page makes, timed after a warm-up.
// Prints `name: value unit` lines (median of the runs).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fmt, median } from './stats.mjs';

const build = fileURLToPath(new URL('../build/wasm/', import.meta.url));
const { default: createShallowSim } = await import(`${build}shallowsim.js`);
const engine = await createShallowSim({ wasmBinary: readFileSync(`${build}shallowsim.wasm`) });

function time(fn, runs, warmup = 3) {
  for (let i = 0; i < warmup; i++) fn(i);
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn(i);
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

// 30 warm-up calls: V8 tiers the wasm up (Liftoff → TurboFan) only after a few; with 3 the
// figure doubled from run to run.
const decode = time(() => engine.compute('#v=1', ['decode']), 200, 30);
// What one keystroke on the decode view asks of the engine: the edit, the form's texts, the table.
const page = time((i) => {
  const link = engine.edit('v=1&view=decode', 'seq_len', String(4000 + i));
  engine.fields(link);
  engine.compute(`#${link}`, ['decode']);
}, 100, 30);
const sweep = time(() => engine.sweepSeries('#v=1&view=sweep'), 10);
const sweepCsv = time(() => engine.exportTable('#v=1&view=sweep', 'sweep', 'csv'), 3, 1);
console.log(`decode_table_wasm_node_us: ${fmt(decode * 1000)} us`);
console.log(`page_update_wasm_node_us: ${fmt(page * 1000)} us`);
console.log(`sweep_seq_len_480_wasm_node_ms: ${fmt(sweep)} ms`);
console.log(`sweep_seq_len_480_csv_wasm_node_ms: ${fmt(sweepCsv)} ms`);

// The plan view: its table (every catalog GPU), and its details (misses, prices, the frontier, the
// P:D-ratio curve: seven more plans), in both modes.
for (const mode of ['reference', 'calibrated']) {
  const link = `#v=1&view=plan&mode=${mode}`;
  const table = time(() => engine.compute(link, ['plan']), 30);
  const details = time(() => engine.planDetails(link), 5, 1);
  console.log(`plan_table_12gpu_${mode}_wasm_node_ms: ${fmt(table)} ms`);
  console.log(`plan_details_12gpu_${mode}_wasm_node_ms: ${fmt(details)} ms`);
}
