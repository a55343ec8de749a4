#include "shallowsim/table.h"

#include <iterator>

#include "shallowsim/columns.h"

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
static_assert(std::size(kDecodeMembers) == kDecodeWidth);

}  // namespace

double PrefillValue(const PrefillRow& row, size_t column) { return row.*kPrefillMembers[column]; }
double DecodeValue(const DecodeRow& row, size_t column) { return row.*kDecodeMembers[column]; }
double MaxBatchValue(const MaxBatchRow& row, size_t column) {
  return column == 1 ? row.ep : column == 2 ? row.tp : row.max_batch;
}

}  // namespace shallowsim
