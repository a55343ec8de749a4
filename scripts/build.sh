#!/usr/bin/env bash
# Builds everything: the native core, CLI, tests and benchmarks; the wasm module; the page.
# `build.sh site`: only the wasm module and the page (the Pages workflow).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

if [ "${1:-}" != site ]; then
  cmake -S . -B "$SHALLOWSIM_NATIVE_BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$SHALLOWSIM_NATIVE_BUILD"
fi

emcmake cmake -S . -B "$SHALLOWSIM_WASM_BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$SHALLOWSIM_WASM_BUILD"
mkdir -p web/src/engine/generated
cp "$SHALLOWSIM_WASM_BUILD/shallowsim.js" "$SHALLOWSIM_WASM_BUILD/shallowsim.wasm" \
   web/src/engine/generated/

npx vite build --config web/vite.config.ts --logLevel warn
# The default link's page into index.html (first paint without waiting for the engine).
npx vite build --config web/vite.config.ts --ssr src/prerender.tsx --outDir ../build/prerender \
  --emptyOutDir --logLevel warn
node scripts/prerender.mjs
