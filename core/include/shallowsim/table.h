// Result rows and their column names (SPEC §3, §4, §7). No formatting here: the CLI and the
// bindings turn rows into text or JS values.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace shallowsim {

// SPEC §3: one prefill row per GPU. Times in ms per layer; Compute/Comm/Sum in ms for all layers.
struct PrefillRow {
  std::string gpu;
  double mla = 0;  // dense-layer MLA
  double dense_mlp = 0;
  double tp_mla = 0;  // MoE-layer MLA with attention TP
  double shared_expert = 0;
  double combine = 0;
  double overlap1 = 0;  // combine time not hidden by TP_MLA + SharedExpert
  double routed_expert = 0;
  double dispatch = 0;
  double overlap2 = 0;  // dispatch time not hidden by RoutedExpert
  double compute = 0;
  double comm = 0;
  double sum = 0;
  double prefill_tps = 0;  // tokens/s per GPU
};

inline constexpr std::array<std::string_view, 14> kPrefillColumns = {
    "GPU",          "MLA",      "DenseMLP", "TP_MLA",  "SharedExpert", "Combine", "Overlap1",
    "RoutedExpert", "Dispatch", "Overlap2", "Compute", "Comm",         "Sum",     "PrefillTPS"};

// Numeric column i (1..13) of a prefill row.
double PrefillValue(const PrefillRow& row, size_t column);

// SPEC §4: one decode row per (EP, GPU, batch, decode TP). Times in ms.
struct DecodeRow {
  int gpu = 0;  // index into DecodeTable::gpus
  double tp = 0;
  double ep = 0;
  double batch = 0;
  double dense_mla = 0;
  double dense_mlp = 0;
  double sparse_mla = 0;
  double combine = 0;
  double shared_expert = 0;
  double routed_expert = 0;
  double dispatch = 0;
  double comp_sum = 0;
  double comm_sum = 0;
  double delta = 0;
  double tpot = 0;
  double tpot_o = 0;
  double tps = 0;
  double tps_o = 0;
  double total = 0;
  double total_o = 0;
  double comm_impact = 0;
};

inline constexpr std::array<std::string_view, 21> kDecodeColumns = {
    "GPU",     "TP",           "EP",           "BatchSize", "DenseMLA", "DenseMLP", "SparseMLA",
    "Combine", "SharedExpert", "RoutedExpert", "Dispatch",  "COMP_SUM", "COMM_SUM", "Delta",
    "TPOT",    "TPOT_O",       "TPS",          "TPS_O",     "Total",    "Total_O",  "Comm_Impact"};

// Numeric column i (1..20) of a decode row.
double DecodeValue(const DecodeRow& row, size_t column);
// Index of a decode column by name, or -1.
int DecodeColumnIndex(std::string_view name);

struct DecodeTable {
  std::vector<std::string> gpus;  // names, in the order the config lists them
  std::vector<DecodeRow> rows;
};

// SPEC §7 maxbatch: max_bs per GPU × EP × decode TP, floored, never negative.
struct MaxBatchRow {
  int gpu = 0;  // index into MaxBatchTable::gpus
  double ep = 0;
  double tp = 0;
  double max_batch = 0;
};
inline constexpr std::array<std::string_view, 4> kMaxBatchColumns = {"GPU", "EP", "TP", "MaxBatch"};
struct MaxBatchTable {
  std::vector<std::string> gpus;
  std::vector<MaxBatchRow> rows;
};

}  // namespace shallowsim
