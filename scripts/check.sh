#!/usr/bin/env bash
# Static checks that `npm test` runs after the build: the TypeScript of the page and its tests
# (strict), the C++ formatting (clang-format, Google style, 100 columns), and the download-size
# budget of the built site (190 KB gzip: the 150 KB of the faithful page plus the
# calibrated model, the embedded deployments data and the planner).
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== tsc --noEmit (strict) =="
npx tsc --noEmit -p web/tsconfig.json

echo "== clang-format =="
mapfile -t sources < <(git ls-files --cached --others --exclude-standard -- '*.cpp' '*.h')
clang-format --dry-run --Werror "${sources[@]}"
echo "${#sources[@]} files formatted"

echo "== bundle budget =="
node bench/bundle_size.mjs --max-kb "${BUNDLE_BUDGET_KB:-190}"
