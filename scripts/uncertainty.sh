#!/usr/bin/env bash
# Regenerates core/data/uncertainty.csv (the error bars the tables show) from the reality set,
# after a change to the model, a calibration or core/data/deployments.csv. A GoogleTest fails
# while the shipped table differs from what the model computes.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
cmake --build "$SHALLOWSIM_NATIVE_BUILD" --target shallowsim
"$SHALLOWSIM_NATIVE_BUILD/shallowsim" uncertainty --format csv --digits shortest > core/data/uncertainty.csv.new
mv core/data/uncertainty.csv.new core/data/uncertainty.csv
cmake --build "$SHALLOWSIM_NATIVE_BUILD"
echo "core/data/uncertainty.csv: $(($(wc -l < core/data/uncertainty.csv) - 1)) lines"
