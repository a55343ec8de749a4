// Where the time goes: a prefill row's Sum and a decode row's step split into components over
// all layers (ms), summing exactly to the whole. The page draws them as stacked bars and lists
// the totals with their shares.
#pragma once

#include <array>
#include <string_view>

#include "shallowsim/bilingual.h"
#include "shallowsim/model.h"
#include "shallowsim/table.h"

namespace shallowsim {

struct PartInfo {
  std::string_view key;  // stable name (CSS, tests)
  Text label;
  Text meaning;
};

// Attention (MLA, with its TP all-reduce), dense MLP, shared expert, routed experts, the
// all-to-all time not hidden behind compute, and the LM head (decode, calibrated from 2026-12g).
inline constexpr size_t kParts = 6;
const std::array<PartInfo, kParts>& Parts();
using PartTimes = std::array<double, kParts>;

// Prefill: over all layers, summing to the row's Sum (ms).
PartTimes PrefillParts(const PrefillRow& row, const Model& model);
// Decode: one step of the main model's layers (n_dense·(DenseMLA + DenseMLP) + n_sparse·(SparseMLA
// + Shared + Routed + max(Delta, 0))) and its LM head, summing to TPOT when there is no MTP. With
// MTP the step also runs the draft layer and emits mtp_accept tokens; the parts are then the main
// layers' shares.
PartTimes DecodeParts(const DecodeRow& row, const Model& model);

}  // namespace shallowsim
