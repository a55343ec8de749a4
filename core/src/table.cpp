#include "shallowsim/table.h"

namespace shallowsim {

namespace {
constexpr double PrefillRow::*kPrefillMembers[] = {
    nullptr,
    &PrefillRow::mla,
    &PrefillRow::dense_mlp,
    &PrefillRow::tp_mla,
    &PrefillRow::shared_expert,
    &PrefillRow::combine,
    &PrefillRow::overlap1,
    &PrefillRow::routed_expert,
    &PrefillRow::dispatch,
    &PrefillRow::overlap2,
    &PrefillRow::compute,
    &PrefillRow::comm,
    &PrefillRow::sum,
    &PrefillRow::prefill_tps,
};
static_assert(std::size(kPrefillMembers) == kPrefillColumns.size());

constexpr double DecodeRow::*kDecodeMembers[] = {
    nullptr,
    &DecodeRow::tp,
    &DecodeRow::ep,
    &DecodeRow::batch,
    &DecodeRow::dense_mla,
    &DecodeRow::dense_mlp,
    &DecodeRow::sparse_mla,
    &DecodeRow::combine,
    &DecodeRow::shared_expert,
    &DecodeRow::routed_expert,
    &DecodeRow::dispatch,
    &DecodeRow::comp_sum,
    &DecodeRow::comm_sum,
    &DecodeRow::delta,
    &DecodeRow::tpot,
    &DecodeRow::tpot_o,
    &DecodeRow::tps,
    &DecodeRow::tps_o,
    &DecodeRow::total,
    &DecodeRow::total_o,
    &DecodeRow::comm_impact,
};
static_assert(std::size(kDecodeMembers) == kDecodeColumns.size());
}  // namespace

double PrefillValue(const PrefillRow& row, size_t column) { return row.*kPrefillMembers[column]; }
double DecodeValue(const DecodeRow& row, size_t column) { return row.*kDecodeMembers[column]; }

int DecodeColumnIndex(std::string_view name) {
  for (size_t i = 0; i < kDecodeColumns.size(); ++i) {
    if (kDecodeColumns[i] == name) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace shallowsim
