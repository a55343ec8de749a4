#!/usr/bin/env bash
# Static checks that `npm test` runs after the build: the TypeScript of the page and its tests
# (strict), the C++ formatting (clang-format, Google style, 100 columns), and the download-size
# budget of the built site (200 KB gzip: the 150 KB of the faithful page, 28 KB for the
# calibrated model and the embedded deployments, 12 KB for the planner; 191 KB today).
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== tsc --noEmit (strict) =="
npx tsc --noEmit -p web/tsconfig.json

echo "== clang-format =="
mapfile -t sources < <(git ls-files --cached --others --exclude-standard -- '*.cpp' '*.h')
clang-format --dry-run --Werror "${sources[@]}"
echo "${#sources[@]} files formatted"

echo "== bundle budget =="
node bench/bundle_size.mjs --max-kb "${BUNDLE_BUDGET_KB:-200}"
