#!/usr/bin/env bash
# The README's test command: install what is missing, build, check (tsc, clang-format, the bundle
# budget), then run every suite — GoogleTest (ctest), the same suite under ASan + UBSan, a bounded
# libFuzzer run, Vitest on the real wasm, and the end-to-end tests in Chromium. FUZZ_SECONDS
# (default 60) bounds the fuzzing.
# The sanitizer and fuzzing builds (their own build directories) run in the background beside the
# main build and the suites, which spend most of their time waiting on the browser: on two cores
# that takes about three minutes off the run. Their logs: build/sanitize.log, build/fuzz.log.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
bash scripts/ensure-deps.sh
mkdir -p build
rm -f build/sanitize.rc build/fuzz.rc
(
  rc=0
  bash scripts/sanitize.sh > build/sanitize.log 2>&1 || rc=1
  echo "$rc" > build/sanitize.rc
  rc=0
  bash scripts/fuzz.sh > build/fuzz.log 2>&1 || rc=1
  echo "$rc" > build/fuzz.rc
) &
checks=$!
trap 'kill "$checks" 2>/dev/null || true' EXIT

bash scripts/build.sh
source scripts/env.sh
bash scripts/check.sh

echo "== GoogleTest (ctest) =="
ctest --test-dir "$SHALLOWSIM_NATIVE_BUILD" --output-on-failure -j2

echo "== Vitest: engine and components on the real wasm =="
npx vitest run --config web/vite.config.ts

echo "== End-to-end in Chromium =="
npx vitest run --config tests/e2e/vitest.config.ts

echo "== GoogleTest under ASan + UBSan (background) =="
wait "$checks" || true
trap - EXIT
if [ "$(cat build/sanitize.rc 2>/dev/null)" != 0 ]; then tail -n 100 build/sanitize.log; exit 1; fi
tail -n 3 build/sanitize.log
echo "== libFuzzer: link decoding and every table, the config.json importer, ${FUZZ_SECONDS:-60} s (background) =="
if [ "$(cat build/fuzz.rc 2>/dev/null)" != 0 ]; then tail -n 40 build/fuzz.log; exit 1; fi
cat build/fuzz.log | tail -n 12
echo "npm test: $(($(date +%s) - start)) s"
