// Native benchmarks of the core (issue: performance). `npm run bench` runs this with
// --benchmark_format=json and prints the medians as `name: value unit` lines.
#include <benchmark/benchmark.h>

#include "shallowsim/config.h"
#include "shallowsim/decode.h"
#include "shallowsim/plan.h"
#include "shallowsim/prefill.h"
#include "shallowsim/sweep.h"
#include "shallowsim/views.h"

namespace {

using namespace shallowsim;

Config Defaults() { return *ParseLink("v=1").config; }

// The default decode table: 855 rows over 12 GPUs × 6 EP × 6 batch × 3 TP.
void decode_table_native(benchmark::State& state) {
  const Config config = Defaults();
  for (auto _ : state) {
    DecodeTable t = Decode(config);
    benchmark::DoNotOptimize(t.rows.data());
  }
}
BENCHMARK(decode_table_native)->Unit(benchmark::kMicrosecond);

// Link → config → prefill + decode + leaderboard + max-batch: what one page update computes.
void page_update_native(benchmark::State& state) {
  for (auto _ : state) {
    const ParseResult parsed = ParseLink("#v=1&seq_len=8192");
    const std::vector<PrefillRow> prefill = PrefillTable(*parsed.config);
    const DecodeTable decode = Decode(*parsed.config);
    const DecodeTable leaderboard = Leaderboard(decode);
    const MaxBatchTable maxbatch = MaxBatchTableOf(*parsed.config);
    benchmark::DoNotOptimize(prefill.data());
    benchmark::DoNotOptimize(leaderboard.rows.data());
    benchmark::DoNotOptimize(maxbatch.rows.data());
  }
}
BENCHMARK(page_update_native)->Unit(benchmark::kMicrosecond);

// The reference's seq_len sweep: 480 points, best row per GPU × batch × EP, as a full table.
void sweep_seq_len_480_native(benchmark::State& state) {
  const Config config = Defaults();
  const SweepSpec spec{"seq_len", 1024, 16352, 32};
  for (auto _ : state) {
    SweepResult r = Sweep(config, spec);
    benchmark::DoNotOptimize(r.table.rows.data());
  }
}
BENCHMARK(sweep_seq_len_480_native)->Unit(benchmark::kMillisecond);

// The same sweep, visiting each point's best rows without building a table (what the page's
// chart needs).
void sweep_seq_len_480_visit_native(benchmark::State& state) {
  const Config config = Defaults();
  const SweepSpec spec{"seq_len", 1024, 16352, 32};
  for (auto _ : state) {
    double sum = 0;
    SweepEach(config, spec, [&](double, const std::vector<DecodeRow>& rows) {
      for (const DecodeRow& r : rows) sum += r.total;
    });
    benchmark::DoNotOptimize(sum);
  }
}
BENCHMARK(sweep_seq_len_480_visit_native)->Unit(benchmark::kMillisecond);

void link_round_trip_native(benchmark::State& state) {
  const std::string link =
      "#v=1&seq_len=8192&bs=16,32,64&ep=72,144&gpus=H200,GB300-NVL72,X1&hw=X1,132,20,989,1979,0,"
      "141,4800,450,50,8";
  for (auto _ : state) {
    const ParseResult parsed = ParseLink(link);
    std::string encoded = EncodeLink(*parsed.config);
    benchmark::DoNotOptimize(encoded.data());
  }
}
BENCHMARK(link_round_trip_native)->Unit(benchmark::kMicrosecond);

}  // namespace

// The planner over the whole catalog (12 GPUs), both modes: prefill search, decode grid search
// and the whole-batch refinement.
void plan_12gpu_native(benchmark::State& state) {
  const Config reference = *ParseLink("#v=1").config;
  const Config calibrated = *ParseLink("#v=1&mode=calibrated").config;
  const Config& config = state.range(0) ? calibrated : reference;
  for (auto _ : state) benchmark::DoNotOptimize(Plan(config));
}
BENCHMARK(plan_12gpu_native)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
