// The planner (docs/PLANNER.md): for a workload (isl, osl) and latency targets (ttft_ms,
// tpot_ms), the best disaggregated deployment per GPU — prefill instances (TP, DP, tokens per
// batch) that meet the TTFT target, decode instances (EP, TP, batch) that meet the TPOT target
// with the KV cache of isl + osl tokens in memory, rate-matched so that the prefill pool produces
// the input tokens the decode pool consumes — and what a million output tokens cost.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shallowsim/config.h"
#include "shallowsim/enums.h"

namespace shallowsim {

// TTFT = the prefill time of the batch holding the request × this allowance for waiting on the
// batch in progress (the factor NVIDIA AIConfigurator applies to a disaggregated prefill batch).
inline constexpr double kTtftQueueFactor = 1.8;
// Prefill batches of calibrated mode hold up to this many tokens per attention-TP group.
inline constexpr double kMaxPrefillTokens = 32768;

// ---- Prices ----------------------------------------------------------------------------------
struct PriceEntry {
  std::string gpu;  // "" = every GPU the list does not name
  double usd = 0;   // per GPU-hour
};
// `price=` text: a number, or GPU:value pairs, or both ("2,H200:1.22"); nullopt and `why` on a
// syntax error. Names and ranges are Validate's.
std::optional<std::vector<PriceEntry>> ParsePrices(std::string_view text, std::string* why);
// The canonical text of a price list (numbers as links write them).
std::string PricesText(const std::vector<PriceEntry>& prices);
// Checks names (known GPUs, each once) and values (> 0, ≤ 1000); messages without the key.
std::vector<std::string> PriceErrors(const Config& config);

struct Price {
  double usd = 0;           // per GPU-hour
  std::string_view source;  // where the figure comes from
};
// A GPU's price: its price= pair, else price='s bare number, else the built-in estimate (owning
// cost per GPU-hour, SemiAnalysis TCO survey), else a fallback of $2.00.
Price PriceOf(const Config& config, std::string_view gpu);

// ---- Rate matching ---------------------------------------------------------------------------
// A decode GPU emitting decode_tps output tokens/s completes decode_tps/osl requests/s, whose
// prompts are decode_tps·isl/osl input tokens/s: pd_ratio prefill GPUs (prefill_tps input
// tokens/s each) per decode GPU produce them. Throughputs per GPU of the whole deployment.
struct Matched {
  double pd_ratio = 0;
  double output_tps_per_gpu = 0;  // decode_tps / (1 + pd_ratio)
  double total_tps_per_gpu = 0;   // input + output tokens
};
Matched RateMatch(double decode_tps, double prefill_tps, double isl, double osl);
// USD per million tokens at usd_per_gpu_hr and tps_per_gpu tokens/s per GPU.
double UsdPerMillion(double usd_per_gpu_hr, double tps_per_gpu);

// ---- The plan --------------------------------------------------------------------------------
// One GPU's best plan: a deployment of whole instances (one decode instance and the prefill
// instances it needs, the instances a load needs, or the most the gpus_total budget holds).
// Throughputs per GPU count every GPU of that deployment (prefill + decode); TotalTPS counts input
// + output tokens; IdealOutputTPS is the fractionally rate-matched figure, for reference only.
struct PlanRow {
  int gpu = 0;                         // index into PlanTable::gpus
  Serving serving = Serving::kDisagg;  // agg: one instance serves both phases
  double prefill_tp = 0;               // attention TP of a prefill instance
  double prefill_dp = 0;               // attention DP; the instance has TP·DP GPUs (its EP)
  double prefill_tokens = 0;           // tokens per TP group per prefill batch
  double decode_ep = 0;                // GPUs of a decode instance
  double decode_tp = 0;
  double batch = 0;      // requests per decode GPU
  double max_batch = 0;  // requests per decode GPU that fit at that EP/TP (= batch: memory-bound)
  double ttft_ms = 0;
  double tpot_ms = 0;
  double tps_user = 0;            // output tokens/s per request
  double prefill_tps = 0;         // input tokens/s per prefill GPU
  double decode_tps = 0;          // output tokens/s per decode GPU
  double pd_ratio = 0;            // prefill GPUs per decode GPU
  double output_tps_per_gpu = 0;  // output tokens/s per GPU of the deployment
  double total_tps_per_gpu = 0;   // input + output tokens/s per GPU
  double usd_per_gpu_hr = 0;
  double usd_per_m_output = 0;          // price·10⁶ / (3600 · output_tps_per_gpu)
  double gpus = 0;                      // the deployment's GPUs
  double prefill_instances = 0;         // agg: 0
  double decode_instances = 0;          // agg: the instances
  double usd_per_hour = 0;              // the deployment's cost per hour
  double uncertainty_pct = 0;           // the band of this regime (uncertainty.h)
  double ideal_output_tps_per_gpu = 0;  // rate-matched with fractional GPUs (disagg)
  std::string moe;                      // what the row assumes: expert weights (fp8, fp4)
  std::string kv;                       // the KV-cache element
  double mtp = 0;                       // MTP draft tokens
  std::string decode_link;              // the decode view of its decode row
  std::string prefill_link;             // the prefill view of its prefill batch
  std::string serve_link;               // the serve view of the sized deployment at its concurrency
  // What stops a larger batch: memory, tpot or sizing (disagg); memory or targets (agg).
  std::string limit;
};
// Columns of a plan row, GPU included (columns.h PlanColumns() describes them).
inline constexpr size_t kPlanWidth = 32;
// Numeric column i of PlanColumns() of a plan row (NaN for the text columns).
double PlanValue(const PlanRow& row, size_t column);

// A target no configuration of a GPU meets, with the closest it gets.
struct PlanMiss {
  std::string gpu;
  std::string key;      // the target or limit: ttft_ms, tpot_ms, or mem_util (memory)
  double best = 0;      // the closest value reached (ms; for memory the largest batch that fits)
  std::string message;  // e.g. "TPOT ≥ 61.2 ms at any batch on H20 at this context (…)"
};

struct PlanTable {
  std::vector<std::string> gpus;  // names, in the order the config lists them
  std::vector<PlanRow> rows;      // one per GPU that meets every target, best first
  std::vector<PlanMiss> misses;   // one per target a GPU misses
};
std::string_view PlanText(const PlanTable& table, const PlanRow& row, size_t column);

// The plan of a validated config, rows in sort= order (default: OutputTPS_per_GPU descending;
// with load= the cheapest deployment, with gpus_total the most output first). serving= says
// which deployments compete: agg, disagg, or best (both; the better per GPU is the row).
PlanTable Plan(const Config& config);

// ---- The trade-off -----------------------------------------------------------------------------
// Per GPU, over every decode configuration that fits (not only those meeting tpot_ms), paired
// with the best prefill under ttft_ms: the frontier of throughput per GPU against TPS per user.
struct PlanCurve {
  std::string gpu;
  std::vector<double> tps_user;            // ascending
  std::vector<double> output_tps_per_gpu;  // the best at that TPS per user or more
  std::vector<double> usd_per_m_output;
};
std::vector<PlanCurve> PlanFrontier(const Config& config);

// The P:D ratio of each GPU's best plan as isl/osl varies with isl + osl held: ratios[i] =
// isl/osl, pd[g][i] (NaN where no plan meets the targets).
struct PlanRatios {
  std::vector<double> ratios;
  std::vector<std::string> gpus;
  std::vector<std::vector<double>> pd;
};
PlanRatios PlanRatioCurve(const Config& config);

}  // namespace shallowsim
