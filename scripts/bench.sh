#!/usr/bin/env bash
# `npm run bench`: prints one `name: value unit` line per figure (medians after a warm-up).
# Native figures come from Google Benchmark, the wasm figures from Node and headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh >&2
bash scripts/build.sh >&2
source scripts/env.sh

"$SHALLOWSIM_NATIVE_BUILD/shallowsim_bench" --benchmark_repetitions=10 \
  --benchmark_report_aggregates_only=true --benchmark_format=json 2>/dev/null |
  node -e '
    const out = JSON.parse(require("fs").readFileSync(0, "utf8"));
    const names = {
      decode_table_native: ["decode_table_native_us", "us"],
      page_update_native: ["page_update_native_us", "us"],
      sweep_seq_len_480_visit_native: ["sweep_seq_len_480_native_ms", "ms"],
      sweep_seq_len_480_native: ["sweep_seq_len_480_table_native_ms", "ms"],
      link_round_trip_native: ["link_round_trip_native_us", "us"],
      "plan_12gpu_native/0": ["plan_12gpu_reference_native_ms", "ms"],
      "plan_12gpu_native/1": ["plan_12gpu_calibrated_native_ms", "ms"],
    };
    for (const b of out.benchmarks) {
      if (b.aggregate_name !== "median") continue;
      const [name, unit] = names[b.run_name] ?? [b.run_name, b.time_unit];
      const v = b.real_time;
      console.log(`${name}: ${v >= 100 ? v.toFixed(0) : v.toFixed(2)} ${unit}`);
    }'
node bench/wasm_bench.mjs
node bench/browser_bench.mjs
node bench/bundle_size.mjs
