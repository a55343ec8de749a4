#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan) and runs each from its checked-in seed
# corpus: link decoding and every table (link_fuzzer, two thirds of FUZZ_SECONDS, default 60)
# and the config.json importer (model_config_fuzzer, the rest). Longer runs:
# FUZZ_SECONDS=3600 npm run fuzz (the corpora grow in build/fuzz/). A crash leaves crash-* in
# build/fuzz/artifacts; add the input to the seed corpus (and a link to tests/hostile/links.tsv)
# as a regression case.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${FUZZ_SECONDS:-60}"
CC=clang CXX=clang++ cmake -S . -B build/fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DSHALLOWSIM_FUZZ=ON -DSHALLOWSIM_TESTS=OFF -DSHALLOWSIM_BENCH=OFF >/dev/null
cmake --build build/fuzz --target link_fuzzer model_config_fuzzer
mkdir -p build/fuzz/artifacts

run() {  # fuzzer, seed corpus, seconds, max input length
  local corpus="build/fuzz/$1-corpus"
  mkdir -p "$corpus"
  cp "$2"/* "$corpus/"
  "./build/fuzz/$1" "$corpus" -max_total_time="$3" -max_len="$4" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix=build/fuzz/artifacts/ 2>&1 |
    grep -E "^(#[0-9]+ *(DONE|INITED)|stat::number_of_executed_units|stat::average_exec_per_sec|==|SUMMARY|.*ERROR)" || true
}
run link_fuzzer tests/fuzz/corpus $((seconds * 2 / 3)) 12000
run model_config_fuzzer tests/fuzz/model_config_corpus $((seconds - seconds * 2 / 3)) 8192
test -z "$(ls build/fuzz/artifacts)" || { echo "fuzz: crash inputs in build/fuzz/artifacts"; exit 1; }
echo "fuzz: no findings in ${seconds} s"
