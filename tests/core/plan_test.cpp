// The planner (plan.h): rate matching and cost with hand-computed values, the targets every row
// meets, monotonicity in the targets, the load sizing, prices, misses, and agreement with the
// decode and prefill tables the plan's links open.
#include "shallowsim/plan.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "shallowsim/calibration.h"
#include "shallowsim/columns.h"
#include "shallowsim/decode.h"
#include "shallowsim/prefill.h"
#include "shallowsim/serve.h"
#include "shallowsim/views.h"
#include "test_util.h"

namespace shallowsim {
namespace {

using testing::ConfigOf;

TEST(RateMatch, HandComputed) {
  // 1000 output tok/s per decode GPU with isl/osl = 4 needs 4000 input tok/s: one prefill GPU
  // at 4000 tok/s. Two GPUs emit 1000 output tok/s: 500 per GPU, 2500 input + output.
  const Matched m = RateMatch(1000, 4000, 2048, 512);
  EXPECT_DOUBLE_EQ(m.pd_ratio, 1.0);
  EXPECT_DOUBLE_EQ(m.output_tps_per_gpu, 500.0);
  EXPECT_DOUBLE_EQ(m.total_tps_per_gpu, 2500.0);
  // isl = osl = 1024, prefill 10× faster per GPU: 0.1 prefill GPUs per decode GPU.
  const Matched n = RateMatch(3000, 30000, 1024, 1024);
  EXPECT_DOUBLE_EQ(n.pd_ratio, 0.1);
  EXPECT_NEAR(n.output_tps_per_gpu, 3000 / 1.1, 1e-9);
  EXPECT_NEAR(n.total_tps_per_gpu, 2 * 3000 / 1.1, 1e-9);
}

TEST(RateMatch, CostPerMillionTokens) {
  // $2 per GPU-hour at 500 tok/s per GPU: 1.8 M tokens per GPU-hour, $1.111… per million.
  EXPECT_NEAR(UsdPerMillion(2.0, 500), 2.0 / 1.8, 1e-12);
  EXPECT_NEAR(UsdPerMillion(1.86, 16155.4), 1.86e6 / (3600 * 16155.4), 1e-15);
}

// Every plan row of a link, with its GPU name.
PlanTable PlanOf(const std::string& link) { return Plan(ConfigOf(link)); }

const std::vector<std::string> kLinks = {
    "#v=1",
    "#v=1&mode=calibrated",
    "#v=1&isl=8192&osl=1024&tpot_ms=30",
    "#v=1&mode=calibrated&isl=1024&osl=8192&tpot_ms=20&ttft_ms=1500",
    "#v=1&mode=calibrated&mtp=1&kv_dtype=bf16&isl=4000&osl=1000&tpot_ms=40",
    "#v=1&gpus=GB200-NVL72,H200&isl=1024&osl=1024&tpot_ms=25&ttft_ms=2000",
};

// A disaggregated row's TTFT with `instances` prefill instances (infinite when the pool cannot
// keep up): its prefill forward from the prefill table, queued as serve queues it.
double QueuedTtft(const Config& c, const PlanRow& r, const std::string& gpu, double instances) {
  Config p = c;
  p.gpus = {gpu};
  p.scenario.seq_len = c.scenario.isl;
  p.scenario.decode_len = 0;
  p.scenario.tp = r.prefill_tp;
  p.scenario.dp = r.prefill_dp;
  p.scenario.prefill_tokens = c.mode == Mode::kCalibrated ? r.prefill_tokens : 0;
  const std::vector<PrefillRow> rows = PrefillTable(p);
  if (rows.size() != 1 || instances < 1) return std::numeric_limits<double>::infinity();
  const double input =
      r.decode_ep * r.decode_instances * r.decode_tps * c.scenario.isl / c.scenario.osl;
  const double rho = input / (instances * r.prefill_tp * r.prefill_dp * rows[0].prefill_tps);
  if (rho > 0.99 * (1 + 1e-9)) return std::numeric_limits<double>::infinity();
  const Gpu g = SelectedGpus(p)[0];
  return QueuedTtftMs(rows[0].sum, rho, KvTransferMs(c, g, r.prefill_tp),
                      r.tpot_ms * MtpAccept(c.scenario));
}

TEST(Plan, EveryRowMeetsTheTargets) {
  for (const std::string& link : kLinks) {
    const Config c = ConfigOf(link);
    const PlanTable plan = Plan(c);
    ASSERT_FALSE(plan.rows.empty()) << link;
    for (const PlanRow& r : plan.rows) {
      const std::string& gpu = plan.gpus[static_cast<size_t>(r.gpu)];
      EXPECT_LE(r.ttft_ms, c.scenario.ttft_ms) << link << " " << gpu;
      EXPECT_LE(r.tpot_ms, c.scenario.tpot_ms) << link << " " << gpu;
      EXPECT_GT(r.output_tps_per_gpu, 0) << link << " " << gpu;
      EXPECT_NEAR(r.tps_user, 1000 / r.tpot_ms, 1e-9 * r.tps_user);
      EXPECT_NEAR(r.usd_per_m_output, r.usd_per_gpu_hr * 1e6 / (3600 * r.output_tps_per_gpu),
                  1e-9 * r.usd_per_m_output);
      EXPECT_NEAR(r.total_tps_per_gpu,
                  r.output_tps_per_gpu * (c.scenario.isl + c.scenario.osl) / c.scenario.osl,
                  1e-9 * r.total_tps_per_gpu);
      EXPECT_DOUBLE_EQ(r.usd_per_hour, r.gpus * r.usd_per_gpu_hr);
      EXPECT_GT(r.uncertainty_pct, 0) << link << " " << gpu;
      EXPECT_LE(r.batch, r.max_batch) << link << " " << gpu;
      if (r.serving == Serving::kDisagg) {
        EXPECT_NEAR(r.pd_ratio, r.decode_tps * c.scenario.isl / c.scenario.osl / r.prefill_tps,
                    1e-9);
        // Without load or budget: one decode instance and the whole prefill instances it needs.
        const double prefill_gpus = r.prefill_tp * r.prefill_dp;
        EXPECT_EQ(r.decode_instances, 1);
        EXPECT_EQ(r.gpus, r.prefill_instances * prefill_gpus + r.decode_ep);
        // TTFT is the prefill forward with its queue (M/D/1 at the pool's load), the KV
        // crossing and a decode step; one prefill instance fewer would miss the target.
        EXPECT_NEAR(r.ttft_ms, QueuedTtft(c, r, gpu, r.prefill_instances), 1e-9 * r.ttft_ms);
        EXPECT_GT(QueuedTtft(c, r, gpu, r.prefill_instances - 1), c.scenario.ttft_ms)
            << link << " " << gpu;
        // Whole instances deliver no more per GPU than fractional rate matching.
        EXPECT_LE(r.output_tps_per_gpu, r.ideal_output_tps_per_gpu * (1 + 1e-12));
        EXPECT_NEAR(r.output_tps_per_gpu * r.gpus, r.decode_ep * r.decode_tps,
                    1e-9 * r.decode_ep * r.decode_tps);
      } else {
        EXPECT_EQ(r.prefill_instances, 0);
        EXPECT_EQ(r.gpus, r.decode_instances * r.decode_ep);
        EXPECT_DOUBLE_EQ(r.output_tps_per_gpu, r.decode_tps);
      }
    }
  }
}

// Monotonic in the targets: within a GPU budget, tighter targets never deliver more (without a
// budget, one decode instance's whole prefill instances round differently at each target).
TEST(Plan, TighteningTpotNeverRaisesOutputPerGpu) {
  for (const std::string mode : {"reference", "calibrated"}) {
    std::map<std::string, double> last;
    for (double tpot : {200.0, 100.0, 60.0, 40.0, 30.0, 25.0, 20.0, 15.0, 12.0, 10.0}) {
      const PlanTable plan = PlanOf("#v=1&serving=disagg&gpus_total=512&mode=" + mode +
                                    "&tpot_ms=" + FormatNumber(tpot));
      std::map<std::string, double> now;
      for (const PlanRow& r : plan.rows) now[plan.gpus[r.gpu]] = r.output_tps_per_gpu * r.gpus;
      for (const auto& [gpu, before] : last) {
        const auto it = now.find(gpu);
        if (it != now.end()) {
          // Within the batch grid's step: a looser target's candidates hold every grid batch,
          // but not the whole batch between two grid points a tighter target's best may be.
          EXPECT_LE(it->second, before * 1.01) << mode << " " << gpu << " " << tpot;
        }
      }
      // A GPU that dropped out stays out.
      for (const auto& [gpu, v] : now) {
        if (!last.empty()) {
          EXPECT_TRUE(last.count(gpu)) << mode << " " << gpu << " " << tpot;
        }
      }
      last = now;
    }
  }
}

TEST(Plan, TighteningTtftNeverRaisesOutputPerGpu) {
  std::map<std::string, double> last;
  for (double ttft : {5000.0, 2000.0, 1000.0, 500.0, 200.0, 100.0}) {
    const PlanTable plan =
        PlanOf("#v=1&serving=disagg&gpus_total=512&mode=calibrated&isl=8192&tpot_ms=60&ttft_ms=" +
               FormatNumber(ttft));
    for (const PlanRow& r : plan.rows) {
      const std::string& gpu = plan.gpus[r.gpu];
      const double delivered = r.output_tps_per_gpu * r.gpus;
      if (last.count(gpu)) {
        EXPECT_LE(delivered, last[gpu]) << gpu << " " << ttft;
      }
      last[gpu] = delivered;
    }
  }
}

TEST(Plan, AggregatedTighteningNeverRaisesOutputPerGpu) {
  std::map<std::string, double> last;
  for (double tpot : {100.0, 50.0, 30.0, 20.0}) {
    const PlanTable plan =
        PlanOf("#v=1&serving=agg&mode=calibrated&gpus=H200,DGX-B200&tpot_ms=" + FormatNumber(tpot));
    for (const PlanRow& r : plan.rows) {
      const std::string& gpu = plan.gpus[r.gpu];
      EXPECT_EQ(r.serving, Serving::kAgg);
      EXPECT_LE(r.tpot_ms, tpot);
      if (last.count(gpu)) {
        // Within the 1/16 the concurrency search resolves.
        EXPECT_LE(r.output_tps_per_gpu, last[gpu] * (1 + 1 / 16.0)) << gpu << " " << tpot;
      }
      last[gpu] = r.output_tps_per_gpu;
    }
  }
  EXPECT_EQ(last.size(), 2u);
}

TEST(Plan, BestIsTheBetterOfAggAndDisaggPerGpu) {
  for (const std::string gpus : {"H200", "DGX-B200", "GB200-NVL72", "H20"}) {
    const std::string base = "#v=1&mode=calibrated&isl=1024&osl=1024&tpot_ms=30&gpus=" + gpus;
    const PlanTable best = PlanOf(base);
    const PlanTable agg = PlanOf(base + "&serving=agg");
    const PlanTable disagg = PlanOf(base + "&serving=disagg");
    ASSERT_EQ(best.rows.size(), 1u) << gpus;
    double want = 0;
    if (!agg.rows.empty()) want = std::max(want, agg.rows[0].output_tps_per_gpu);
    if (!disagg.rows.empty()) want = std::max(want, disagg.rows[0].output_tps_per_gpu);
    EXPECT_EQ(best.rows[0].output_tps_per_gpu, want) << gpus;
  }
}

TEST(Plan, ABudgetHoldsEveryRow) {
  for (const std::string serving : {"best", "agg", "disagg"}) {
    const Config c = ConfigOf("#v=1&mode=calibrated&gpus_total=64&serving=" + serving);
    const PlanTable plan = Plan(c);
    ASSERT_FALSE(plan.rows.empty()) << serving;
    for (const PlanRow& r : plan.rows) {
      EXPECT_LE(r.gpus, 64) << serving << " " << plan.gpus[r.gpu];
      EXPECT_NEAR(r.usd_per_m_output, r.usd_per_gpu_hr * 1e6 / (3600 * r.output_tps_per_gpu),
                  1e-9 * r.usd_per_m_output);
      if (r.serving == Serving::kDisagg) {
        EXPECT_EQ(r.gpus, r.prefill_instances * r.prefill_tp * r.prefill_dp +
                              r.decode_instances * r.decode_ep);
      }
    }
  }
  // A budget too small for any disaggregated pair says so.
  const PlanTable tiny = Plan(ConfigOf("#v=1&gpus=H200&gpus_total=8&serving=disagg"));
  EXPECT_TRUE(tiny.rows.empty());
  ASSERT_FALSE(tiny.misses.empty());
  EXPECT_EQ(tiny.misses[0].key, "gpus_total");
}

// A plan row's links open its decode row, its prefill batch, and its sized deployment as a
// serving benchmark, which at the plan's concurrency gives the plan's output within the queueing
// the plan leaves out.
TEST(Plan, RowLinksReproduceThePlan) {
  for (const std::string serving : {"best", "agg"}) {
    const Config c =
        ConfigOf("#v=1&mode=calibrated&gpus=H200,GB200-NVL72,DGX-B200&serving=" + serving);
    const PlanTable plan = Plan(c);
    ASSERT_EQ(plan.rows.size(), 3u);
    for (const PlanRow& r : plan.rows) {
      const std::string& gpu = plan.gpus[r.gpu];
      const ParseResult decode = ParseLink(r.decode_link);
      ASSERT_TRUE(decode.ok()) << r.decode_link;
      if (r.serving == Serving::kDisagg) {
        const DecodeTable t = Decode(*decode.config);
        ASSERT_EQ(t.rows.size(), 1u) << r.decode_link;
        EXPECT_EQ(t.rows[0].total, r.decode_tps) << gpu;
        const ParseResult prefill = ParseLink(r.prefill_link);
        ASSERT_TRUE(prefill.ok()) << r.prefill_link;
        const std::vector<PrefillRow> p = PrefillTable(*prefill.config);
        ASSERT_EQ(p.size(), 1u);
        EXPECT_EQ(p[0].prefill_tps, r.prefill_tps) << gpu;
      }
      const ParseResult serve = ParseLink(r.serve_link);
      ASSERT_TRUE(serve.ok()) << r.serve_link;
      const ServeTable s = Serve(*serve.config);
      ASSERT_EQ(s.rows.size(), 1u) << r.serve_link;
      EXPECT_EQ(s.rows[0].gpus, r.gpus) << gpu;
      EXPECT_NEAR(s.rows[0].output_tps_per_gpu, r.output_tps_per_gpu, 0.06 * r.output_tps_per_gpu)
          << gpu << " " << r.serve_link;
      // And the benchmark's TTFT keeps the plan's target (its queue is the one the plan sized).
      EXPECT_LE(s.rows[0].ttft_ms, c.scenario.ttft_ms * 1.02) << gpu << " " << r.serve_link;
    }
  }
}

TEST(Plan, EveryRowStatesItsPrecision) {
  const PlanTable plan = PlanOf("#v=1&mode=calibrated&gpus=GB200-NVL72,H200&mtp=1");
  ASSERT_EQ(plan.rows.size(), 2u);
  for (const PlanRow& r : plan.rows) {
    EXPECT_EQ(r.moe, plan.gpus[r.gpu] == "H200" ? "fp8" : "fp4");
    EXPECT_EQ(r.kv, "fp8");
    EXPECT_EQ(r.mtp, 1);
  }
  const PlanTable same = PlanOf("#v=1&mode=calibrated&gpus=GB200-NVL72,H200&moe_dtype=fp8");
  for (const PlanRow& r : same.rows) EXPECT_EQ(r.moe, "fp8");
}

TEST(Plan, TheDecodeRowIsTheDecodeTablesRowAtTheMeanContext) {
  // isl 1000, osl 501: mean context 1000 + 250 = 1250, memory at 1501 = 1250 + 251.
  for (const std::string mode : {"reference", "calibrated"}) {
    const Config c = ConfigOf("#v=1&serving=disagg&mode=" + mode + "&isl=1000&osl=501&tpot_ms=35");
    const PlanTable plan = Plan(c);
    ASSERT_FALSE(plan.rows.empty());
    for (const PlanRow& r : plan.rows) {
      Config d = c;
      d.gpus = {plan.gpus[r.gpu]};
      d.scenario.seq_len = 1250;
      d.scenario.decode_len = 251;
      d.scenario.ep = {r.decode_ep};
      d.scenario.decode_tp = {r.decode_tp};
      d.scenario.bs = {r.batch};
      const DecodeTable t = Decode(d);
      ASSERT_EQ(t.rows.size(), 1u) << mode << " " << d.gpus[0];
      EXPECT_EQ(t.rows[0].tpot, r.tpot_ms);
      EXPECT_EQ(t.rows[0].total, r.decode_tps);
      // Limit "tpot": the largest Total at this EP and TP meeting the target, the batch a whole
      // number, not a grid point (one more request per GPU misses the target, does not fit, or
      // gives no more); and no batch of the scenario's list is better.
      if (r.limit == "tpot") {
        for (const std::vector<double>& bs : {std::vector<double>{r.batch + 1}, c.scenario.bs}) {
          d.scenario.bs = bs;
          for (const DecodeRow& other : Decode(d).rows) {
            if (other.tpot <= c.scenario.tpot_ms) {
              EXPECT_LE(other.total, r.decode_tps);
            }
          }
        }
      }
    }
  }
}

TEST(Plan, TheTtftIsThePrefillForwardQueuedAsServeQueuesIt) {
  for (const std::string mode : {"reference", "calibrated"}) {
    const Config c = ConfigOf("#v=1&serving=disagg&mode=" + mode + "&isl=2048&osl=512&tpot_ms=50");
    const PlanTable plan = Plan(c);
    ASSERT_FALSE(plan.rows.empty());
    for (const PlanRow& r : plan.rows) {
      const std::string& gpu = plan.gpus[r.gpu];
      Config p = c;
      p.gpus = {gpu};
      p.scenario.seq_len = 2048;
      p.scenario.decode_len = 0;
      p.scenario.tp = r.prefill_tp;
      p.scenario.dp = r.prefill_dp;
      p.scenario.prefill_tokens = mode == "calibrated" ? r.prefill_tokens : 0;
      const std::vector<PrefillRow> rows = PrefillTable(p);
      ASSERT_EQ(rows.size(), 1u);
      EXPECT_DOUBLE_EQ(r.prefill_tps, rows[0].prefill_tps);
      // At least the forward itself; the batch left the queue room (≤ target / 1.8).
      EXPECT_GT(r.ttft_ms, rows[0].sum) << gpu;
      EXPECT_LE(kTtftQueueFactor * rows[0].sum, c.scenario.ttft_ms) << gpu;
      EXPECT_NEAR(r.ttft_ms, QueuedTtft(c, r, gpu, r.prefill_instances), 1e-9 * r.ttft_ms);
      if (mode == "reference") {
        EXPECT_EQ(r.prefill_tokens, 2048) << "one prompt per batch";
      }
    }
  }
}

TEST(Plan, SaysWhenMemoryNotTheTargetLimitsTheBatch) {
  // 8K prompts on GB200 in reference mode: the KV cache caps the batch well under the TPOT target.
  const PlanTable plan = PlanOf("#v=1&gpus=GB200-NVL72&isl=8192&osl=1024&serving=disagg");
  ASSERT_EQ(plan.rows.size(), 1u);
  EXPECT_GE(plan.rows[0].batch, 0.9 * plan.rows[0].max_batch);
  EXPECT_LT(plan.rows[0].tpot_ms, 0.5 * 50);
  EXPECT_NE(plan.rows[0].limit, "tpot");
  // A tight target limits it instead.
  const PlanTable tight =
      PlanOf("#v=1&gpus=GB200-NVL72&isl=1024&osl=1024&tpot_ms=15&serving=disagg");
  ASSERT_EQ(tight.rows.size(), 1u);
  EXPECT_LT(tight.rows[0].batch, tight.rows[0].max_batch);
  EXPECT_NE(tight.rows[0].limit, "memory");
}

TEST(Plan, LoadSizesWholeInstances) {
  const Config c = ConfigOf(
      "#v=1&mode=calibrated&isl=8192&osl=1024&tpot_ms=30&load=100000&gpus=H200,GB200-NVL72");
  const PlanTable plan = Plan(c);
  ASSERT_EQ(plan.rows.size(), 2u);
  for (const PlanRow& r : plan.rows) {
    const double prefill_gpus = r.prefill_tp * r.prefill_dp;
    EXPECT_EQ(r.gpus, r.prefill_instances * prefill_gpus + r.decode_instances * r.decode_ep);
    // Enough of each pool, and one instance fewer would not be.
    EXPECT_GE(r.decode_instances * r.decode_ep * r.decode_tps, 100000);
    EXPECT_LT((r.decode_instances - 1) * r.decode_ep * r.decode_tps, 100000);
    EXPECT_GE(r.prefill_instances * prefill_gpus * r.prefill_tps, 100000 * 8192 / 1024.0);
    EXPECT_LE(r.ttft_ms, 2000);
    EXPECT_GT(QueuedTtft(c, r, plan.gpus[r.gpu], r.prefill_instances - 1), 2000);
    EXPECT_DOUBLE_EQ(r.usd_per_hour, r.gpus * r.usd_per_gpu_hr);
  }
  // The cheapest fleet first.
  EXPECT_LE(plan.rows[0].usd_per_hour, plan.rows[1].usd_per_hour);
}

TEST(Plan, MoreLoadNeverNeedsFewerGpus) {
  std::map<std::string, double> last;
  for (double load : {1e3, 1e4, 5e4, 1e5, 1e6}) {
    const PlanTable plan = PlanOf("#v=1&tpot_ms=40&load=" + FormatNumber(load));
    for (const PlanRow& r : plan.rows) {
      const std::string& gpu = plan.gpus[r.gpu];
      if (last.count(gpu)) {
        EXPECT_GE(r.gpus, last[gpu]) << gpu << " " << load;
      }
      last[gpu] = r.gpus;
    }
  }
}

TEST(Plan, MissesSayWhichTargetAndByHowMuch) {
  const PlanTable plan = PlanOf("#v=1&gpus=H20,H200&tpot_ms=5&ttft_ms=1");
  EXPECT_TRUE(plan.rows.empty());
  int tpot = 0, ttft = 0;
  for (const PlanMiss& m : plan.misses) {
    if (m.key == "tpot_ms") {
      ++tpot;
      EXPECT_GT(m.best, 5);
      EXPECT_NE(m.message.find("TPOT ≥"), std::string::npos) << m.message;
      EXPECT_NE(m.message.find("target 5.0 ms"), std::string::npos) << m.message;
    }
    if (m.key == "ttft_ms") {
      ++ttft;
      EXPECT_GT(m.best, 1);
      EXPECT_NE(m.message.find("TTFT ≥"), std::string::npos) << m.message;
    }
  }
  EXPECT_EQ(tpot, 2);
  EXPECT_EQ(ttft, 2);
  // The best TPOT reported is the fastest decode row: a target just above it is met.
  const PlanMiss& h20 = plan.misses[0].gpu == "H20" && plan.misses[0].key == "tpot_ms"
                            ? plan.misses[0]
                        : plan.misses[1].key == "tpot_ms" ? plan.misses[1]
                                                          : plan.misses[0];
  ASSERT_EQ(h20.key, "tpot_ms");
  const PlanTable met =
      PlanOf("#v=1&gpus=" + h20.gpu + "&tpot_ms=" + FormatNumber(h20.best * 1.0001));
  ASSERT_EQ(met.rows.size(), 1u);
}

TEST(Plan, MemoryMissNamesTheLargestBatchThatFits) {
  const PlanTable plan = PlanOf("#v=1&gpus=H800&isl=1000000&osl=48576&mem_util=0.5");
  ASSERT_TRUE(plan.rows.empty());
  bool memory = false;
  for (const PlanMiss& m : plan.misses) {
    if (m.key != "mem_util") continue;
    memory = true;
    EXPECT_LT(m.best, 1);
    EXPECT_NE(m.message.find("not fit"), std::string::npos) << m.message;
  }
  EXPECT_TRUE(memory);
}

TEST(Prices, ParseCheckAndResolve) {
  std::string why;
  const auto prices = ParsePrices("2.50,H200:1.220", &why);
  ASSERT_TRUE(prices.has_value()) << why;
  EXPECT_EQ(PricesText(*prices), "2.5,H200:1.22");
  EXPECT_FALSE(ParsePrices("H200:", &why).has_value());
  EXPECT_FALSE(ParsePrices(":3", &why).has_value());
  EXPECT_FALSE(ParsePrices("cheap", &why).has_value());

  const Config c = ConfigOf("#v=1&price=2.5,H200:1.22");
  EXPECT_EQ(PriceOf(c, "H200").usd, 1.22);
  EXPECT_EQ(PriceOf(c, "H20").usd, 2.5);
  const Config builtin = ConfigOf("#v=1");
  EXPECT_EQ(PriceOf(builtin, "GB200-NVL72").usd, 1.86);
  EXPECT_NE(PriceOf(builtin, "H20").source.find("estimate"), std::string_view::npos);
  const Config custom = ConfigOf("#v=1&hw=MYGPU,132,20,1200,2400,0,192,6000,900,100,8");
  EXPECT_EQ(PriceOf(custom, "MYGPU").usd, 2.0);
  EXPECT_NE(PriceOf(custom, "MYGPU").source.find("fallback"), std::string_view::npos);

  // The price in the plan is the GPU's.
  const PlanTable plan = Plan(ConfigOf("#v=1&gpus=H200,GB200-NVL72&price=3,H200:1"));
  for (const PlanRow& r : plan.rows) {
    EXPECT_EQ(r.usd_per_gpu_hr, plan.gpus[r.gpu] == "H200" ? 1.0 : 3.0);
  }
}

TEST(Prices, ContradictionsAreErrors) {
  for (const char* link :
       {"#v=1&price=H200:1,H200:2", "#v=1&price=1,2", "#v=1&price=XX:1", "#v=1&price=0",
        "#v=1&price=H200:-1", "#v=1&price=H200:1e9", "#v=1&price=a:b:c", "#v=1&tpot_ms=0",
        "#v=1&ttft_ms=-1", "#v=1&isl=0", "#v=1&osl=1.5", "#v=1&load=-5"}) {
    const ParseResult r = ParseLink(link);
    EXPECT_FALSE(r.ok()) << link;
    for (const ConfigError& e : r.errors) EXPECT_FALSE(e.message.empty()) << link;
  }
  const ParseResult r = ParseLink("#v=1&price=H200:1,H200:2,XX:3,-1");
  EXPECT_EQ(r.errors.size(), 3u) << "each problem of price= is its own line";
}

TEST(PlanFrontier, AtTheTargetItGivesThePlansOutput) {
  const Config c = ConfigOf("#v=1&serving=disagg&gpus=GB200-NVL72,H200&tpot_ms=25");
  const PlanTable plan = Plan(c);
  const PlanTable huge =
      Plan(ConfigOf("#v=1&serving=disagg&gpus=GB200-NVL72,H200&tpot_ms=25&load=1e9"));
  ASSERT_EQ(huge.rows.size(), 2u);
  const std::vector<PlanCurve> curves = PlanFrontier(c);
  ASSERT_EQ(curves.size(), 2u);
  for (const PlanCurve& curve : curves) {
    ASSERT_FALSE(curve.tps_user.empty());
    for (size_t i = 1; i < curve.tps_user.size(); ++i) {
      EXPECT_GT(curve.tps_user[i], curve.tps_user[i - 1]);
      EXPECT_LT(curve.output_tps_per_gpu[i], curve.output_tps_per_gpu[i - 1]);
    }
    double best = 0;
    for (size_t i = 0; i < curve.tps_user.size(); ++i) {
      if (curve.tps_user[i] >= 1000 / 25.0) best = std::max(best, curve.output_tps_per_gpu[i]);
    }
    // The curve is the fractionally rate-matched envelope: no sized plan beats it, and at a
    // load large enough that whole instances round away, the sized plan reaches it.
    for (const PlanRow& r : plan.rows) {
      if (plan.gpus[r.gpu] != curve.gpu) continue;
      EXPECT_LE(r.output_tps_per_gpu, best * (1 + 1e-12));
      EXPECT_LE(r.ideal_output_tps_per_gpu, best * (1 + 1e-12));
    }
    for (const PlanRow& r : huge.rows) {
      if (huge.gpus[r.gpu] != curve.gpu) continue;
      // ~1000 decode instances: whole instances round away; the prefill pool runs at most 99 %
      // loaded (the curve assumes 100 %).
      EXPECT_LE(r.output_tps_per_gpu, best);
      EXPECT_GT(r.output_tps_per_gpu, 0.98 * best) << curve.gpu;
      EXPECT_LE(r.ideal_output_tps_per_gpu, best * (1 + 1e-12)) << curve.gpu;
    }
  }
}

TEST(PlanRatioCurve, MoreInputPerOutputNeedsMorePrefill) {
  const PlanRatios r = PlanRatioCurve(ConfigOf("#v=1&gpus=GB200-NVL72,H200&tpot_ms=40"));
  ASSERT_EQ(r.gpus.size(), 2u);
  for (const std::vector<double>& pd : r.pd) {
    ASSERT_EQ(pd.size(), r.ratios.size());
    for (size_t i = 1; i < pd.size(); ++i) EXPECT_GT(pd[i], pd[i - 1]);
  }
  // isl/osl = 1 with isl + osl = 2048 is the default workload's plan.
  const PlanTable plan = Plan(ConfigOf("#v=1&serving=disagg&gpus=GB200-NVL72,H200&tpot_ms=40"));
  for (const PlanRow& row : plan.rows) EXPECT_DOUBLE_EQ(r.pd[row.gpu][3], row.pd_ratio);
}

TEST(PlanColumns, NamesAndValuesLineUp) {
  ASSERT_EQ(PlanColumns().size(), kPlanWidth);
  PlanRow r;
  r.prefill_tp = 1;
  r.usd_per_hour = 20;
  r.mtp = 2;
  r.serving = Serving::kAgg;
  r.moe = "fp4";
  const size_t prefill_tp = static_cast<size_t>(ColumnIndex(PlanColumns(), "PrefillTP"));
  const size_t usd_hour = static_cast<size_t>(ColumnIndex(PlanColumns(), "USD_per_hour"));
  EXPECT_EQ(PlanValue(r, prefill_tp), 1);
  EXPECT_EQ(PlanValue(r, usd_hour), 20);
  const size_t mtp = static_cast<size_t>(ColumnIndex(PlanColumns(), "MTP"));
  EXPECT_EQ(PlanValue(r, mtp), 2);
  EXPECT_EQ(PlanColumns()[kPlanWidth - 1].name, "Limit");
  r.serve_link = "#v=1&view=serve";
  r.limit = "sizing";
  const size_t serve = static_cast<size_t>(ColumnIndex(PlanColumns(), "serve_link"));
  EXPECT_EQ(PlanText(PlanTable{.gpus = {"H200"}}, r, serve), "#v=1&view=serve");
  EXPECT_EQ(PlanText(PlanTable{.gpus = {"H200"}}, r, kPlanWidth - 1), "sizing");
  // The text columns: GPU, Serving, MoE, KV.
  PlanTable t;
  t.gpus = {"H200"};
  EXPECT_EQ(PlanText(t, r, 0), "H200");
  EXPECT_EQ(PlanText(t, r, static_cast<size_t>(ColumnIndex(PlanColumns(), "Serving"))), "agg");
  EXPECT_EQ(PlanText(t, r, static_cast<size_t>(ColumnIndex(PlanColumns(), "MoE"))), "fp4");
  EXPECT_TRUE(std::isnan(PlanValue(r, static_cast<size_t>(ColumnIndex(PlanColumns(), "MoE")))));
  EXPECT_EQ(PlanColumns()[static_cast<size_t>(ColumnIndex(PlanColumns(), "USD_per_M_output"))].name,
            "USD_per_M_output");
  r.usd_per_m_output = 0.5;
  EXPECT_EQ(PlanValue(r, static_cast<size_t>(ColumnIndex(PlanColumns(), "USD_per_M_output"))), 0.5);
}

}  // namespace
}  // namespace shallowsim
