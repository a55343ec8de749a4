// Serve: what an end-to-end serving benchmark measures (docs/SERVE.md). `concurrency` requests
// in flight (a closed loop: a request is sent when one finishes), prompts of isl tokens, outputs
// of osl tokens, on a stated deployment:
//  - agg: one instance of serve_tp GPUs; prefill and decode share them (chunked prefill: every
//    decode step also carries its share of the prompts that arrive meanwhile);
//  - disagg: a prefill pool (tp × dp instances) and a decode pool (instances of ep GPUs); the
//    slower pool sets the rate, prompts queue when the prefill pool is saturated, and the KV cache
//    crosses from one to the other.
// The rows come from the decode and prefill rows of both modes (decode.h, prefill.h); each names
// the links that reproduce them.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "shallowsim/config.h"

namespace shallowsim {

struct ServeRow {
  int gpu = 0;  // index into ServeTable::gpus
  Serving serving = Serving::kAgg;
  double gpus = 0;           // GPUs of the deployment
  double prefill_gpus = 0;   // disagg: the prefill pool (agg: 0)
  double decode_gpus = 0;    // disagg: the decode pool; agg: the instance
  double decode_ep = 0;      // GPUs experts are spread over in decode
  double decode_tp = 0;      // attention TP in decode
  double concurrency = 0;    // requests in flight
  double batch_per_gpu = 0;  // requests decoding per decode GPU
  double ttft_ms = 0;
  double tpot_ms = 0;
  double tps_user = 0;            // output tokens/s per request
  double output_tps_per_gpu = 0;  // output tokens/s per GPU of the deployment
  double total_tps_per_gpu = 0;   // input + output tokens/s per GPU of the deployment
  double usd_per_m_output = 0;
  double uncertainty_pct = 0;  // the measured error of this regime (uncertainty.h)
  std::string bound;           // what sets the rate: decode, prefill, or memory
  double tail_pct = 0;         // num_prompts: throughput the last, smaller wave costs (% of steady)
  std::string decode_link;     // the decode view's link of the decode row it uses
  std::string prefill_link;    // the prefill view's link of its prefill row
};
// Columns of a serve row (columns.h ServeColumns()).
inline constexpr size_t kServeWidth = 20;
double ServeNumber(const ServeRow& row, size_t column);

// A GPU the benchmark cannot run on, and why.
struct ServeMiss {
  std::string gpu;
  std::string message;
};

struct ServeTable {
  std::vector<std::string> gpus;
  std::vector<ServeRow> rows;  // per GPU: agg, disagg, or both (serving=best)
  std::vector<ServeMiss> misses;
};
ServeTable Serve(const Config& config);
std::string_view ServeText(const ServeTable& table, const ServeRow& row, size_t column);

// One deployment of one GPU (the planner reuses it): nullopt-like `ok` false when it does not fit.
struct ServePoint {
  bool ok = false;
  ServeRow row;
  std::string why;  // when not ok
};
ServePoint ServeAgg(const Config& config, const Gpu& gpu, double concurrency);
// Aggregated with attention DP over `ranks` GPUs, each rank prefilling in forwards of its own
// (serve_align=0, calibration 2026-12g): ms per decode step (every request gains its tokens) when
// a decode forward takes decode_ms and a rank prefills `arriving` prompt tokens per step, in
// forwards of `forward` tokens at ms_per_token. Every rank waits for the slowest one.
double OwnForwardsStepMs(double decode_ms, double forward, double arriving, double ms_per_token,
                         double ranks);
// Disaggregated: ms for one prompt's KV cache (isl tokens) to cross from a prefill TP group of
// prefill_tp GPUs to the decode pool (NVLink within a rack, else the NIC).
double KvTransferMs(const Config& config, const Gpu& gpu, double prefill_tp);
// M/D/1: TTFT of a prompt that waits for the forward in progress of a prefill pool at
// utilisation rho (< 1) and runs in the next one of forward_ms, then crosses (kv_ms) and waits
// for a decode step (step_ms).
double QueuedTtftMs(double forward_ms, double rho, double kv_ms, double step_ms);
// A closed loop of n requests (calibration 2026-12i): each queues for one server of `service` ms
// per request (the prefill pool, 1 / capacity) and then spends `delay` ms elsewhere (the rest of
// its forward, the KV transfer, decoding). Exact mean-value analysis: the throughput (requests per
// ms) and the time in the queue, service included. Throughput rises with n toward 1 / service and
// the time in the queue never falls; a fractional request interpolates between whole ones, and
// past 100,000 requests the time is the larger of the exact one and the saturated limit
// n · service − delay.
struct ClosedLoop {
  double throughput = 0;
  double queue_ms = 0;
};
ClosedLoop ClosedLoopMva(double n, double service, double delay);
ServePoint ServeDisagg(const Config& config, const Gpu& gpu, double concurrency);

}  // namespace shallowsim
