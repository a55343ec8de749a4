#!/usr/bin/env bash
# The README's test command: install what is missing, build, then run every suite —
# GoogleTest (ctest), Vitest on the real wasm, and the end-to-end tests in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
bash scripts/build.sh
source scripts/env.sh

echo "== GoogleTest (ctest) =="
ctest --test-dir "$SHALLOWSIM_NATIVE_BUILD" --output-on-failure -j2

echo "== Vitest: engine and components on the real wasm =="
npx vitest run --config web/vite.config.ts

echo "== End-to-end in Chromium =="
npx vitest run --config tests/e2e/vitest.config.ts
