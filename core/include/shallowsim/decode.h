// Decode: rows over EP × GPU × batch × decode TP, with the memory limit (SPEC §4).
#pragma once

#include <string>
#include <vector>

#include "shallowsim/config.h"
#include "shallowsim/table.h"

namespace shallowsim {

// SPEC §4 "Max batch": the largest batch per GPU that fits in memory (not floored; may be < 0),
// with the scenario's KV and expert precisions and MTP layer (reference mode).
double MaxBatch(const Model& model, const Gpu& gpu, const Scenario& scenario, double ep, double tp);
// The same in the config's mode (calibrated mode counts the shared experts and FP4 sizes).
double MaxBatchOf(const Config& config, const Gpu& gpu, double ep, double tp);

// SPEC §4 grouped-GEMM efficiency for a power-of-two bucket (QUIRKS Q4: names containing
// "H20", which includes H200 and H20-3E, use the H20 table).
double GemmEfficiency(std::string_view gpu_name, double bucket);
// The smallest power of two strictly greater than n (0→1, 5→8, 8→16) (QUIRKS Q5).
double NextPow2Above(double n);

// SPEC §4: the decode table of a validated config, in row order EP, GPU, batch, TP.
DecodeTable Decode(const Config& config);

// SPEC §5 "Max-batch table": floor(max_bs), at least 0, per GPU × EP × decode TP.
MaxBatchTable MaxBatchTableOf(const Config& config);

// Why a selected GPU has no decode row: its smallest batch (bs=) does not fit at any EP and
// decode TP. The numbers are those of the EP/TP where the most fits, in the config's mode.
struct FitNote {
  std::string gpu;
  double ep = 0, tp = 0;       // where the most fits
  double usable_gb = 0;        // mem × mem_util
  double fixed_gb = 0;         // weights and other fixed memory per GPU there
  double kv_gb = 0;            // the KV cache of one request (seq_len + decode_len tokens)
  double max_batch = 0;        // requests per GPU that fit (floored, at least 0)
  double min_batch = 0;        // the smallest batch of bs=
  double mem_util_needed = 0;  // for min_batch (> 1: not on this GPU)
  double max_context = 0;      // tokens per request that fit at min_batch (0: none)
  std::string message;         // all of the above in one sentence
};
std::vector<FitNote> FitNotes(const Config& config);

}  // namespace shallowsim
