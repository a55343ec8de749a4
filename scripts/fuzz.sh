#!/usr/bin/env bash
# Builds the libFuzzer target (clang, ASan + UBSan) and runs it for FUZZ_SECONDS (default 60)
# from the checked-in seed corpus. Longer runs: FUZZ_SECONDS=3600 npm run fuzz (the corpus grows in build/fuzz/corpus).
# A crash leaves crash-* in build/fuzz/artifacts; add the input to tests/fuzz/corpus and to
# tests/hostile/links.tsv as a regression case.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${FUZZ_SECONDS:-60}"
CC=clang CXX=clang++ cmake -S . -B build/fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DSHALLOWSIM_FUZZ=ON -DSHALLOWSIM_TESTS=OFF -DSHALLOWSIM_BENCH=OFF >/dev/null
cmake --build build/fuzz --target link_fuzzer
mkdir -p build/fuzz/corpus build/fuzz/artifacts
cp tests/fuzz/corpus/* build/fuzz/corpus/
./build/fuzz/link_fuzzer build/fuzz/corpus -max_total_time="$seconds" -max_len=12000 \
  -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix=build/fuzz/artifacts/ \
  2>&1 | grep -E "^(#[0-9]+ *(DONE|INITED)|stat::number_of_executed_units|stat::average_exec_per_sec|==|SUMMARY|.*ERROR)" || true
test -z "$(ls build/fuzz/artifacts)" || { echo "fuzz: crash inputs in build/fuzz/artifacts"; exit 1; }
echo "fuzz: no findings in ${seconds} s"
