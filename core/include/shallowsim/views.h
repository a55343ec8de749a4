// Views built on the decode table (SPEC §5), and the rows a view shows once the link's view keys
// (only_*, tps_floor, sort) have chosen and ordered them.
#pragma once

#include <string_view>

#include "shallowsim/config.h"
#include "shallowsim/plan.h"
#include "shallowsim/table.h"

namespace shallowsim {

// SPEC §5 "Leaderboard": per (GPU, BatchSize) the row(s) with the largest Total (exact ties all
// kept, QUIRKS Q16), sorted by Total descending, stable in decode row order.
DecodeTable Leaderboard(const DecodeTable& decode);

// SPEC §5 "Per-GPU view": rows of one GPU with TPS > tps_limit, the best row per
// (BatchSize, EP) (first in row order among ties), sorted by Total descending.
DecodeTable PerGpuBest(const DecodeTable& decode, std::string_view gpu, double tps_limit);

// Per GPU, the Pareto frontier of (TPS per user, Total per GPU): rows that no other row of the
// same GPU beats on both, sorted by TPS ascending. Ties on both keep the first in row order.
DecodeTable Frontier(const DecodeTable& decode);

// Whether the view keys drop any row (only_*, tps_floor).
bool FiltersRows(const View& view);
// The view keys without their row filters and order: what "n of N rows" counts N with.
View Unfiltered(View view);

// The rows `view` (decode, leaderboard or frontier) shows of a config's decode table: the rows
// that pass only_gpu/only_ep/only_tp/only_bs and — except on the frontier, which draws it —
// tps_floor; the leaderboard and the frontier are built from those rows; then sort= orders them
// (stable).
DecodeTable ShownDecode(const Config& config, const DecodeTable& decode, std::string_view view);
// The max-batch rows that pass only_gpu/only_ep/only_tp, in sort= order.
MaxBatchTable ShownMaxBatch(const Config& config, const MaxBatchTable& table);

// The plan rows that pass only_gpu, in sort= order (a column the plan lacks: its own order).
PlanTable ShownPlan(const Config& config, const PlanTable& table);

}  // namespace shallowsim
