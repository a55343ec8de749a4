// Decode: rows over EP × GPU × batch × decode TP, with the memory limit (SPEC §4).
#pragma once

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

}  // namespace shallowsim
