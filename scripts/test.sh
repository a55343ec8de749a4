#!/usr/bin/env bash
# The README's test command: install what is missing, build, check (tsc, clang-format, the bundle
# budget), then run every suite — GoogleTest (ctest), the same suite under ASan + UBSan, a bounded
# libFuzzer run, Vitest on the real wasm, and the end-to-end tests in Chromium. FUZZ_SECONDS
# (default 60) bounds the fuzzing.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
bash scripts/build.sh
source scripts/env.sh
bash scripts/check.sh

echo "== GoogleTest (ctest) =="
ctest --test-dir "$SHALLOWSIM_NATIVE_BUILD" --output-on-failure -j2

echo "== GoogleTest under ASan + UBSan =="
mkdir -p build
bash scripts/sanitize.sh > build/sanitize.log 2>&1 || { tail -n 100 build/sanitize.log; exit 1; }
tail -n 3 build/sanitize.log

echo "== libFuzzer: link decoding and every table, ${FUZZ_SECONDS:-60} s =="
bash scripts/fuzz.sh

echo "== Vitest: engine and components on the real wasm =="
npx vitest run --config web/vite.config.ts

echo "== End-to-end in Chromium =="
npx vitest run --config tests/e2e/vitest.config.ts
