#!/usr/bin/env bash
# Static checks that `npm test` runs after the build: the TypeScript of the page and its tests
# (strict), the C++ formatting (clang-format, Google style, 100 columns), and the download-size
# budget of the built site: 309 KB gzip, every file counted (308.8 KB; the wasm 204 KB of it: ~121 KB
# of code for 13 model families, serve and the planner; ~27 KB the 912 measured deployments of the
# reality set, embedded without their notes, dates and wording; ~3 KB the error bands of nine
# calibrations, each regime named once (core/data/embed_uncertainty.py);
# the rest description text). It was 200 KB before the
# families and reality rows; issue 19 asks for 220 (docs/ARCHITECTURE.md says what would reach it).
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== tsc --noEmit (strict) =="
npx tsc --noEmit -p web/tsconfig.json

echo "== clang-format =="
mapfile -t sources < <(git ls-files --cached --others --exclude-standard -- '*.cpp' '*.h')
clang-format --dry-run --Werror "${sources[@]}"
echo "${#sources[@]} files formatted"

echo "== bundle budget =="
node bench/bundle_size.mjs --max-kb "${BUNDLE_BUDGET_KB:-309}"
