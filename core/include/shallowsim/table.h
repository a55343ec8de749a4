// Result rows (SPEC §3, §4, §7); their columns are described in columns.h. No formatting here:
// export.h writes rows as text, the bindings pass them to JS.
#pragma once

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

// Columns of a prefill and a decode row, GPU included (columns.h describes them).
inline constexpr size_t kPrefillWidth = 14;
inline constexpr size_t kDecodeWidth = 21;

// Numeric column i (1..13 of PrefillColumns()) of a prefill row.
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
  // Not a column: the LM head's time per step (calibrated from 2026-12g; else 0), in TPOT.
  double lm_head = 0;
};

// Numeric column i (1..20 of DecodeColumns()) of a decode row.
double DecodeValue(const DecodeRow& row, size_t column);

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
// Numeric column i (1..3 of MaxBatchColumns(): EP, TP, MaxBatch) of a max-batch row.
double MaxBatchValue(const MaxBatchRow& row, size_t column);
struct MaxBatchTable {
  std::vector<std::string> gpus;
  std::vector<MaxBatchRow> rows;
};

}  // namespace shallowsim
