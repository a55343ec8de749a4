#!/usr/bin/env bash
# `npm run test:quick`: the fast loop — build what changed (native and wasm), then the C++ unit
# tests (ctest) and Vitest on the real wasm. No sanitizers, no fuzzing, no browser, no bundle
# budget: `npm test` (and CI) run those.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
source scripts/env.sh
start=$(date +%s)
cmake -S . -B "$SHALLOWSIM_NATIVE_BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
mkdir -p build
cmake --build "$SHALLOWSIM_NATIVE_BUILD" > build/quick-native.log 2>&1 || { tail -n 40 build/quick-native.log; exit 1; }
emcmake cmake -S . -B "$SHALLOWSIM_WASM_BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$SHALLOWSIM_WASM_BUILD" > build/quick-wasm.log 2>&1 || { tail -n 40 build/quick-wasm.log; exit 1; }
mkdir -p web/src/engine/generated
cp "$SHALLOWSIM_WASM_BUILD/shallowsim.js" "$SHALLOWSIM_WASM_BUILD/shallowsim.wasm" web/src/engine/generated/

echo "== GoogleTest (ctest) =="
ctest --test-dir "$SHALLOWSIM_NATIVE_BUILD" -j2 --output-on-failure | tail -n 3
echo "== Vitest: engine and components on the real wasm =="
npx vitest run --config web/vite.config.ts
echo "test:quick: $(($(date +%s) - start)) s"
