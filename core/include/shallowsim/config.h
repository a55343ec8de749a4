// The configuration: scenario inputs, view state, validation and the share-link codec (SPEC §1,
// §6). Defaults are written once, in the struct initializers below; the schema (schema.h), the
// CLI and the page read them from a default-constructed Config.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shallowsim/enums.h"
#include "shallowsim/hardware.h"
#include "shallowsim/model.h"

namespace shallowsim {

// SPEC §1.3. Counts are whole numbers held as double (see Model).
struct Scenario {
  double seq_len = 4383;                                 // tokens: prefill length, decode KV length
  double decode_len = 1210;                              // generated tokens (memory check)
  double kv_cache_rate = 0.563;                          // prefix-cache hit rate in prefill
  double tp = 4;                                         // prefill attention TP
  double dp = 8;                                         // prefill DP
  std::vector<double> bs = {16, 32, 64, 128, 256, 512};  // decode batch sizes per GPU
  std::vector<double> ep = {8, 16, 36, 72, 144, 320};    // decode EP sizes
  std::vector<double> decode_tp = {1, 4, 8};             // decode attention TP values
  double mbs = 2;  // micro-batches overlapped: decode; prefill too from calibration 2026-12b
  double fp8_combine = 1;            // 0/1: FP8 combine in decode on FP4-capable GPUs
  double decode_sbo = 0;             // calibrated, mbs 1: 1 = single-batch overlap (SGLang opt-in)
  double tps_limit = 0;              // drop decode rows with TPS <= this
  double discount = 0.85;            // datasheet-to-achievable factor
  double mla_discount = 0.7;         // MLA kernel efficiency
  double min_ar_time = 0.015;        // ms
  double mla_static = 0.05;          // ms
  double prefill_a2a_static = 0.05;  // ms
  double decode_a2a_static = 0.005;  // ms per micro-batch
  double mem_util = 0.9;             // usable fraction of GPU memory
  // Serving knobs of published systems; each default is the reference's behaviour.
  double mtp = 0;         // MTP draft tokens per decode step (0 = off)
  double mtp_accept = 0;  // tokens emitted per request per step; 0 = the published figure
  KvDtype kv_dtype = KvDtype::kFp8;        // KV-cache element: fp8 (1 byte, the reference) or bf16
  MoeDtype moe_dtype = MoeDtype::kAuto;    // expert weights: auto (the reference's rule), fp8, fp4
  Framework framework = Framework::kAuto;  // calibrated: whose kernels (calibration.h)
  double ep_imbalance = 0;           // busiest EP rank's load over the mean; 0 = the mode's own
  double prefill_tokens = 0;         // tokens per GPU per prefill batch; 0 = seq_len (one sequence)
  MoeComm moe_comm = MoeComm::kA2a;  // all-to-all between EP ranks, or all-reduce over the TP group
  double moe_tp = 1;  // experts tensor-parallel over this many GPUs of the EP group (1 = EP)
  // The planner's workload and targets (plan.h; docs/PLANNER.md gives the defaults' sources).
  double isl = 1024;      // input tokens per request
  double osl = 1024;      // output tokens per request
  double ttft_ms = 2000;  // time to first token, at most
  double tpot_ms = 50;    // time per output token, at most
  std::string price;      // USD per GPU-hour: "" = built-in, "2.5", "H200:1.22,…" (plan.h)
  double load = 0;        // output tokens/s the service must sustain; 0 = no sizing
  // A serving benchmark (serve.h) and the planner's deployment choices.
  Serving serving = Serving::kBest;  // agg, disagg, or the better of the two per GPU
  double concurrency = 0;            // requests in flight; 0 = as many as memory allows
  double serve_tp = 8;               // agg: GPUs of the instance (attention TP or DP over them)
  double serve_ep = 0;               // agg: 1 = MoE TP, serve_tp = EP; 0 = serve_tp
  double serve_dpa = 0;              // agg: 1 = data-parallel attention
  double serve_align = 0;   // agg with serve_dpa: 1 = the DP ranks prefill together (serve.h)
  double serve_tbo = 0;     // serve: 1 = two-batch overlap (SGLang's --enable-two-batch-overlap)
  double max_running = 0;   // serve: requests running at once per instance; 0 = memory's limit
  double num_prompts = 0;   // serve: requests in the whole benchmark; 0 = a steady stream
  double prefill_gpus = 0;  // disagg: the prefill pool; 0 = rate-matched to decode
  double decode_gpus = 0;   // disagg: the decode pool; 0 = one instance of EP GPUs
  double gpus_total = 0;    // plan: the GPU budget; 0 = none

  friend bool operator==(const Scenario&, const Scenario&) = default;
};

// A one-parameter sweep: key:from:to:step, `to` included (SPEC §5).
struct SweepSpec {
  std::string param = "seq_len";
  double from = 1024;
  double to = 16352;
  double step = 32;

  friend bool operator==(const SweepSpec&, const SweepSpec&) = default;
};

// What the page shows; part of the link (SPEC §6). The CLI ignores what only draws (view, sweep
// chart keys, lang, base, cols) and applies what selects and orders rows (only_*, tps_floor,
// sort), so a download from the page and the CLI print the same rows.
struct View {
  std::string view = "prefill";
  SweepSpec sweep;
  std::vector<std::string> metric = {"Total"};        // decode columns plotted by the sweep
  double sweep_bs = 128;                              // the batch size the sweep plots
  std::vector<double> sweep_ep = {36, 72, 144, 320};  // EP lines of the sweep (within ep)
  std::string sweep_group = "gpu";  // gpu: a panel per GPU, a line per EP; ep: the reverse
  double tps_floor = 0;  // per-user TPS a service needs: rows below are out of the running
  std::string lang = "en";
  std::string base;  // A/B: the baseline's canonical fragment; empty = no comparison
  std::string sort;  // "" = the table's own order; "Column" ascending, "-Column" descending
  std::vector<std::string> only_gpu;  // row filters; empty = all
  std::vector<double> only_ep;
  std::vector<double> only_tp;
  std::vector<double> only_bs;
  std::vector<std::string> cols;  // columns shown on screen; empty = the view's default

  friend bool operator==(const View&, const View&) = default;
};

struct Config {
  Mode mode = Mode::kReference;   // reference: the original, exactly; calibrated: calibration.h
  std::string cal;                // calibrated: the calibration's id ("" = the latest)
  std::vector<std::string> keep;  // calibrated: reference behaviours kept (correction ids)
  std::string preset = std::string(kDefaultPreset);
  Model model;
  Scenario scenario;
  std::string catalog = std::string(kReferenceCatalog);  // built-in catalog version (hardware.h)
  std::vector<Gpu> hw;            // `hw=` rows: added GPUs or replaced catalog entries, in order
  std::vector<std::string> gpus;  // GPUs shown, in order; empty = every GPU of the catalog
  View view;

  friend bool operator==(const Config&, const Config&) = default;
};

// The config's catalog version with its `hw=` rows applied: replacements in place, additions
// appended. An unknown version (a validation error of `catalog`) reads as the reference's, so the
// other keys' messages stay about them.
std::vector<Gpu> ResolvedCatalog(const Config& config);
// The GPUs the tables show, in order (`gpus`, or the whole resolved catalog).
std::vector<Gpu> SelectedGpus(const Config& config);
std::vector<std::string> GpuNames(const std::vector<Gpu>& gpus);
// Whether a GPU runs NVFP4 experts at moe_dtype: fp4, or auto where the GPU has FP4 (the rows'
// expert precision; the reference's memory check keeps its own rule, QUIRKS Q8).
inline bool Fp4Experts(MoeDtype moe, const Gpu& gpu) {
  return moe == MoeDtype::kFp4 || (moe == MoeDtype::kAuto && gpu.fp4 > 0);
}

// ---- Validation and the codec ----------------------------------------------------------------
struct ConfigError {
  std::string key;      // the link key (or "link" for the link as a whole)
  std::string message;  // what is wrong and what is allowed
  friend bool operator==(const ConfigError&, const ConfigError&) = default;
};

struct ParseResult {
  std::optional<Config> config;     // set only when errors is empty
  std::vector<ConfigError> errors;  // one per problem
  bool ok() const { return errors.empty(); }
};

// The error for results that are not finite (the schema's ranges are chosen so that this does
// not happen; front ends check their output anyway and report it with this one message).
inline ConfigError OverflowError() {
  return {"link", "the results overflow (a value is not finite); use smaller inputs"};
}

// Range and cross-field checks of a config built in code (the link parser runs these too).
std::vector<ConfigError> Validate(const Config& config);
// The checks that relate two keys (n_dense_layers <= n_layers, n_activated_experts <=
// n_routed_experts); part of Validate, cheap enough to run at every sweep point.
std::vector<ConfigError> CrossFieldErrors(const Config& config);

// A whole URL, a `#fragment`, a `?query` or a bare `k=v&...` string → a validated config.
ParseResult ParseLink(std::string_view link);
// The canonical fragment without '#': `v=1` then every key whose value differs from the
// default, in schema order.
std::string EncodeLink(const Config& config);

}  // namespace shallowsim
